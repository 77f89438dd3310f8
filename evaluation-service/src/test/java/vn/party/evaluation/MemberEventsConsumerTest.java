package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * party.member-events: unreadable records go to the dead-letter topic and the consumer keeps going; events that
 * match nothing are kept, once, and listed for the administrator.
 */
class MemberEventsConsumerTest extends IntegrationTestSupport {

  @Test
  void poisonRecordsAreDeadLetteredAndLaterEventsStillProcessed() {
    send("member3", "this is not json".getBytes(StandardCharsets.UTF_8));
    send(
        "member3",
        """
        {"specversion":"0.3","id":"old-1","source":"/x","type":"vn.party.member.residence-feedback",
         "data":{"memberId":"member3","year":2019,"comment":"c","submittedBy":"s"}}"""
            .getBytes(StandardCharsets.UTF_8));
    send(
        "member3",
        """
        {"specversion":"1.0","id":"no-data-1","source":"/x","type":"vn.party.member.residence-feedback",
         "datacontenttype":"application/json"}"""
            .getBytes(StandardCharsets.UTF_8));
    sendResidenceFeedback("member3", 2019, "processed after three poison records");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.residence_feedback where year = 2019 and member_id = 'member3'")
                        .query(Integer.class)
                        .single()
                    == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        readAll("party.member-events.DLT", Duration.ofSeconds(2)).stream()
                            .filter(r -> "member3".equals(r.key()))
                            .count())
                    .isEqualTo(3));
  }

  /**
   * Issue 16: data is checked against the type's published JSON Schema before any handler reads it; what does not
   * match is kept as unmatched (INVALID_DATA) with the schema's message, once, and nothing is recorded.
   */
  @Test
  void dataThatDoesNotMatchTheSchemaIsKeptWithTheSchemasMessage() {
    String tooLong = "x".repeat(10_001);
    byte[] invalid =
        ("""
        {"specversion":"1.0","id":"invalid-1","source":"/residence/khu-pho-9","type":"vn.party.member.residence-feedback",
         "datacontenttype":"application/json","data":{"memberId":"member4","year":2017,"comment":"%s","submittedBy":" "}}"""
                .formatted(tooLong))
            .getBytes(StandardCharsets.UTF_8);
    send("member4", invalid);
    send("member4", invalid); // redelivered: kept once
    byte[] noYear =
        """
        {"specversion":"1.0","id":"no-year-1","source":"/x","type":"vn.party.member.residence-feedback",
         "datacontenttype":"application/json","data":{"memberId":"member4","comment":"c","submittedBy":"s"}}"""
            .getBytes(StandardCharsets.UTF_8);
    send("member4", noYear);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<JsonNode> listed = unmatched("?reason=INVALID_DATA");
              assertThat(listed)
                  .filteredOn(e -> e.path("eventId").asText().equals("invalid-1"))
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.path("memberId").asText()).isEqualTo("member4");
                        assertThat(e.path("year").asInt()).isEqualTo(2017);
                        assertThat(e.path("problem").asText())
                            .contains("/comment: must be at most 10,000 characters long")
                            .contains("/submittedBy");
                        assertThat(e.path("reasonText").asText()).contains("lược đồ");
                      });
              assertThat(listed)
                  .filteredOn(e -> e.path("eventId").asText().equals("no-year-1"))
                  .singleElement()
                  .satisfies(e -> assertThat(e.path("problem").asText()).contains("year"));
            });
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.residence_feedback where member_id = 'member4' "
                        + "and year = 2017")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from evaluation.unmatched_event where event_id = 'invalid-1'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aCommentForAMemberWithoutAnEvaluationIsKeptNotDropped() {
    sendResidenceFeedback("member14", 2018, "kept for later");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.residence_feedback where year = 2018 and member_id = 'member14'")
                        .query(Integer.class)
                        .single()
                    == 1);
    assertThat(
            jdbc.sql(
                    "select details->>'evaluationStarted' from evaluation.timeline_entry "
                        + "where year = 2018 and member_id = 'member14' and kind = 'EVENT_RECEIVED'")
                .query(String.class)
                .single())
        .isEqualTo("false");
  }

  @Test
  void eventsThatMatchNothingAreKeptOnceAndListedForTheAdministrator() {
    String unknownMember = sendResidenceFeedback("no-such-member", 2018, "for nobody").getId();
    String early = sendResidenceFeedback("member15", 2018, "before the evaluation starts").getId();
    byte[] unsupported =
        """
        {"specversion":"1.0","id":"address-1","source":"/registry","type":"vn.party.member.address-changed",
         "subject":"member2","datacontenttype":"application/json","data":{"memberId":"member2"}}"""
            .getBytes(StandardCharsets.UTF_8);
    send("member2", unsupported);
    send("member2", unsupported); // redelivered: kept once

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<JsonNode> listed = unmatched("");
              assertThat(listed)
                  .filteredOn(e -> e.path("eventId").asText().equals(unknownMember))
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.path("reason").asText()).isEqualTo("UNKNOWN_MEMBER");
                        assertThat(e.path("reasonText").asText())
                            .contains("không có trong danh sách");
                        assertThat(e.path("evaluationStarted").asBoolean()).isFalse();
                      });
              assertThat(listed)
                  .filteredOn(e -> e.path("eventId").asText().equals(early))
                  .singleElement()
                  .satisfies(
                      e -> assertThat(e.path("reason").asText()).isEqualTo("NO_EVALUATION_YET"));
              assertThat(listed)
                  .filteredOn(e -> e.path("eventId").asText().equals("address-1"))
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.path("reason").asText()).isEqualTo("UNSUPPORTED_TYPE");
                        assertThat(e.path("type").asText())
                            .isEqualTo("vn.party.member.address-changed");
                        assertThat(e.path("data").asText()).contains("member2");
                      });
            });
    assertThat(unmatched("?reason=UNSUPPORTED_TYPE"))
        .allSatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("UNSUPPORTED_TYPE"));

    assertThat(statusOf(as("member1"), "/api/v1/admin/unmatched-events")).isEqualTo(403);
    assertThat(statusOf(as("auditor"), "/api/v1/admin/unmatched-events")).isEqualTo(403);
    assertThat(statusOf(anonymous(), "/api/v1/admin/unmatched-events")).isEqualTo(401);
    assertRefusedQuery("?limit=0", "limit");
    assertRefusedQuery("?reason=LOST", "reason");
    // named as the unmatched events' reason (not the adjustment's), with the values it takes
    // (api13)
    String lost =
        as("admin")
            .get()
            .uri("/api/v1/admin/unmatched-events?reason=LOST")
            .retrieve()
            .toEntity(String.class)
            .getBody();
    assertThat(json(lost).at("/errors/0/message").asText())
        .contains("Lý do sự kiện chưa được áp dụng")
        .doesNotContain("điều chỉnh")
        .contains("UNKNOWN_MEMBER", "TOO_LATE");
  }

  /** The query is refused with 400 naming the field. */
  private void assertRefusedQuery(String query, String field) {
    var refused =
        as("admin")
            .get()
            .uri("/api/v1/admin/unmatched-events" + query)
            .retrieve()
            .toEntity(String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(json(refused.getBody()).path("errors").get(0).path("field").asText())
        .isEqualTo(field);
  }

  private List<JsonNode> unmatched(String query) {
    return unmatchedEvents(query);
  }
}
