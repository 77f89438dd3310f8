package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The bench's inbound events and its reading of the outgoing ones, in the contracts' formats. */
class EventsTest {

  @Test
  void aResidenceCommentIsAStructuredCloudEventTheServiceCanRead() throws Exception {
    byte[] value = MemberEvents.residenceFeedback("e-1", "org-m7", 2027, "Gương mẫu.");

    // as evaluation-service's CloudEventReader reads a record with a content-type header
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", MemberEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    CloudEvent event = KafkaMessageFactory.createReader(headers, value).toEvent();
    assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
    assertThat(event.getId()).isEqualTo("e-1");
    assertThat(event.getType()).isEqualTo("vn.party.member.residence-feedback");
    assertThat(event.getSource().toString()).isEqualTo(MemberEvents.SOURCE);
    assertThat(event.getDataContentType()).isEqualTo("application/json");
    JsonNode data = EvaluationClient.JSON.readTree(event.getData().toBytes());
    assertThat(data.path("memberId").asText()).isEqualTo("org-m7");
    assertThat(data.path("year").isInt()).isTrue();
    assertThat(data.path("year").asInt()).isEqualTo(2027);
    assertThat(data.path("comment").asText()).isEqualTo("Gương mẫu.");
    assertThat(data.path("submittedBy").asText()).isNotBlank();

    // and without the header, as plain structured JSON
    CloudEvent plain =
        EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(value);
    assertThat(plain.getId()).isEqualTo("e-1");
  }

  @Test
  void aTaskAssignedNoticeNamesTheTaskAndWhomItWaitsFor() {
    String json =
        """
                {"specversion":"1.0","id":"x","source":"/evaluation-service","type":"vn.party.evaluation.task.assigned",
                 "datacontenttype":"application/json","data":{"taskId":"t-1","taskKey":"branch-review",
                 "taskName":"Chi bộ kiểm điểm","candidateGroup":"branch-committee-o-cb2","memberId":"o-m31",
                 "year":2027,"recipients":[]}}""";
    Notices.Notice n = Notices.Notice.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(n)
        .isEqualTo(
            new Notices.Notice(
                Notices.TASK_ASSIGNED,
                "o-m31",
                "t-1",
                "branch-review",
                null,
                "branch-committee-o-cb2"));
  }

  @Test
  void aDecisionNoticeAndUnreadableRecords() {
    String json =
        """
                {"specversion":"1.0","id":"y","type":"vn.party.evaluation.member.decided",
                 "data":{"memberId":"o-m1","decidedLevel":"GOOD","assignee":null}}""";
    assertThat(Notices.Notice.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Notices.Notice(Notices.MEMBER_DECIDED, "o-m1", null, null, null, null));
    assertThat(Notices.Notice.parse("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(Notices.Notice.parse("{\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(Notices.Notice.parse(null)).isNull();
  }

  @Test
  void businessKeysOfMemberEvaluations() {
    assertThat(EventToTask.BusinessKey.member(2027, "o-m1")).isEqualTo("2027:o-m1");
    assertThat(EventToTask.BusinessKey.memberOf("2027:o-m1")).isEqualTo("o-m1");
    assertThatThrownBy(() -> EventToTask.BusinessKey.memberOf("o-m1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOrganizationsPeopleForTheLifecycle() {
    EngineDirectory.People p =
        EngineDirectory.People.of("o", java.util.List.of("o-m1", "o-m2", "o-m3"), 2);
    assertThat(p.branches()).containsExactly("o-cb1", "o-cb2");
    assertThat(p.users())
        .containsExactly(
            "o-m1", "o-m2", "o-m3", "o-cb1-secretary", "o-cb2-secretary", "o-committee");
    assertThat(p.memberships())
        .extracting(pair -> pair[0] + " " + pair[1])
        .containsExactly(
            "branch-committee-o-cb1 o-cb1-secretary",
            "branch-committee-o-cb2 o-cb2-secretary",
            "org-committee-o o-committee");
    assertThat(p.email("o-m1")).isEqualTo("o-m1@o.example.vn");
  }
}
