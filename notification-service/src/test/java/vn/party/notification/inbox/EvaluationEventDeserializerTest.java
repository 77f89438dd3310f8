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

  private final EvaluationEventDeserializer deserializer =
      new EvaluationEventDeserializer(
          new ObjectMapper(), VALIDATION.getValidator(), ZoneId.of("Asia/Ho_Chi_Minh"));

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  @Test
  void readsStructuredAndBinaryModeAlike() {
    CloudEvent event = Events.taskAssigned("Tự kiểm điểm", "Nguyễn Văn An", Events.member1());

    InboundEvent structured = read(event, "STRUCTURED");
    InboundEvent binary = read(event, "BINARY");

    assertThat(structured.payload()).isEqualTo(binary.payload());
    assertThat(structured.id()).isEqualTo(event.getId());
    assertThat(((TaskAssignedData) structured.payload()).taskName()).isEqualTo("Tự kiểm điểm");
  }

  @Test
  void aLocalDueDateIsTakenInVietnamTime() {
    Map<String, Object> data =
        Events.taskAssignedData("Tự kiểm điểm", "A", List.of(Events.recipient("member1", "A")));
    data.put("dueDate", "2025-12-15T17:00:00");

    InboundEvent event = read(Events.event(EventTypes.TASK_ASSIGNED, data), "STRUCTURED");

    assertThat(((TaskAssignedData) event.payload()).dueDate()).isEqualTo("2025-12-15T10:00:00Z");
  }

  @Test
  void otherTypesAreReadWithoutTheirData() {
    InboundEvent event =
        read(Events.event("vn.party.evaluation.campaign.completed", Map.of("x", 1)), "STRUCTURED");
    assertThat(event.payload()).isInstanceOf(UnhandledEvent.class);
  }

  @Test
  void anUnknownLevelIsRefused() {
    Map<String, Object> data =
        Events.memberDecidedData("SUPERB", null, List.of(Events.recipient("member1", "A")));
    assertThatThrownBy(() -> read(Events.event(EventTypes.MEMBER_DECIDED, data), "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("SUPERB");
  }

  @Test
  void aBadEmailAddressOfARecipientIsRefused() {
    Map<String, Object> recipient = Events.recipient("member1", "A");
    recipient.put("email", "not an address");
    Map<String, Object> data = Events.taskAssignedData("Tự kiểm điểm", "A", List.of(recipient));
    assertThatThrownBy(() -> read(Events.event(EventTypes.TASK_ASSIGNED, data), "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("recipients[0].email");
  }

  @Test
  void aReminderIsReadLikeATaskAssignmentWithItsDueDateNormalised() {
    Map<String, Object> data =
        Events.taskReminderData("Tự kiểm điểm", "A", List.of(Events.recipient("member1", "A")));
    data.put("dueDate", "2025-12-15T17:00:00");

    InboundEvent event = read(Events.event(EventTypes.TASK_REMINDER, data), "BINARY");

    assertThat(event.payload()).isInstanceOf(TaskReminderData.class);
    TaskReminderData reminder = (TaskReminderData) event.payload();
    assertThat(reminder.dueDate()).isEqualTo("2025-12-15T10:00:00Z");
    assertThat(reminder.taskUrl()).isEqualTo(data.get("taskUrl"));
  }

  @Test
  void anOverdueTaskKeepsWhereItWasEscalatedAndMayHaveNone() {
    Map<String, Object> escalated =
        Events.taskOverdueData(
            "Tự kiểm điểm",
            "A",
            "branch-committee-thanh-khe-tay-cb1",
            List.of(Events.recipient("member1", "A"), Events.recipient("secretary1", "B")));
    Map<String, Object> notEscalated =
        Events.taskOverdueData(
            "Tự kiểm điểm", "A", null, List.of(Events.recipient("member1", "A")));

    TaskOverdueData overdue =
        (TaskOverdueData)
            read(Events.event(EventTypes.TASK_OVERDUE, escalated), "STRUCTURED").payload();

    assertThat(overdue.escalatedTo()).isEqualTo("branch-committee-thanh-khe-tay-cb1");
    assertThat(overdue.dueDate()).isEqualTo("2025-12-15T10:00:00Z");
    assertThat(overdue.recipients())
        .extracting(RecipientData::userId)
        .containsExactly("member1", "secretary1");
    assertThat(
            ((TaskOverdueData)
                    read(Events.event(EventTypes.TASK_OVERDUE, notEscalated), "STRUCTURED")
                        .payload())
                .escalatedTo())
        .isNull();
  }

  @Test
  void aCommitteeTaskNamesAMemberOrItsSubject() {
    Map<String, Object> collective =
        Events.taskAssignedData(
            "Tập thể tự kiểm điểm (Mẫu 01)",
            null,
            List.of(Events.recipient("secretary1", "Lê Văn Cường")));
    collective.put("memberId", null);
    collective.put("subjectName", "Chi bộ Khu dân cư số 1");
    assertThat(
            ((TaskAssignedData)
                    read(Events.event(EventTypes.TASK_ASSIGNED, collective), "STRUCTURED")
                        .payload())
                .subjectName())
        .isEqualTo("Chi bộ Khu dân cư số 1");

    collective.remove("subjectName");
    CloudEvent nobody = Events.event(EventTypes.TASK_ASSIGNED, collective);
    assertThatThrownBy(() -> read(nobody, "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("names a member (memberId, memberName) or a subjectName");
  }

  @Test
  void reminderAndOverdueNeedWhatTaskAssignedNeeds() {
    for (String type : List.of(EventTypes.TASK_REMINDER, EventTypes.TASK_OVERDUE)) {
      Map<String, Object> data =
          Events.taskAssignedData("Tự kiểm điểm", "A", List.of(Events.recipient("member1", "A")));
      data.remove("taskUrl");
      data.put("year", 0);
      CloudEvent event = Events.event(type, data);
      assertThatThrownBy(() -> read(event, "STRUCTURED"))
          .as(type)
          .isInstanceOf(InvalidEventException.class)
          .hasMessage(
              type
                  + " "
                  + event.getId()
                  + ": taskUrl must not be blank; year must be greater than 0");
    }
    Map<String, Object> badDue =
        Events.taskReminderData("Tự kiểm điểm", "A", List.of(Events.recipient("member1", "A")));
    badDue.put("dueDate", "tomorrow");
    assertThatThrownBy(() -> read(Events.event(EventTypes.TASK_REMINDER, badDue), "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("tomorrow");
  }

  @Test
  void aReturnedCaseFromAnOlderProducerIsReadWithNobodyToNotify() {
    InboundEvent event =
        read(
            Events.event(
                EventTypes.CASE_RETURNED,
                Events.caseReturnedDataOfAnOlderProducer("Thiếu nhận xét")),
            "STRUCTURED");

    CaseReturnedData returned = (CaseReturnedData) event.payload();
    assertThat(returned.memberId()).isEqualTo("member1");
    assertThat(returned.memberName()).isNull();
    assertThat(returned.recipients()).isNull();
    assertThat(returned.recipientsOrNone()).isEmpty();
  }

  @Test
  void aReturnedCaseWithRecipientsIsReadAndMustNameTheMember() {
    Map<String, Object> data =
        Events.caseReturnedData(
            "Nguyễn Văn An",
            "Thiếu nhận xét",
            List.of(Events.recipient("secretary1", "Lê Văn Cường")));
    CaseReturnedData returned =
        (CaseReturnedData) read(Events.event(EventTypes.CASE_RETURNED, data), "BINARY").payload();
    assertThat(returned.memberName()).isEqualTo("Nguyễn Văn An");
    assertThat(returned.reason()).isEqualTo("Thiếu nhận xét");
    assertThat(returned.branchId()).isEqualTo("thanh-khe-tay-cb1");
    assertThat(returned.recipients())
        .extracting(RecipientData::email)
        .containsExactly("secretary1@thanhkhetay.example.vn");

    data.remove("memberName");
    CloudEvent nameless = Events.event(EventTypes.CASE_RETURNED, data);
    assertThatThrownBy(() -> read(nameless, "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(
            EventTypes.CASE_RETURNED
                + " "
                + nameless.getId()
                + ": memberName must not be blank when recipients are given");
    data.put("memberName", "Nguyễn Văn An");
    data.remove("year");
    assertThatThrownBy(() -> read(Events.event(EventTypes.CASE_RETURNED, data), "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageEndingWith("year must not be null");
  }

  @Test
  void aRecipientThatIsNullIsRefused() {
    List<Map<String, Object>> recipients = new java.util.ArrayList<>();
    recipients.add(null);
    Map<String, Object> data = Events.caseReturnedData("A", "r", recipients);
    assertThatThrownBy(() -> read(Events.event(EventTypes.CASE_RETURNED, data), "STRUCTURED"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("recipients[0]");
  }

  @Test
  void notJsonIsRefused() {
    assertThatThrownBy(
            () ->
                deserializer.deserialize(
                    "evaluation.events",
                    new RecordHeaders(),
                    "not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("not a readable CloudEvent");
  }

  private InboundEvent read(CloudEvent event, String encoding) {
    CloudEventSerializer serializer = new CloudEventSerializer();
    serializer.configure(
        Map.of(
            CloudEventSerializer.ENCODING_CONFIG,
            encoding,
            CloudEventSerializer.EVENT_FORMAT_CONFIG,
            JsonFormat.CONTENT_TYPE),
        false);
    RecordHeaders headers = new RecordHeaders();
    byte[] value = serializer.serialize("evaluation.events", headers, event);
    return deserializer.deserialize("evaluation.events", headers, value);
  }
}
