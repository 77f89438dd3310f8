package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.reminder.DeadlineNotices;
import vn.party.evaluation.reminder.ReminderProperties;

/**
 * Reminders before the due date and escalation after it: each once per task, whoever scans how often, to the
 * people who should act (and, once overdue, the committee above them), and on the member's timeline.
 */
class DeadlineNoticesTest extends EvaluationFlowSupport {

  private static final int YEAR = 2075;

  @Autowired DeadlineNotices notices;
  @Autowired ReminderProperties reminders;

  @Test
  void aTaskDueSoonIsRemindedOnceAndEscalatedOnceWhenOverdue() {
    // The dues lie beyond what the service's own scheduled scan reminds of today, so only this
    // test's scans, at "now" as it passes them, send notices (the scheduled scan sent member2 one
    // before their submission when the launch and the scan met in the full suite).
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).plus(reminders.before()).plusHours(1);
    openedCampaign(
        "committee",
        YEAR,
        new CampaignOpening.Dues(
            now.plusHours(1), now.plusHours(2), now.plusHours(3), now.plusHours(4)));
    String selfReview = taskOf("member1", "self-review", "member1", YEAR);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("select count(*) from evaluation.member_evaluation where year = :y")
                        .param("y", YEAR)
                        .query(Integer.class)
                        .single()
                    == 15);
    // member2 submits in time: their task is gone before any notice
    completeOk("member2", taskOf("member2", "self-review", "member2", YEAR), selfCriticism("GOOD"));

    notices.remind(now);
    notices.remind(now.plusMinutes(5)); // a second scan, or a second node: nothing twice
    assertThat(events("vn.party.evaluation.task.reminder", "member1")).hasSize(1);
    assertThat(events("vn.party.evaluation.task.reminder", "member2")).isEmpty();
    assertThat(eventsOfYear("vn.party.evaluation.task.reminder")).isEqualTo(14);
    JsonNode reminder = events("vn.party.evaluation.task.reminder", "member1").get(0);
    assertThat(reminder.get("taskId").asText()).isEqualTo(selfReview);
    assertThat(reminder.get("taskUrl").asText()).endsWith("/app/tasks/" + selfReview);
    assertThat(reminder.at("/recipients/0/userId").asText()).isEqualTo("member1");
    assertThat(reminder.get("recipients")).hasSize(1);

    // not overdue yet: nothing escalated
    notices.escalate(now);
    assertThat(events("vn.party.evaluation.task.overdue", "member1")).isEmpty();
    // after the due date: the member and the branch committee are told, once
    notices.escalate(now.plusHours(1).plusMinutes(1));
    notices.escalate(now.plusHours(1).plusMinutes(6));
    List<JsonNode> overdue = events("vn.party.evaluation.task.overdue", "member1");
    assertThat(overdue).hasSize(1);
    assertThat(overdue.get(0).get("escalatedTo").asText())
        .isEqualTo("branch-committee-thanh-khe-tay-cb1");
    assertThat(overdue.get(0).get("recipients").findValuesAsText("userId"))
        .containsExactly("member1", "secretary1");

    List<String> kinds =
        jdbc.sql(
                "select kind from evaluation.timeline_entry where year = :y and member_id = 'member1' "
                    + "order by id")
            .param("y", YEAR)
            .query(String.class)
            .list();
    assertThat(kinds).containsSubsequence("TASK_CREATED", "REMINDER_SENT", "OVERDUE_ESCALATED");
  }

  /** The data of the queued events of a type for a member, this year. */
  private List<JsonNode> events(String type, String memberId) {
    return jdbc
        .sql(
            "select convert_from(payload, 'UTF8') from evaluation.outbox where event_type = :t "
                + "and message_key = :m")
        .param("t", type)
        .param("m", memberId)
        .query(String.class)
        .list()
        .stream()
        .map(IntegrationTestSupport::json)
        .map(e -> e.get("data"))
        .filter(d -> d.get("year").asInt() == YEAR)
        .toList();
  }

  private long eventsOfYear(String type) {
    return jdbc
        .sql("select convert_from(payload, 'UTF8') from evaluation.outbox where event_type = :t")
        .param("t", type)
        .query(String.class)
        .list()
        .stream()
        .map(IntegrationTestSupport::json)
        .filter(e -> e.at("/data/year").asInt() == YEAR)
        .count();
  }
}
