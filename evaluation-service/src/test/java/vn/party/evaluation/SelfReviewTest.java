package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.pages.PageSession;
import vn.party.evaluation.selfreview.SelfReviews;

/**
 * The full self-review (issue 3): Mẫu 02A, and 02B for a leader, under 366-QĐ/TW with its 100-point score; drafts
 * with texts longer than an engine variable; the submitted version kept unchanged and readable by the member, the
 * branch, the committee and auditors; the score and the level it gives beside the self-proposal for the branch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfReviewTest extends EvaluationFlowSupport {

  private static final int YEAR = 2046;

  /** Holds a leadership post (Mẫu 02B) when the campaign starts; branch cb3, secretary3. */
  private static final String LEADER = "member11";

  @Autowired private HistoryService historyService;

  @BeforeAll
  void campaignWithALeader() {
    jdbc.sql("update evaluation.party_member set leadership_post = true where id = :id")
        .param("id", LEADER)
        .update();
    launchedCampaign(YEAR);
  }

  @AfterAll
  void noMoreLeaders() {
    jdbc.sql("update evaluation.party_member set leadership_post = false where id = :id")
        .param("id", LEADER)
        .update();
  }

  /** 02A under 366: general criteria 5 points each (25/30), task results 65/70, all conditions of EXCELLENT. */
  private static Map<String, Object> form02a(String longText) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("strengths", "Hoàn thành tốt nhiệm vụ được giao trong năm.");
    for (String item :
        new String[] {
          "politicalIdeology",
          "ethicsLifestyle",
          "organizationDiscipline",
          "workStyle",
          "selfImprovementCommitment"
        }) {
      values.put(item, "Tự đánh giá về " + item + ".");
      values.put(item + "Grade", "EXCELLENT");
      values.put(item + "Points", 5);
    }
    values.put("dutiesResults", longText);
    values.put("dutiesResultsGrade", "EXCELLENT");
    values.put("dutiesResultsPoints", 65);
    values.put("allTasksOnTime", true);
    values.put("exceedingTasksPercent", 30);
    values.put("shortcomingsRemedied", true);
    values.put("limitations", "Đôi khi chưa chủ động.");
    values.put("shortcomingsFixed", "Đã khắc phục việc chậm báo cáo năm trước.");
    values.put("reviewIssuesAnswers", "Không có.");
    values.put("collectiveResponsibility", "Cùng chịu trách nhiệm.");
    values.put("remedialMeasures", "Chủ động hơn, lập kế hoạch hằng tuần.");
    values.put("selfProposedLevel", "EXCELLENT");
    return values;
  }

  /**
   * Outsider of session 13, HIGH 1: "Lưu nháp" with a self-proposed level above what the grades and points give was
   * refused and the whole Mẫu 02A was lost. The draft is kept and the level's problem said beside it as what will
   * block the submission; a value that could never be submitted as it is (an over-long text) still refuses the
   * draft, and the page then says it was not saved, above everything typed.
   */
  @Test
  void aDraftAboveTheOwnAssessmentIsKeptWithTheWarningBesideTheLevel() throws Exception {
    String task = taskOf("member10", "self-review", "member10", YEAR);
    PageSession member = PageSession.of(port, "member10");
    String page = member.get("/app/tasks/" + task).body();
    Map<String, Object> values = form02a("Hoàn thành các nhiệm vụ chuyên môn được giao.");
    values.put("dutiesResultsPoints", 40); // 65 points: not EXCELLENT, which it proposes
    var saved = member.post("/app/tasks/" + task, encode(values, "draft", member.csrf(page)));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(
            jdbc.sql("select count(*) from evaluation.task_draft where task_id = :t")
                .param("t", task)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    page = member.get("/app/tasks/" + task).body();
    assertThat(page)
        .contains("Đã lưu nháp.")
        .contains("Bản nháp đã được lưu, nhưng còn 1 điều phải sửa thì mới gửi được.")
        .contains("id=\"selfProposedLevel-error\"")
        .contains("Hoàn thành các nhiệm vụ chuyên môn được giao.")
        .doesNotContain("lỗi chưa sửa");
    // reopened: everything typed is there, and the warning still beside the level (outsider of
    // session 14, finding 3)
    assertThat(member.get("/app/tasks/" + task).body())
        .contains("Hoàn thành các nhiệm vụ chuyên môn được giao.")
        .contains("Đôi khi chưa chủ động.")
        .contains("id=\"selfProposedLevel-error\"");

    values.put("limitations", "Chưa chủ động. ".repeat(300));
    var refused = member.post("/app/tasks/" + task, encode(values, "draft", member.csrf(page)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Bản nháp CHƯA được lưu")
        .contains("id=\"limitations-error\"")
        .contains("Hoàn thành các nhiệm vụ chuyên môn được giao.");
    assertThat(member.get("/app/tasks/" + task).body()).contains("Đôi khi chưa chủ động.");
  }

  @Test
  void aLongDraftIsKeptThenTheSubmittedReviewIsKeptUnchangedAndReadByEveryoneEntitled()
      throws Exception {
    String task = taskOf("member12", "self-review", "member12", YEAR);
    String longText =
        "Kết quả công việc năm nay. "
            .repeat(300); // ≈ 8,100 characters: more than an engine variable
    assertThat(longText.length()).isGreaterThan(4000);

    // a draft on the page, with the long text; the page shows the totals and the level that follows
    PageSession member = PageSession.of(port, "member12");
    String page = member.get("/app/tasks/" + task).body();
    assertThat(page)
        .contains("name=\"dutiesResultsPoints\"")
        .doesNotContain("name=\"leadershipResults\"");
    Map<String, Object> values = form02a(longText);
    values.put("selfProposedLevel", "GOOD");
    String saved =
        member
            .post("/app/tasks/" + task, encode(values, "draft", member.csrf(page)))
            .headers()
            .firstValue("Location")
            .orElse("");
    assertThat(saved).endsWith("/app/tasks/" + task);
    page = member.get("/app/tasks/" + task).body();
    assertThat(page)
        .contains(longText.strip())
        .contains("id=\"points-total\">90,0<")
        .contains("id=\"derived-level\">Hoàn thành xuất sắc nhiệm vụ<");

    // submitted through the API
    completeOk("member12", task, form02a(longText));

    JsonNode kept = selfReview("member12", "member12");
    assertThat(kept.get("version").asInt()).isEqualTo(1);
    assertThat(kept.get("form").asText()).isEqualTo("02A");
    assertThat(kept.at("/content/dutiesResults").asText()).isEqualTo(longText);
    assertThat(kept.get("generalPoints").asDouble()).isEqualTo(25.0);
    assertThat(kept.get("taskPoints").asDouble()).isEqualTo(65.0);
    assertThat(kept.get("totalPoints").asDouble()).isEqualTo(90.0);
    assertThat(kept.get("derivedLevel").asText()).isEqualTo("EXCELLENT");
    assertThat(kept.get("derivedLevelRule").asText())
        .isEqualTo("member-level-QD-366-2025-excellent");
    Map<String, Object> content =
        JSON.convertValue(kept.get("content"), new TypeReference<Map<String, Object>>() {});
    assertThat(kept.get("contentSha256").asText())
        .isEqualTo(SelfReviews.sha256(SelfReviews.canonical(content)));
    for (String reader : new String[] {"secretary3", "committee", "auditor"}) {
      assertThat(selfReview(reader, "member12").get("contentSha256").asText())
          .isEqualTo(kept.get("contentSha256").asText());
    }
    JsonNode history =
        json(
            as("auditor")
                .get()
                .uri("/api/v1/evaluations/{y}/{m}/history", YEAR, "member12")
                .retrieve()
                .body(String.class));
    JsonNode keptEntry =
        StreamSupport.stream(history.spliterator(), false)
            .filter(e -> e.get("kind").asText().equals("SELF_REVIEW_KEPT"))
            .findFirst()
            .orElseThrow();
    assertThat(keptEntry.get("actor").asText()).isEqualTo("member12");
    assertThat(keptEntry.at("/details/contentSha256").asText())
        .isEqualTo(kept.get("contentSha256").asText());
    assertThat(keptEntry.at("/details/derivedLevel").asText()).isEqualTo("EXCELLENT");
    assertThat(
            as("member13")
                .get()
                .uri("/api/v1/evaluations/{y}/{m}/self-review", YEAR, "member12")
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);

    // the record page shows the kept review in words: the yes/no conditions as "Có", never "true"
    String record = member.get("/app/evaluations/" + YEAR + "/member12").body();
    assertThat(record)
        .contains("data-field=\"allTasksOnTime\"")
        .doesNotContainPattern(
            "data-field=\"(allTasksOnTime|shortcomingsRemedied)\"[^>]*>\\s*(true|false)\\s*<")
        .containsPattern("data-field=\"allTasksOnTime\"[^>]*>\\s*Có\\s*<");

    // the long texts and the grades never became engine variables; the score and the level did
    String processInstance =
        historyService
            .createHistoricTaskInstanceQuery()
            .taskId(task)
            .singleResult()
            .getProcessInstanceId();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstance)
                .variableName("dutiesResults")
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstance)
                .variableName("dutiesResultsGrade")
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstance)
                .variableName("selfReviewLevel")
                .singleResult()
                .getValue())
        .isEqualTo("EXCELLENT");
    // the four required sections of the self-criticism are in the engine's history and on the
    // timeline's completion entry, III (shortcomings fixed) with the others (tenth session's
    // outsider, observation: III was left out)
    for (String section :
        new String[] {"strengths", "limitations", "shortcomingsFixed", "remedialMeasures"}) {
      assertThat(
              historyService
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(processInstance)
                  .variableName(section)
                  .singleResult())
          .as("the engine's history of " + section)
          .isNotNull()
          .extracting(v -> v.getValue())
          .isEqualTo(form02a(longText).get(section));
    }
    JsonNode completedEntry =
        StreamSupport.stream(history.spliterator(), false)
            .filter(e -> e.get("kind").asText().equals("TASK_COMPLETED"))
            .filter(e -> e.path("taskKey").asText("self-review").equals("self-review"))
            .findFirst()
            .orElseThrow();
    assertThat(completedEntry.at("/details/shortcomingsFixed").asText())
        .isEqualTo("Đã khắc phục việc chậm báo cáo năm trước.");

    // later edits are refused: the task is gone (its submitter is told it is already submitted,
    // 409; anyone else gets the one 403 for a task one may not see, no oracle), and the kept row
    // cannot be changed even from the database
    assertThat(complete("member12", task, selfCriticism("COMPLETED")).getStatusCode().value())
        .isEqualTo(409);
    assertThat(complete("member11", task, selfCriticism("COMPLETED")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            member
                .post(
                    "/app/tasks/" + task,
                    encode(
                        selfCriticism("COMPLETED"),
                        "draft",
                        member.csrf(member.get("/app/tasks").body())))
                .statusCode())
        .isEqualTo(409);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "update evaluation.self_review set self_proposed_level = 'NOT_COMPLETED' "
                            + "where year = :y and member_id = 'member12'")
                    .param("y", YEAR)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "delete from evaluation.self_review where year = :y and member_id = 'member12'")
                    .param("y", YEAR)
                    .update())
        .hasMessageContaining("append-only");
    assertThat(selfReview("auditor", "member12").get("contentSha256").asText())
        .isEqualTo(kept.get("contentSha256").asText());

    // the record page and the PDF show it; the branch sees the score and the level beside the
    // proposal
    PageSession secretary = PageSession.of(port, "secretary3");
    assertThat(secretary.get("/app/evaluations/" + YEAR + "/member12").body())
        .contains(kept.get("contentSha256").asText())
        .contains("data-field=\"dutiesResults\"")
        .contains("Kết quả công việc năm nay.");
    assertThat(secretary.download("/app/evaluations/" + YEAR + "/member12.pdf").statusCode())
        .isEqualTo(200);
    sendResidenceFeedback("member12", YEAR, "Tốt.");
    String branchReview = taskOf("secretary3", "branch-review", "member12", YEAR);
    assertThat(secretary.get("/app/tasks/" + branchReview).body())
        .contains("id=\"summary-self-proposed\">Hoàn thành xuất sắc nhiệm vụ<")
        .contains("id=\"summary-derived-level\">Hoàn thành xuất sắc nhiệm vụ<")
        .contains("id=\"summary-points\">90,0<"); // Vietnamese numbers (issue 14)
    JsonNode tasklist =
        json(
            as("secretary3")
                .get()
                .uri("/engine-rest/task/{id}/form-variables", branchReview)
                .retrieve()
                .body(String.class));
    assertThat(tasklist.at("/selfReviewScore/value").asDouble()).isEqualTo(90.0);
    assertThat(tasklist.at("/selfReviewLevel/value").asText()).isEqualTo("EXCELLENT");
  }

  @Test
  void pointsGradesAndTheProposalAreCheckedNextToTheirFieldsInBothLanguages() {
    String task = taskOf("member13", "self-review", "member13", YEAR);
    Map<String, Object> values = form02a("Tốt.");
    values.put("politicalIdeologyPoints", 10);
    values.put("ethicsLifestylePoints", 10);
    values.put("organizationDisciplinePoints", 10); // general criteria 10+10+10+5+5 = 40 > 30
    JsonNode error =
        refused(complete("member13", task, values), "workStylePoints", "group-total-too-high");
    assertThat(error.get("message").asText())
        .contains("tổng điểm của nhóm tiêu chí vượt điểm tối đa");
    values.put("politicalIdeologyPoints", 31);
    refused(complete("member13", task, values), "politicalIdeologyPoints", "points-out-of-range");

    values = form02a("Tốt.");
    values.put("workStyleGrade", "Tốt");
    refused(complete("member13", task, values), "workStyleGrade", "invalid-grade");
    values = form02a("Tốt.");
    values.remove("workStyleGrade");
    refused(complete("member13", task, values), "workStyleGrade", "required");

    values = form02a("Tốt.");
    values.put("allTasksOnTime", false); // 90 points without every task on time: COMPLETED
    ResponseEntity<String> english =
        as("member13")
            .post()
            .uri("/api/v1/tasks/" + task + "/complete")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(values)
            .retrieve()
            .toEntity(String.class);
    assertThat(
            refused(english, "selfProposedLevel", "above-own-assessment").get("message").asText())
        .contains("must not be above the level the member's own grades and points give");

    values.put("leadershipResults", "Lãnh đạo tốt.");
    refused(complete("member13", task, values), "leadershipResults", "not-on-this-form");
    values.remove("leadershipResults");
    values.put("selfProposedLevel", "COMPLETED");
    completeOk("member13", task, values);
    assertThat(selfReview("member13", "member13").get("derivedLevel").asText())
        .isEqualTo("COMPLETED");
  }

  @Test
  void aLeaderWritesThe02bItemsToo() throws Exception {
    String task = taskOf(LEADER, "self-review", LEADER, YEAR);
    PageSession leader = PageSession.of(port, LEADER);
    assertThat(leader.get("/app/tasks/" + task).body())
        .contains("name=\"leadershipResults\"")
        .contains("name=\"antiCorruptionPoints\"");
    Map<String, Object> values = form02a("Tốt.");
    refused(complete(LEADER, task, values), "leadershipResultsGrade", "required");
    for (String item :
        new String[] {"responsibilityInnovation", "settingExample", "antiCorruption"}) {
      values.put(item, "Gương mẫu.");
      values.put(item + "Grade", "GOOD");
      values.put(item + "Points", 1);
    }
    values.put("leadershipResults", "Lãnh đạo đơn vị hoàn thành chỉ tiêu.");
    values.put("leadershipResultsGrade", "GOOD");
    values.put("leadershipResultsPoints", 3); // general 25 + 3 = 28, tasks 65 + 3 = 68: 96 points
    values.put("selfProposedLevel", "GOOD");
    completeOk(LEADER, task, values);
    JsonNode kept = selfReview(LEADER, LEADER);
    assertThat(kept.get("form").asText()).isEqualTo("02B");
    assertThat(kept.get("totalPoints").asDouble()).isEqualTo(96.0);
    assertThat(kept.at("/content/antiCorruptionGrade").asText()).isEqualTo("GOOD");
  }

  @Test
  void aReviewSubmittedThroughTasklistIsKeptToo() {
    String task = taskOf("member14", "self-review", "member14", YEAR);
    Map<String, Object> values = form02a("Hoàn thành nhiệm vụ chuyên môn.");
    values.put("dutiesResultsPoints", 45); // 25 + 45 = 70 points, all on time: GOOD
    values.put("selfProposedLevel", "GOOD");
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    ResponseEntity<String> submitted =
        as("member14")
            .post()
            .uri("/engine-rest/task/{id}/submit-form", task)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", variables))
            .retrieve()
            .toEntity(String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isIn(200, 204);
    JsonNode kept = selfReview("auditor", "member14");
    assertThat(kept.get("totalPoints").asDouble()).isEqualTo(70.0);
    assertThat(kept.get("derivedLevel").asText()).isEqualTo("GOOD");
    assertThat(kept.at("/content/dutiesResults").asText())
        .isEqualTo("Hoàn thành nhiệm vụ chuyên môn.");
  }

  private JsonNode selfReview(String user, String memberId) {
    ResponseEntity<String> response =
        as(user)
            .get()
            .uri("/api/v1/evaluations/{y}/{m}/self-review", YEAR, memberId)
            .retrieve()
            .toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json(response.getBody());
  }

  private static JsonNode refused(ResponseEntity<String> response, String field, String reason) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    return StreamSupport.stream(json(response.getBody()).get("errors").spliterator(), false)
        .filter(
            e -> e.get("field").asText().equals(field) && e.get("reason").asText().equals(reason))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(field + ": " + reason + " not in " + response.getBody()));
  }

  private static String encode(Map<String, Object> values, String action, String csrf) {
    return values.entrySet().stream()
            .filter(e -> !(e.getValue() instanceof Boolean flag) || flag)
            .map(e -> enc(e.getKey()) + "=" + enc(String.valueOf(e.getValue())))
            .collect(Collectors.joining("&"))
        + "&action="
        + action
        + "&_csrf="
        + enc(csrf);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
