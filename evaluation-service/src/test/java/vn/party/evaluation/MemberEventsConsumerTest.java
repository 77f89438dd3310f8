package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** party.member-events: unreadable records go to the dead-letter topic and the consumer keeps going. */
class MemberEventsConsumerTest extends IntegrationTestSupport {

  @Test
  void poison_records_are_dead_lettered_and_later_events_still_processed() {
    send("member3", "this is not json".getBytes(StandardCharsets.UTF_8));
    send("member3", """
        {"specversion":"0.3","id":"old-1","source":"/x","type":"vn.party.member.residence-feedback",
         "data":{"memberId":"member3","year":2019,"comment":"c","submittedBy":"s"}}""".getBytes(StandardCharsets.UTF_8));
    send("member3", """
        {"specversion":"1.0","id":"no-year-1","source":"/x","type":"vn.party.member.residence-feedback",
         "datacontenttype":"application/json","data":{"memberId":"member3","comment":"c","submittedBy":"s"}}"""
        .getBytes(StandardCharsets.UTF_8));
    sendResidenceFeedback("member3", 2019, "processed after three poison records");

    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "select count(*) from evaluation.residence_feedback where year = 2019 and member_id = 'member3'")
        .query(Integer.class).single() == 1);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        readAll("party.member-events.DLT", Duration.ofSeconds(2)).stream()
            .filter(r -> "member3".equals(r.key())).count()).isEqualTo(3));
  }

  @Test
  void a_comment_for_a_member_without_an_evaluation_is_kept_not_dropped() {
    sendResidenceFeedback("member14", 2018, "kept for later");
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "select count(*) from evaluation.residence_feedback where year = 2018 and member_id = 'member14'")
        .query(Integer.class).single() == 1);
    assertThat(jdbc.sql("select details->>'evaluationStarted' from evaluation.timeline_entry "
        + "where year = 2018 and member_id = 'member14' and kind = 'EVENT_RECEIVED'").query(String.class).single())
        .isEqualTo("false");
  }
}
