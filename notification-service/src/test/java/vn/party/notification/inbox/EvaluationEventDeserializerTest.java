package vn.party.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.party.notification.support.Events;

class EvaluationEventDeserializerTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  private final EvaluationEventDeserializer deserializer = new EvaluationEventDeserializer(
      new ObjectMapper(), VALIDATION.getValidator(), ZoneId.of("Asia/Ho_Chi_Minh"));

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  @Test
  void readsStructuredAndBinaryModeAlike() {
    CloudEvent event = Events.event(EventTypes.TASK_ASSIGNED, Events.taskAssignedData("Tự kiểm điểm",
        "Nguyễn Văn An", List.of(Events.recipient("member1", "Nguyễn Văn An"))));

    InboundEvent structured = read(event, "STRUCTURED");
    InboundEvent binary = read(event, "BINARY");

    assertThat(structured.payload()).isEqualTo(binary.payload());
    assertThat(structured.id()).isEqualTo(event.getId());
    assertThat(((TaskAssignedData) structured.payload()).taskName()).isEqualTo("Tự kiểm điểm");
  }

  @Test
  void aLocalDueDateIsTakenInVietnamTime() {
    Map<String, Object> data = Events.taskAssignedData("Tự kiểm điểm", "A",
        List.of(Events.recipient("member1", "A")));
    data.put("dueDate", "2025-12-15T17:00:00");

    InboundEvent event = read(Events.event(EventTypes.TASK_ASSIGNED, data), "STRUCTURED");

    assertThat(((TaskAssignedData) event.payload()).dueDate()).isEqualTo("2025-12-15T10:00:00Z");
  }

  @Test
  void otherTypesAreReadWithoutTheirData() {
    InboundEvent event = read(Events.event("vn.party.evaluation.campaign.completed", Map.of("x", 1)), "STRUCTURED");
    assertThat(event.payload()).isInstanceOf(UnhandledEvent.class);
  }

  @Test
  void anUnknownLevelIsRefused() {
    Map<String, Object> data = Events.memberDecidedData("SUPERB", null, List.of(Events.recipient("member1", "A")));
    assertThatThrownBy(() -> read(Events.event(EventTypes.MEMBER_DECIDED, data), "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("SUPERB");
  }

  @Test
  void aBadEmailAddressOfARecipientIsRefused() {
    Map<String, Object> recipient = Events.recipient("member1", "A");
    recipient.put("email", "not an address");
    Map<String, Object> data = Events.taskAssignedData("Tự kiểm điểm", "A", List.of(recipient));
    assertThatThrownBy(() -> read(Events.event(EventTypes.TASK_ASSIGNED, data), "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class).hasMessageContaining("recipients[0].email");
  }

  @Test
  void notJsonIsRefused() {
    assertThatThrownBy(() -> deserializer.deserialize("evaluation.events", new RecordHeaders(),
        "not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("not a readable CloudEvent");
  }

  private InboundEvent read(CloudEvent event, String encoding) {
    CloudEventSerializer serializer = new CloudEventSerializer();
    serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding,
        CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
    RecordHeaders headers = new RecordHeaders();
    byte[] value = serializer.serialize("evaluation.events", headers, event);
    return deserializer.deserialize("evaluation.events", headers, value);
  }
}
