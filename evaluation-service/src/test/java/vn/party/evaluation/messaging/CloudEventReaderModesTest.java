package vn.party.evaluation.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The CloudEvents Kafka binding's modes (session 13's integrator): application/json without ce_* headers is neither
 * mode, and the reason says what to send instead of the SDK's "Unknown encoding".
 */
class CloudEventReaderModesTest {

  private static final String EVENT =
      """
      {"specversion":"1.0","id":"api13-1","source":"/api13","type":"vn.party.member.disciplined",
       "datacontenttype":"application/json","data":{"memberId":"api13-member"}}""";

  private final CloudEventReader reader = new CloudEventReader(new ObjectMapper());

  @Test
  void structuredModeIsReadWithItsContentTypeOrWithoutOne() {
    assertThat(reader.read(record(null)).getId()).isEqualTo("api13-1");
    assertThat(reader.read(record("application/cloudevents+json; charset=UTF-8")).getId())
        .isEqualTo("api13-1");
  }

  @Test
  void applicationJsonWithoutCeHeadersIsRefusedSayingWhatToSend() {
    assertThatThrownBy(() -> reader.read(record("application/json")))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("'application/json' without ce_* headers is neither CloudEvents mode")
        .hasMessageContaining("application/cloudevents+json")
        .hasMessageContaining("ce_specversion")
        .hasMessageNotContaining("Unknown encoding");
  }

  private static ConsumerRecord<String, byte[]> record(String contentType) {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>(
            "party.member-events", 0, 0L, "api13-member", EVENT.getBytes(StandardCharsets.UTF_8));
    if (contentType != null) {
      record.headers().add("content-type", contentType.getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }
}
