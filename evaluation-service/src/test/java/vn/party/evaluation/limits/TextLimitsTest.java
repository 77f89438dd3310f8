package vn.party.evaluation.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.InboundEventData;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.TextLimits;

/**
 * Issue 12, "a long comment breaks an evaluation": the consumer took residence and unit-assessment comments of up to
 * 10,000 characters while the engine variable holds 4,000. Arriving early, such a comment made the member's
 * self-review answer 500 on every retry; arriving while the evaluation waited, it went to the dead-letter topic and
 * was lost. Now every text has one length ({@link TextLimits}) at every door and in storage: these tests put each
 * text at its limit (taken) and one past it (refused, naming the field), and show that a comment longer than an
 * engine variable is kept whole while the engine gets what fits.
 */
class TextLimitsTest extends EvaluationFlowSupport {

  private static final int YEAR = 2094;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static boolean launched;

  private void launchOnce() {
    if (!launched) {
      launchedCampaign(YEAR);
      launched = true;
    }
  }

  @Test
  void longCommentsFromOutsideAreKeptWholeAndNeverBreakTheEvaluation() {
    launchOnce();
    String longest =
        "Nhận xét nơi cư trú. "
            .repeat(TextLimits.RESIDENCE_COMMENT)
            .substring(0, TextLimits.RESIDENCE_COMMENT);
    String longestUnit =
        "Nhận xét của lãnh đạo đơn vị. "
            .repeat(TextLimits.UNIT_ASSESSMENT_COMMENT)
            .substring(0, TextLimits.UNIT_ASSESSMENT_COMMENT);

    // arriving early (before the self-review): the self-review used to answer 500 here
    sendResidenceFeedback("member4", YEAR, longest);
    sendUnitAssessment("member4", YEAR, null, null, longestUnit);
    await()
        .atMost(WAIT)
        .until(
            () ->
                stored("residence_feedback", "member4") == 1
                    && stored("unit_assessment", "member4") == 1);
    ResponseEntity<String> selfReview =
        complete(
            "member4", taskOf("member4", "self-review", "member4", YEAR), selfCriticism("GOOD"));
    assertThat(selfReview.getStatusCode().value()).as(selfReview.getBody()).isEqualTo(204);
    taskOf("secretary1", "branch-review", "member4", YEAR);
    JsonNode record = evaluation("member4", YEAR, "member4");
    assertThat(record.at("/residenceFeedback/comment").asText()).isEqualTo(longest);
    assertThat(record.at("/unitAssessment/comment").asText()).isEqualTo(longestUnit);
    assertEngineGotWhatFits("member4", "residenceComment", longest);
    assertEngineGotWhatFits("member4", "unitComment", longestUnit);

    // arriving while the evaluation waits for it: it used to be dead-lettered and lost
    completeOk("member5", taskOf("member5", "self-review", "member5", YEAR), selfCriticism("GOOD"));
    CloudEvent waited = sendResidenceFeedback("member5", YEAR, longest);
    taskOf("secretary1", "branch-review", "member5", YEAR);
    assertThat(evaluation("member5", YEAR, "member5").at("/residenceFeedback/comment").asText())
        .isEqualTo(longest);
    assertEngineGotWhatFits("member5", "residenceComment", longest);
    assertThat(deadLettered(waited.getId(), Duration.ofSeconds(2))).isFalse();

    // one character more is refused at the door (kept as unmatched, the schema naming the field),
    // nothing
    // half-written
    CloudEvent tooLong = sendResidenceFeedback("member9", YEAR, longest + "x");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(invalid(tooLong.getId())).contains("comment"));
    assertThat(stored("residence_feedback", "member9")).isZero();
    assertThat(evaluation("member9", YEAR, "member9").at("/residenceFeedback/status").asText())
        .isEqualTo("PENDING");
  }

  /**
   * Issue 12, outsiders' finding: a second residence comment for the same member replaced the first on the record
   * but not in the engine's variable (the engine no longer waited for one). Sent as the README tells a residence
   * committee to: the latest wins in both, and both stay in residence_feedback.
   */
  @Test
  void aSecondResidenceCommentReplacesTheFirstOnTheRecordAndInTheEngineAlike() {
    launchOnce();
    completeOk("member3", taskOf("member3", "self-review", "member3", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member3", YEAR, "Nhận xét lần đầu.");
    // the evaluation took the first and moved on to the branch's review
    taskOf("secretary1", "branch-review", "member3", YEAR);
    assertThat(engineVariable("member3", "residenceComment")).isEqualTo("Nhận xét lần đầu.");

    sendResidenceFeedback("member3", YEAR, "Nhận xét sửa lại: gương mẫu nơi cư trú.");
    await().atMost(WAIT).until(() -> stored("residence_feedback", "member3") == 2);
    assertThat(evaluation("member3", YEAR, "member3").at("/residenceFeedback/comment").asText())
        .isEqualTo("Nhận xét sửa lại: gương mẫu nơi cư trú.");
    assertThat(engineVariable("member3", "residenceComment"))
        .isEqualTo("Nhận xét sửa lại: gương mẫu nơi cư trú.");
  }

  @Test
  void aFormTextIsTakenAtItsLimitAndRefusedOnePastItThroughTheApiAndTheEngineRestApi() {
    int year = 2068; // years of their own: other tests open campaigns in 2095 and 2097
    launchedCampaign(year);
    sendResidenceFeedback("member2", year, "Tốt.");
    sendResidenceFeedback("member3", year, "Tốt.");
    completeOk("member2", taskOf("member2", "self-review", "member2", year), selfCriticism("GOOD"));
    completeOk("member3", taskOf("member3", "self-review", "member3", year), selfCriticism("GOOD"));
    String atLimit = "ệ".repeat(TextLimits.FORM_TEXT);
    String review2 = taskOf("secretary1", "branch-review", "member2", year);
    String review3 = taskOf("secretary1", "branch-review", "member3", year);

    ResponseEntity<String> api =
        complete("secretary1", review2, branchProposes("GOOD", "branchComment", atLimit + "x"));
    assertThat(api.getStatusCode().value()).as(api.getBody()).isEqualTo(400);
    assertThat(api.getBody()).contains("branchComment").contains("too-long");
    ResponseEntity<String> engine =
        engineComplete(
            "secretary1", review3, branchProposes("GOOD", "branchComment", atLimit + "x"));
    assertThat(engine.getStatusCode().value()).as(engine.getBody()).isEqualTo(400);
    assertThat(engine.getBody()).contains("branchComment");

    completeOk("secretary1", review2, branchProposes("GOOD", "branchComment", atLimit));
    ResponseEntity<String> viaEngine =
        engineComplete("secretary1", review3, branchProposes("GOOD", "branchComment", atLimit));
    assertThat(viaEngine.getStatusCode().value()).as(viaEngine.getBody()).isEqualTo(204);
    assertThat(evaluation("secretary1", year, "member2").at("/branchReview/comment").asText())
        .isEqualTo(atLimit);
    assertThat(evaluation("secretary1", year, "member3").at("/branchReview/comment").asText())
        .isEqualTo(atLimit);
  }

  /**
   * The people's pages offer each text with the limit the server applies (the browser stops typing there): the same
   * constants, rendered. The server's refusal one past the limit on these forms is PageBadInputCorpusTest's.
   */
  @Test
  void thePagesOfferEachTextWithItsLimit() throws Exception {
    int year = 2069;
    launchedCampaign(year);
    vn.party.evaluation.pages.PageSession member =
        vn.party.evaluation.pages.PageSession.of(port, "member7");
    String selfReview =
        member.get("/app/tasks/" + taskOf("member7", "self-review", "member7", year)).body();
    assertThat(maxLengthOf(selfReview, "limitations")).isEqualTo(TextLimits.FORM_TEXT);
    assertThat(maxLengthOf(selfReview, "politicalIdeology"))
        .isEqualTo(TextLimits.SELF_REVIEW_LONG_TEXT);
    vn.party.evaluation.pages.PageSession committee =
        vn.party.evaluation.pages.PageSession.of(port, "committee");
    // the organization is picked from a list, not typed: nothing to limit
    assertThat(committee.get("/app/campaigns/new").body())
        .containsPattern("<select[^>]*name=\"organizationId\"");
    assertThat(maxLengthOf(committee.get("/app/members/member7").body(), "reason"))
        .isEqualTo(TextLimits.REASON);
  }

  private static int maxLengthOf(String html, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<(?:input|textarea)[^>]*name=\"" + name + "\"[^>]*>")
            .matcher(html);
    assertThat(m.find()).as("a field named " + name).isTrue();
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("maxlength=\"(\\d+)\"").matcher(m.group());
    assertThat(length.find()).as(name + " has a maxlength: " + m.group()).isTrue();
    return Integer.parseInt(length.group(1));
  }

  /** Every text field of every inbound event: at its limit taken, one past it refused by its schema. */
  @Test
  void everyTextOfEveryInboundEventIsTakenAtItsLimitAndRefusedOnePastIt() {
    int year = 2070; // no campaign: the events are taken in and kept (unmatched), or refused
    List<FieldCase> cases =
        List.of(
            new FieldCase(
                "vn.party.member.residence-feedback", "memberId", TextLimits.ID, residence(year)),
            new FieldCase(
                "vn.party.member.residence-feedback",
                "comment",
                TextLimits.RESIDENCE_COMMENT,
                residence(year)),
            new FieldCase(
                "vn.party.member.residence-feedback",
                "submittedBy",
                TextLimits.NAME,
                residence(year)),
            new FieldCase("vn.party.member.unit-assessment", "memberId", TextLimits.ID, unit(year)),
            new FieldCase(
                "vn.party.member.unit-assessment",
                "comment",
                TextLimits.UNIT_ASSESSMENT_COMMENT,
                unit(year)),
            new FieldCase(
                "vn.party.member.unit-assessment", "assessedBy", TextLimits.NAME, unit(year)),
            new FieldCase(
                "vn.party.member.disciplined", "memberId", TextLimits.ID, discipline(year)),
            new FieldCase(
                "vn.party.member.disciplined",
                "decisionId",
                TextLimits.DECISION_ID,
                discipline(year)),
            new FieldCase(
                "vn.party.member.disciplined", "decidedBy", TextLimits.NAME, discipline(year)),
            new FieldCase(
                "vn.party.organization.disciplined",
                "organizationId",
                TextLimits.ID,
                organizationDiscipline(year)),
            new FieldCase(
                "vn.party.organization.disciplined",
                "decisionId",
                TextLimits.DECISION_ID,
                organizationDiscipline(year)),
            new FieldCase(
                "vn.party.organization.disciplined",
                "decidedBy",
                TextLimits.NAME,
                organizationDiscipline(year)),
            new FieldCase("vn.party.member.complaint", "memberId", TextLimits.ID, complaint(year)),
            new FieldCase(
                "vn.party.member.complaint",
                "grounds",
                TextLimits.COMPLAINT_GROUNDS,
                complaint(year)),
            new FieldCase(
                "vn.party.member.complaint", "submittedBy", TextLimits.NAME, complaint(year)));
    List<String> taken = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (FieldCase c : cases) {
      taken.add(send(c.type(), c.with("a".repeat(c.limit()))));
      refused.add(send(c.type(), c.with("a".repeat(c.limit() + 1))));
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(inboxed(taken)).as("taken at the limit").isEqualTo(taken.size()));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (int i = 0; i < cases.size(); i++) {
                // refused before any handler: kept as unmatched with the schema's message naming
                // the field
                assertThat(invalid(refused.get(i)))
                    .as(cases.get(i) + " one past its limit")
                    .contains(cases.get(i).field());
                assertThat(invalid(taken.get(i))).as(cases.get(i) + " at its limit").isNull();
              }
            });
    assertThat(deadLettered(Duration.ofSeconds(2)))
        .as("nothing of it dead-lettered")
        .doesNotContainAnyElementsOf(refused);
  }

  /** Storage holds the texts from outside to the same limits: the check constraints say what TextLimits says. */
  @Test
  void storageHoldsEachTextToTheSameLimit() {
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("residence_feedback_comment_length", TextLimits.RESIDENCE_COMMENT);
    expected.put("member_evaluation_residence_comment_length", TextLimits.RESIDENCE_COMMENT);
    expected.put("member_evaluation_unit_comment_length", TextLimits.UNIT_ASSESSMENT_COMMENT);
    expected.put("unit_assessment_comment_length", TextLimits.UNIT_ASSESSMENT_COMMENT);
    expected.put("complaint_grounds_length", TextLimits.COMPLAINT_GROUNDS);
    expected.forEach(
        (constraint, limit) ->
            assertThat(
                    jdbc.sql(
                            """
            select pg_get_constraintdef(c.oid) from pg_constraint c join pg_namespace n on n.oid = c.connamespace
            where n.nspname = 'evaluation' and c.conname = :name""")
                        .param("name", constraint)
                        .query(String.class)
                        .single())
                .as(constraint)
                .contains("<= " + limit + ")"));
    assertThat(TextLimits.forEngine("x".repeat(TextLimits.ENGINE_VARIABLE)))
        .hasSize(TextLimits.ENGINE_VARIABLE);
    assertThat(TextLimits.forEngine("x".repeat(TextLimits.ENGINE_VARIABLE + 1)))
        .hasSize(TextLimits.ENGINE_VARIABLE)
        .endsWith(TextLimits.CUT_MARK);
    assertThat(TextLimits.forEngine(null)).isNull();
  }

  // --------------------------------------------------------------------------------------------------- helpers

  private void assertEngineGotWhatFits(String memberId, String variable, String whole) {
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.member(YEAR, memberId))
            .singleResult()
            .getId();
    String value = (String) runtimeService.getVariable(instance, variable);
    assertThat(value)
        .as(variable)
        .hasSize(TextLimits.ENGINE_VARIABLE)
        .endsWith(TextLimits.CUT_MARK)
        .startsWith(whole.substring(0, 1000));
  }

  private Object engineVariable(String memberId, String variable) {
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.member(YEAR, memberId))
            .singleResult()
            .getId();
    return runtimeService.getVariable(instance, variable);
  }

  private int stored(String table, String memberId) {
    return jdbc.sql(
            "select count(*) from evaluation." + table + " where year = :y and member_id = :m")
        .param("y", YEAR)
        .param("m", memberId)
        .query(Integer.class)
        .single();
  }

  private boolean deadLettered(String eventId, Duration within) {
    return deadLettered(within).contains(eventId);
  }

  private List<String> deadLettered(Duration within) {
    List<String> ids = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : readAll("party.member-events.DLT", within)) {
      try {
        ids.add(cloudEvent(record).path("id").asText());
      } catch (RuntimeException notJson) {
        // other tests' poison records
      }
    }
    return ids;
  }

  /** The schema's message for an event kept as INVALID_DATA, or null when it was not refused so. */
  private String invalid(String eventId) {
    return jdbc.sql(
            "select problem from evaluation.unmatched_event where event_id = :id and reason = 'INVALID_DATA'")
        .param("id", eventId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private int inboxed(List<String> ids) {
    return jdbc.sql("select count(*) from evaluation.inbox where event_id in (:ids)")
        .param("ids", ids)
        .query(Integer.class)
        .single();
  }

  private String send(String type, Map<String, Object> data) {
    String id = UUID.randomUUID().toString();
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(id)
            .withSource(URI.create("/text-limits/test"))
            .withType(type)
            .withDataContentType("application/json")
            .withData(toJson(data))
            .build();
    send(
        String.valueOf(data.getOrDefault("memberId", data.get("organizationId"))),
        EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event));
    return id;
  }

  private static byte[] toJson(Map<String, Object> data) {
    try {
      return JSON.writeValueAsBytes(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> residence(int year) {
    return InboundEventData.residence("member1", year, "Chi ủy khu dân cư số 1");
  }

  private static Map<String, Object> unit(int year) {
    return InboundEventData.unitAssessment("member1", year);
  }

  private static Map<String, Object> discipline(int year) {
    return InboundEventData.discipline("member1", year);
  }

  private static Map<String, Object> organizationDiscipline(int year) {
    return InboundEventData.organizationDiscipline(year);
  }

  private static Map<String, Object> complaint(int year) {
    return InboundEventData.complaint("member1", year);
  }

  private record FieldCase(String type, String field, int limit, Map<String, Object> base) {

    Map<String, Object> with(String value) {
      Map<String, Object> data = new LinkedHashMap<>(base);
      data.put(field, value);
      return data;
    }

    @Override
    public String toString() {
      return type + " " + field + " (" + limit + ")";
    }
  }
}
