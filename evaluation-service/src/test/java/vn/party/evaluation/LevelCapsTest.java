package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Level caps (issue 3): facts received on Kafka (a discipline decision, the unit's assessment with the civil-service
 * level) and facts the branch records (sick leave, concluded findings) cap the level the branch may propose and the
 * committee may approve, through the domain API and the engine REST API alike; the forms show the cap and why; the
 * timeline shows it applied and every refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LevelCapsTest extends EvaluationFlowSupport {

  /** A year no other test class uses (campaign years must be 2018–2100). */
  private static final int YEAR = 2063;

  private String earlyDiscipline;
  private String unknownMemberDiscipline;
  private String unknownMemberAssessment;

  /** Facts that arrive before the evaluation exists: kept, and used when it starts. */
  @BeforeAll
  void factsBeforeTheCampaignThenTheCampaign() {
    earlyDiscipline = sendDiscipline("member5", "QĐ-05/UBKT", "WARNING", false).getId();
    unknownMemberDiscipline =
        sendDiscipline("no-such-member", "QĐ-00/UBKT", "REPRIMAND", false).getId();
    unknownMemberAssessment = sendUnitAssessment("no-such-member", "COMPLETED").getId();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            """
            select count(*) from evaluation.unmatched_event where year = :y and event_id in (:ids)""")
                        .param("y", YEAR)
                        .param(
                            "ids",
                            List.of(
                                earlyDiscipline, unknownMemberDiscipline, unknownMemberAssessment))
                        .query(Integer.class)
                        .single()
                    == 3);
    launchedCampaign(YEAR);
  }

  @Test
  void aDisciplineCapsTheBranchAndTheDecisionAtNotCompleted() {
    sendDiscipline("member1", "QĐ-01/UBKT", "REPRIMAND", false);
    awaitCap("member1", "NOT_COMPLETED");

    // the member sees it on the self-review, with the decision, in sentences for people: the
    // levels in full, no rule id, rules file or abbreviation (ninth session's outsider, finding 10)
    String selfReview = taskOf("member1", "self-review", "member1", YEAR);
    JsonNode form = formVariables("member1", selfReview);
    assertThat(form.at("/levelCap/value").asText()).isEqualTo("NOT_COMPLETED");
    assertThat(form.at("/levelCapReason/value").asText())
        .startsWith("Mức cao nhất được xếp: Không hoàn thành nhiệm vụ.\n")
        .contains(
            "- Bị kỷ luật trong năm: được xếp tối đa mức “Không hoàn thành nhiệm vụ”. Quyết định kỷ"
                + " luật: QĐ-01/UBKT (Khiển trách, ngày ")
        .doesNotContain("KHTNV")
        .doesNotContain("Nguồn")
        .doesNotContain("member-caps")
        .doesNotContain("quy tắc")
        .doesNotContain(".md");
    JsonNode view = evaluation("member1", YEAR, "member1").get("levelCap");
    assertThat(view.get("reason").asText()).isEqualTo("DISCIPLINED");
    assertThat(view.get("reasonText").asText()).isEqualTo("Bị kỷ luật trong năm");
    assertThat(view.get("ruleId").asText()).isEqualTo("member-caps-QD-366-2025-discipline");

    // the member's own proposal is theirs: not capped
    completeOk("member1", selfReview, selfCriticism("GOOD"));
    sendResidenceFeedback("member1", YEAR, "Chấp hành tốt nơi cư trú.");

    String branchReview = taskOf("secretary1", "branch-review", "member1", YEAR);
    ResponseEntity<String> refused = complete("secretary1", branchReview, branchProposes("GOOD"));
    JsonNode error = assertRefused(refused, "branchProposedLevel", "above-cap");
    assertThat(error.get("message").asText())
        .isEqualTo(
            "Trường Mức xếp loại chi bộ đề xuất không được cao hơn mức \"Không hoàn thành nhiệm vụ\": "
                + "Bị kỷ luật trong năm.");
    ResponseEntity<String> inEnglish =
        as("secretary1")
            .post()
            .uri("/api/v1/tasks/" + branchReview + "/complete")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(branchProposes("COMPLETED"))
            .retrieve()
            .toEntity(String.class);
    assertThat(assertRefused(inEnglish, "branchProposedLevel", "above-cap").get("message").asText())
        .isEqualTo(
            "Level proposed by the branch must not be above \"Did not fulfil tasks\": Disciplined in the year.");
    assertThat(taskOf("secretary1", "branch-review", "member1", YEAR))
        .as("still open")
        .isEqualTo(branchReview);
    completeOk("secretary1", branchReview, branchProposes("NOT_COMPLETED"));

    String decision = taskOf("committee", "committee-decision", "member1", YEAR);
    assertThat(formVariables("committee", decision).at("/levelCap/value").asText())
        .isEqualTo("NOT_COMPLETED");
    assertRefused(
        complete("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "COMPLETED")),
        "decidedLevel",
        "above-cap");
    completeOk(
        "committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "NOT_COMPLETED"));
    assertThat(evaluation("member1", YEAR, "member1").at("/decision/level").asText())
        .isEqualTo("NOT_COMPLETED");

    // auditors see the cap applied and both refusals, with who tried what
    List<JsonNode> history = history("member1");
    assertThat(kinds(history))
        .containsSubsequence(
            "EVENT_RECEIVED",
            "LEVEL_CAP_APPLIED",
            "ABOVE_CAP_REFUSED",
            "ABOVE_CAP_REFUSED",
            "TASK_COMPLETED",
            "ABOVE_CAP_REFUSED",
            "TASK_COMPLETED",
            "DECIDED");
    JsonNode applied = entry(history, "LEVEL_CAP_APPLIED");
    assertThat(applied.at("/details/levelCap").asText()).isEqualTo("NOT_COMPLETED");
    assertThat(applied.at("/details/trigger").asText()).isEqualTo("vn.party.member.disciplined");
    assertThat(applied.get("actor").asText()).isEqualTo("system");
    JsonNode refusal = entry(history, "ABOVE_CAP_REFUSED");
    assertThat(refusal.get("actor").asText()).isEqualTo("secretary1");
    assertThat(refusal.get("taskKey").asText()).isEqualTo("branch-review");
    assertThat(refusal.at("/details/level").asText()).isEqualTo("GOOD");
    assertThat(refusal.at("/details/levelCap").asText()).isEqualTo("NOT_COMPLETED");
  }

  @Test
  void aViolationSelfDetectedAndRemediedCapsNothing() throws Exception {
    String eventId = sendDiscipline("member2", "QĐ-02/UBKT", "REPRIMAND", true).getId();
    await().atMost(Duration.ofSeconds(30)).until(() -> received("member2", eventId));

    sendResidenceFeedback("member2", YEAR, "Tốt.");
    String selfReview = taskOf("member2", "self-review", "member2", YEAR);
    assertThat(formVariables("member2", selfReview).at("/levelCapReason/value").asText())
        .isEqualTo("Không có trường hợp giới hạn mức xếp loại theo các căn cứ đã có.");
    // the page in English says so in English (the variable stays Vietnamese)
    HttpResponse<String> english =
        new PageSession("member2").get("/app/tasks/" + selfReview + "?lang=en");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body())
        .contains("id=\"level-cap-reason\"")
        .contains("No level cap applies on the grounds recorded so far.")
        .doesNotContain("Không có trường hợp giới hạn mức xếp loại");
    completeOk("member2", selfReview, selfCriticism("GOOD"));
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member2", YEAR),
        branchProposes("GOOD"));
    assertThat(evaluation("member2", YEAR, "member2").has("levelCap")).isFalse();
    assertThat(kinds(history("member2"))).doesNotContain("LEVEL_CAP_APPLIED", "ABOVE_CAP_REFUSED");
  }

  /**
   * The explanation is kept in Vietnamese (the variable Tasklist shows, the auditors' record of what was said) and
   * rebuilt from the caps on the pages in English: the member's task, the branch meeting, the timeline.
   */
  @Test
  void aDisciplineCapIsExplainedInEnglishOnTheEnglishPages() throws Exception {
    sendDiscipline("member12", "QĐ-12/UBKT", "WARNING", false);
    awaitCap("member12", "NOT_COMPLETED");
    String english =
        "- Disciplined in the year: at most “Did not fulfil tasks”. Discipline: QĐ-12/UBKT (Warning,"
            + " on 01/03/"
            + YEAR
            + ", by Ủy ban kiểm tra Đảng ủy phường).";

    String selfReview = taskOf("member12", "self-review", "member12", YEAR);
    assertThat(formVariables("member12", selfReview).at("/levelCapReason/value").asText())
        .as("kept as written, in Vietnamese")
        .contains("Mức cao nhất được xếp: Không hoàn thành nhiệm vụ.")
        .contains("Bị kỷ luật trong năm")
        .contains("Cảnh cáo");
    PageSession member = new PageSession("member12");
    HttpResponse<String> task = member.get("/app/tasks/" + selfReview + "?lang=en");
    assertThat(task.statusCode()).isEqualTo(200);
    assertThat(task.body())
        .contains("id=\"level-cap-reason\"")
        .contains(english)
        .doesNotContain("(rule ")
        .doesNotContain("Mức cao nhất được xếp")
        .doesNotContain("Bị kỷ luật trong năm")
        .doesNotContain("Cảnh cáo")
        .doesNotContain("Nguồn:");
    String vietnamese = member.get("/app/tasks/" + selfReview + "?lang=vi").body();
    assertThat(vietnamese)
        .as("the Vietnamese page shows it as kept")
        .contains(
            "- Bị kỷ luật trong năm: được xếp tối đa mức “Không hoàn thành nhiệm vụ”. Quyết định kỷ"
                + " luật: QĐ-12/UBKT (Cảnh cáo, ngày ")
        .doesNotContain("KHTNV")
        .doesNotContain("member-caps")
        .doesNotContain(english);
    // one heading and the level once, the explanation below it (finding 10: "Highest level
    // allowed" twice)
    assertThat(occurrences(vietnamese, "Mức cao nhất được xếp")).isEqualTo(1);
    assertThat(vietnamese).as("a task with a due date shows it").contains("id=\"task-due\"");
    assertThat(occurrences(task.body(), "Highest level allowed")).isEqualTo(1);

    completeOk("member12", selfReview, selfCriticism("COMPLETED"));
    sendResidenceFeedback("member12", YEAR, "Tốt.");
    taskOf("secretary3", "branch-review", "member12", YEAR);
    HttpResponse<String> meeting =
        new PageSession("secretary3").get("/app/meetings/" + ORG + "-cb3/" + YEAR + "?lang=en");
    assertThat(meeting.statusCode()).isEqualTo(200);
    assertThat(meeting.body())
        .contains(english)
        .doesNotContain("Bị kỷ luật trong năm")
        .doesNotContain("Cảnh cáo");

    // the timeline names the cap's reason in the reader's language too
    HttpResponse<String> record = member.get("/app/evaluations/" + YEAR + "/member12?lang=en");
    assertThat(record.statusCode()).isEqualTo(200);
    assertThat(record.body())
        .contains("Disciplined in the year")
        .doesNotContain("Bị kỷ luật trong năm");
  }

  @Test
  void theCivilServiceLevelCapsTheBranchAndTheDecisionThroughBothApis() {
    assessedAndCapped("member3", "COMPLETED");
    completeOk(
        "member3", taskOf("member3", "self-review", "member3", YEAR), selfCriticism("EXCELLENT"));
    sendResidenceFeedback("member3", YEAR, "Tốt.");

    String branchReview = taskOf("secretary1", "branch-review", "member3", YEAR);
    assertThat(formVariables("secretary1", branchReview).at("/levelCapReason/value").asText())
        .contains("Không cao hơn mức xếp loại cán bộ, công chức, viên chức")
        .contains("Mức xếp loại cán bộ, công chức, viên chức: Hoàn thành nhiệm vụ");
    assertRefused(
        complete("secretary1", branchReview, branchProposes("EXCELLENT")),
        "branchProposedLevel",
        "above-cap");
    assertRefused(
        complete("secretary1", branchReview, branchProposes("GOOD")),
        "branchProposedLevel",
        "above-cap");
    // as Tasklist submits: the engine's own check refuses it, 400 naming the field, the cap and why
    ResponseEntity<String> viaEngine =
        engineComplete("secretary1", branchReview, branchProposes("GOOD"));
    assertThat(viaEngine.getStatusCode().value()).as(viaEngine.getBody()).isEqualTo(400);
    assertThat(viaEngine.getBody())
        .contains("\"field\":\"branchProposedLevel\",\"reason\":\"above-cap\"");
    assertThat(json(viaEngine.getBody()).get("message").asText())
        .contains("Hoàn thành nhiệm vụ")
        .contains("Không cao hơn mức xếp loại cán bộ, công chức, viên chức")
        .doesNotContain("member-caps-");
    assertThat(taskOf("secretary1", "branch-review", "member3", YEAR))
        .as("still open")
        .isEqualTo(branchReview);
    ResponseEntity<String> accepted =
        engineComplete("secretary1", branchReview, branchProposes("COMPLETED"));
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);

    String decision = taskOf("committee", "committee-decision", "member3", YEAR);
    assertRefused(
        complete("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD")),
        "decidedLevel",
        "above-cap");
    ResponseEntity<String> decisionViaEngine =
        engineComplete("committee", decision, approves("EXCELLENT"));
    assertThat(decisionViaEngine.getStatusCode().value())
        .as(decisionViaEngine.getBody())
        .isEqualTo(400);
    assertThat(decisionViaEngine.getBody())
        .contains("\"field\":\"decidedLevel\",\"reason\":\"above-cap\"");
    completeOk("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "COMPLETED"));

    List<JsonNode> refusals =
        history("member3").stream()
            .filter(e -> e.get("kind").asText().equals("ABOVE_CAP_REFUSED"))
            .toList();
    assertThat(refusals)
        .extracting(
            e ->
                e.get("taskKey").asText()
                    + ":"
                    + e.at("/details/level").asText()
                    + ":"
                    + e.get("actor").asText())
        .containsExactly(
            "branch-review:EXCELLENT:secretary1",
            "branch-review:GOOD:secretary1",
            "branch-review:GOOD:secretary1",
            "committee-decision:GOOD:committee",
            "committee-decision:EXCELLENT:committee");
  }

  @Test
  void sickLeaveRecordedByTheBranchCapsItsOwnProposalAndTheDecision() {
    completeOk("member4", taskOf("member4", "self-review", "member4", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member4", YEAR, "Tốt.");
    String branchReview = taskOf("secretary1", "branch-review", "member4", YEAR);

    assertRefused(
        complete("secretary1", branchReview, branchProposes("GOOD", "sickLeaveMonths", 4)),
        "branchProposedLevel",
        "above-cap");
    assertRefused(
        complete("secretary1", branchReview, branchProposes("COMPLETED", "sickLeaveMonths", 13)),
        "sickLeaveMonths",
        "out-of-range");
    assertRefused(
        complete(
            "secretary1", branchReview, branchProposes("COMPLETED", "concludedDegradation", "có")),
        "concludedDegradation",
        "not-a-flag");
    // Tasklist sends numbers and checkboxes without a type
    ResponseEntity<String> viaEngine =
        engineComplete(
            "secretary1",
            branchReview,
            branchProposes("GOOD", "sickLeaveMonths", 4.5, "concludedDegradation", false));
    assertThat(viaEngine.getStatusCode().value()).as(viaEngine.getBody()).isEqualTo(400);
    assertThat(viaEngine.getBody())
        .contains("\"field\":\"branchProposedLevel\",\"reason\":\"above-cap\"")
        .contains("Nghỉ ốm từ 3 tháng trở lên")
        .doesNotContain("member-caps-");
    ResponseEntity<String> accepted =
        engineComplete(
            "secretary1",
            branchReview,
            branchProposes(
                "COMPLETED",
                "sickLeaveMonths",
                4.5,
                "concludedDegradation",
                false,
                "concludedForbiddenConduct",
                false,
                "concludedFailedToSetExample",
                false));
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);

    String decision = taskOf("committee", "committee-decision", "member4", YEAR);
    JsonNode form = formVariables("committee", decision);
    assertThat(form.at("/sickLeaveMonths/value").asDouble()).isEqualTo(4.5);
    assertThat(form.at("/levelCap/value").asText()).isEqualTo("COMPLETED");
    assertThat(form.at("/levelCapReason/value").asText())
        .contains("Nghỉ ốm từ 3 tháng trở lên")
        .contains("Số tháng nghỉ ốm chi bộ ghi nhận: 4.5");
    assertRefused(
        complete("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD")),
        "decidedLevel",
        "above-cap");
    completeOk("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "COMPLETED"));
    assertThat(evaluation("auditor", YEAR, "member4").at("/levelCap/reason").asText())
        .isEqualTo("SICK_LEAVE_3_MONTHS");
  }

  @Test
  void aFactArrivingWhileTheCommitteeDecidesCapsTheDecision() {
    completeOk("member6", taskOf("member6", "self-review", "member6", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member6", YEAR, "Tốt.");
    completeOk(
        "secretary2",
        taskOf("secretary2", "branch-review", "member6", YEAR),
        branchProposes("GOOD"));
    String decision = taskOf("committee", "committee-decision", "member6", YEAR);
    assertThat(formVariables("committee", decision).at("/levelCap/value").isNull()).isTrue();

    sendUnitAssessment("member6", "NOT_COMPLETED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "NOT_COMPLETED"
                    .equals(
                        formVariables("committee", decision).at("/levelCap/value").asText(null)));
    assertRefused(
        complete("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD")),
        "decidedLevel",
        "above-cap");
    // a return is not a level: still possible
    completeOk(
        "committee",
        decision,
        Map.of("decision", "RETURN", "decisionComment", "Xem lại theo nhận xét đơn vị."));
    assertRefused(
        complete(
            "secretary2",
            taskOf("secretary2", "branch-review", "member6", YEAR),
            branchProposes("COMPLETED")),
        "branchProposedLevel",
        "above-cap");
  }

  @Test
  void theTaskPageShowsTheCapAsksForTheBranchsFactsAndRefusesAboveTheCap() throws Exception {
    assessedAndCapped("member7", "GOOD");
    completeOk("member7", taskOf("member7", "self-review", "member7", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member7", YEAR, "Tốt.");
    String branchReview = taskOf("secretary2", "branch-review", "member7", YEAR);

    PageSession page = new PageSession("secretary2");
    page.post("/app/tasks/" + branchReview + "/claim", Map.of());
    HttpResponse<String> form = page.get("/app/tasks/" + branchReview);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("id=\"level-cap\"")
        .contains("Hoàn thành tốt nhiệm vụ")
        .contains("Mức xếp loại cán bộ, công chức, viên chức: Hoàn thành tốt nhiệm vụ")
        .contains("type=\"number\"")
        .contains("id=\"sickLeaveMonths\"")
        .contains("type=\"checkbox\"")
        .contains("id=\"concludedDegradation\"")
        .contains("id=\"eligibleVoters\"")
        .contains("id=\"votesGood\"");

    // four and a half months typed the Vietnamese way, and GOOD: above the cap of the sick leave
    // just recorded
    HttpResponse<String> refused =
        page.post(
            "/app/tasks/" + branchReview,
            Map.of("action", "submit", "branchProposedLevel", "GOOD", "sickLeaveMonths", "4,5"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"branchProposedLevel-error\"")
        .contains(
            "không được cao hơn mức &quot;Hoàn thành nhiệm vụ&quot;: Nghỉ ốm từ 3 tháng trở lên")
        // and the meeting's vote was left out
        .contains("id=\"eligibleVoters-error\"")
        .contains("id=\"votesNotCompleted-error\"");
    HttpResponse<String> submitted =
        page.post(
            "/app/tasks/" + branchReview,
            Map.of(
                "action",
                "submit",
                "branchProposedLevel",
                "NOT_COMPLETED",
                "sickLeaveMonths",
                "4,5",
                "concludedDegradation",
                "true",
                "eligibleVoters",
                "9",
                "votesExcellent",
                "0",
                "votesGood",
                "1",
                "votesCompleted",
                "0",
                "votesNotCompleted",
                "8"));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);

    String decision = taskOf("committee", "committee-decision", "member7", YEAR);
    JsonNode variables = formVariables("committee", decision);
    assertThat(variables.at("/sickLeaveMonths/value").asDouble()).isEqualTo(4.5);
    assertThat(variables.at("/concludedDegradation/value").asBoolean()).isTrue();
    assertThat(variables.at("/concludedForbiddenConduct/value").isBoolean()).isTrue();
    assertThat(variables.at("/levelCap/value").asText()).isEqualTo("NOT_COMPLETED");
    assertThat(entry(history("member7"), "ABOVE_CAP_REFUSED").get("actor").asText())
        .isEqualTo("secretary2");
  }

  @Test
  void aFactReceivedBeforeTheEvaluationStartedCapsItFromTheFirstTask() {
    String selfReview = taskOf("member5", "self-review", "member5", YEAR);
    JsonNode form = formVariables("member5", selfReview);
    assertThat(form.at("/levelCap/value").asText()).isEqualTo("NOT_COMPLETED");
    assertThat(form.at("/levelCapReason/value").asText())
        .contains("QĐ-05/UBKT")
        .contains("Cảnh cáo");
    assertThat(form.at("/disciplined/value").asBoolean()).isTrue();

    JsonNode listed =
        unmatched().stream()
            .filter(e -> e.path("eventId").asText().equals(earlyDiscipline))
            .findFirst()
            .orElseThrow();
    assertThat(listed.path("reason").asText()).isEqualTo("NO_EVALUATION_YET");
    assertThat(listed.path("evaluationStarted").asBoolean()).isTrue();
    JsonNode applied = entry(history("member5"), "LEVEL_CAP_APPLIED");
    assertThat(applied.at("/details/trigger").asText()).isEqualTo("self-review");
  }

  @Test
  void factsForAnUnknownMemberAreListedForTheAdministrator() {
    List<JsonNode> listed = unmatched();
    for (String eventId : List.of(unknownMemberDiscipline, unknownMemberAssessment)) {
      assertThat(listed)
          .filteredOn(e -> e.path("eventId").asText().equals(eventId))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.path("reason").asText()).isEqualTo("UNKNOWN_MEMBER");
                assertThat(e.path("memberId").asText()).isEqualTo("no-such-member");
                assertThat(e.path("year").asInt()).isEqualTo(YEAR);
              });
    }
  }

  @Test
  void aDuplicateChangesNothingAndACorrectionOfTheSameDecisionReplacesIt() {
    CloudEvent discipline = sendDiscipline("member8", "QĐ-08/UBKT", "REPRIMAND", false);
    awaitCap("member8", "NOT_COMPLETED");

    send("member8", structured(discipline)); // redelivered
    // a marker with the same key (same partition, so handled after the duplicate)
    String marker = sendUnitAssessment("member8", null).getId();
    await().atMost(Duration.ofSeconds(30)).until(() -> received("member8", marker));
    assertThat(
            count(
                "select count(*) from evaluation.discipline_decision where year = :y and member_id = 'member8'"))
        .isEqualTo(1);
    assertThat(kinds(history("member8")).stream().filter(k -> k.equals("EVENT_RECEIVED")).count())
        .isEqualTo(2);
    assertThat(
            kinds(history("member8")).stream().filter(k -> k.equals("LEVEL_CAP_APPLIED")).count())
        .isEqualTo(1);

    // the same decision again under a new event id: a correction (self-detected and remedied after
    // all)
    sendDiscipline("member8", "QĐ-08/UBKT", "REPRIMAND", true);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !evaluation("member8", YEAR, "member8").has("levelCap"));
    assertThat(
            count(
                "select count(*) from evaluation.discipline_decision where year = :y and member_id = 'member8'"))
        .isEqualTo(1);
    assertThat(kinds(history("member8")))
        .containsSubsequence("LEVEL_CAP_APPLIED", "LEVEL_CAP_LIFTED");
    String selfReview = taskOf("member8", "self-review", "member8", YEAR);
    assertThat(formVariables("member8", selfReview).at("/levelCap/value").isNull()).isTrue();
  }

  /**
   * Fact events whose data does not match the type's published schema (docs/asyncapi/schemas) reach no handler:
   * they are kept as unmatched (INVALID_DATA) with the schema's message (issue 16; they were dead-lettered without
   * a word before), and nothing is recorded.
   */
  @Test
  void factEventsThatDoNotMatchTheirSchemaAreKeptWithTheSchemasMessage() {
    String key = "caps-poison-" + YEAR;
    List<CloudEvent> invalid =
        List.of(
            discipline(
                "member9",
                "{\"memberId\":\"member9\",\"year\":"
                    + YEAR
                    + ",\"form\":\"REPRIMAND\",\"decidedOn\":\""
                    + YEAR
                    + "-03-01\",\"decidedBy\":\"UBKT\"}"), // no decisionId
            discipline("member9", disciplineData("member9", "QĐ-09", "FINE", false)),
            discipline(
                "member9",
                disciplineData("member9", "QĐ-09", "REPRIMAND", false)
                    .replace("\"" + YEAR + "-03-01\"", "\"1/3/" + YEAR + "\"")),
            assessment(
                "member9",
                "{\"memberId\":\"member9\",\"year\":"
                    + YEAR
                    + ",\"civilServiceLevel\":\"BEST\",\"comment\":\"c\",\"assessedBy\":\"u\"}"),
            assessment(
                "member9",
                "{\"memberId\":\"member9\",\"year\":"
                    + YEAR
                    + ",\"civilServiceLevel\":\"GOOD\",\"assessedBy\":\"u\"}")); // no comment
    invalid.forEach(event -> send(key, structured(event)));
    List<String> problemsNamed =
        List.of("decisionId", "form", "decidedOn", "civilServiceLevel", "comment");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<JsonNode> listed = unmatched();
              for (int i = 0; i < invalid.size(); i++) {
                String id = invalid.get(i).getId();
                assertThat(listed)
                    .filteredOn(e -> e.path("eventId").asText().equals(id))
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.path("reason").asText()).isEqualTo("INVALID_DATA");
                          assertThat(e.path("memberId").asText()).isEqualTo("member9");
                        })
                    .extracting(e -> e.path("problem").asText())
                    .asString()
                    .contains(problemsNamed.get(i));
              }
            });
    assertThat(
            readAll("party.member-events.DLT", Duration.ofSeconds(2)).stream()
                .filter(r -> key.equals(r.key()))
                .count())
        .isZero();
    assertThat(
            count(
                "select count(*) from evaluation.discipline_decision where year = :y and member_id = 'member9'"))
        .isZero();
    assertThat(
            count(
                "select count(*) from evaluation.unit_assessment where year = :y and member_id = 'member9'"))
        .isZero();
  }

  // --- helpers
  // -------------------------------------------------------------------------------------------------

  private CloudEvent sendDiscipline(
      String memberId, String decisionId, String form, boolean selfDetected) {
    CloudEvent event =
        discipline(memberId, disciplineData(memberId, decisionId, form, selfDetected));
    send(memberId, structured(event));
    return event;
  }

  /** Sends the unit's assessment with that civil-service level and waits until it caps the member's evaluation. */
  private void assessedAndCapped(String member, String civilServiceLevel) {
    sendUnitAssessment(member, civilServiceLevel);
    awaitCap(member, civilServiceLevel);
  }

  /** Waits until the member's evaluation of the year is capped at that level. */
  private void awaitCap(String member, String level) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                level.equals(evaluation(member, YEAR, member).at("/levelCap/level").asText(null)));
  }

  private CloudEvent sendUnitAssessment(String memberId, String civilServiceLevel) {
    String level = civilServiceLevel == null ? "null" : "\"" + civilServiceLevel + "\"";
    CloudEvent event =
        assessment(
            memberId,
            "{\"memberId\":\""
                + memberId
                + "\",\"year\":"
                + YEAR
                + ",\"civilServiceLevel\":"
                + level
                + ",\"comment\":\"Hoàn thành nhiệm vụ chuyên môn.\","
                + "\"assessedBy\":\"Thủ trưởng đơn vị\"}");
    send(memberId, structured(event));
    return event;
  }

  private static String disciplineData(
      String memberId, String decisionId, String form, boolean selfDetected) {
    return "{\"memberId\":\""
        + memberId
        + "\",\"year\":"
        + YEAR
        + ",\"decisionId\":\""
        + decisionId
        + "\",\"form\":\""
        + form
        + "\",\"selfDetectedAndRemedied\":"
        + selfDetected
        + ",\"decidedOn\":\""
        + YEAR
        + "-03-01\",\"decidedBy\":\"Ủy ban kiểm tra Đảng ủy phường\"}";
  }

  private static CloudEvent discipline(String memberId, String data) {
    return event("vn.party.member.disciplined", "/inspection-committee/test", data);
  }

  private static CloudEvent assessment(String memberId, String data) {
    return event("vn.party.member.unit-assessment", "/unit-leadership/test", data);
  }

  private static CloudEvent event(String type, String source, String data) {
    return CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withSource(URI.create(source))
        .withType(type)
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static byte[] structured(CloudEvent event) {
    return EventFormatProvider.getInstance()
        .resolveFormat(JsonFormat.CONTENT_TYPE)
        .serialize(event);
  }

  /** What Tasklist loads into the form. */
  private JsonNode formVariables(String user, String taskId) {
    ResponseEntity<String> response =
        as(user)
            .get()
            .uri("/engine-rest/task/{id}/form-variables", taskId)
            .retrieve()
            .toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json(response.getBody());
  }

  private List<JsonNode> history(String memberId) {
    JsonNode history =
        json(
            as("auditor")
                .get()
                .uri("/api/v1/evaluations/{y}/{m}/history", YEAR, memberId)
                .retrieve()
                .body(String.class));
    return StreamSupport.stream(history.spliterator(), false).toList();
  }

  private static List<String> kinds(List<JsonNode> history) {
    return history.stream().map(e -> e.get("kind").asText()).toList();
  }

  private static JsonNode entry(List<JsonNode> history, String kind) {
    return history.stream()
        .filter(e -> e.get("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + history));
  }

  private boolean received(String memberId, String eventId) {
    return jdbc.sql(
                """
            select count(*) from evaluation.timeline_entry where year = :y and member_id = :m
            and kind = 'EVENT_RECEIVED' and details->>'eventId' = :id""")
            .param("y", YEAR)
            .param("m", memberId)
            .param("id", eventId)
            .query(Integer.class)
            .single()
        == 1;
  }

  private int count(String sql) {
    return jdbc.sql(sql).param("y", YEAR).query(Integer.class).single();
  }

  private List<JsonNode> unmatched() {
    return unmatchedEvents("?limit=500");
  }

  /** A signed-in browser session on the people's pages: cookies kept, the CSRF token read from each page. */
  private final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String token;

    PageSession(String user) throws Exception {
      token = csrf(get("/login").body());
      HttpResponse<String> login = post("/login", Map.of("username", user, "password", "demo"));
      assertThat(login.headers().firstValue("Location").orElse(""))
          .as("login of " + user)
          .endsWith("/app");
      token = csrf(get("/app/tasks").body());
    }

    HttpResponse<String> get(String path) throws Exception {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      Map<String, String> fields = new LinkedHashMap<>(form);
      fields.put("_csrf", token);
      String body =
          fields.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return client.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String html) {
      Matcher matcher = CSRF.matcher(html);
      assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
      return matcher.group(1);
    }
  }

  private static JsonNode assertRefused(
      ResponseEntity<String> response, String field, String reason) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    return StreamSupport.stream(json(response.getBody()).get("errors").spliterator(), false)
        .filter(
            e -> e.get("field").asText().equals(field) && e.get("reason").asText().equals(reason))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(field + ": " + reason + " not in " + response.getBody()));
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
