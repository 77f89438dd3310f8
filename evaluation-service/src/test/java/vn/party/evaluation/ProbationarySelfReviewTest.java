package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.pages.PageSession;

/**
 * The probationary member's own self-review, Mẫu 10-KNĐ (issue 3): the page shows its sections and never the 02B
 * items (not even to a probationary member holding a post), the same checks refuse what is not on it, and the kept
 * submission, its timeline entry, the record page and the PDF name the form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbationarySelfReviewTest extends EvaluationFlowSupport {

  private static final int YEAR = 2051;

  /** Probationary and holding a post when the campaign starts; branch cb3, secretary3. */
  private static final String PROBATIONARY = "member15";

  /** Probationary, submits through Tasklist / the engine REST API. */
  private static final String PROBATIONARY_TASKLIST = "member14";

  @BeforeAll
  void campaignWithProbationaryMembers() {
    jdbc.sql(
            "update evaluation.party_member set membership = 'PROBATIONARY', leadership_post = true where id = :id")
        .param("id", PROBATIONARY)
        .update();
    jdbc.sql("update evaluation.party_member set membership = 'PROBATIONARY' where id = :id")
        .param("id", PROBATIONARY_TASKLIST)
        .update();
    launchedCampaign(YEAR);
  }

  @AfterAll
  void officialAgain() {
    jdbc.sql(
            "update evaluation.party_member set membership = 'OFFICIAL', leadership_post = false where id in (:ids)")
        .param("ids", java.util.List.of(PROBATIONARY, PROBATIONARY_TASKLIST))
        .update();
  }

  /** 10-KNĐ under 366: four general criteria 6 points each (24/30), the assigned work 66/70: 90 points. */
  private static Map<String, Object> form10Knd() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("strengths", "Chấp hành tốt chủ trương, nghị quyết của Đảng.");
    for (String item :
        new String[] {
          "politicalIdeology", "ethicsLifestyle", "organizationDiscipline", "probationDuties"
        }) {
      values.put(item, "Tự đánh giá về " + item + ".");
      values.put(item + "Grade", "EXCELLENT");
      values.put(item + "Points", 6);
    }
    values.put(
        "probationDuties",
        "Dự đủ các buổi sinh hoạt chi bộ, học tập nghị quyết, làm tốt việc chi bộ giao.");
    values.put("dutiesResults", "Hoàn thành công tác chuyên môn được giao.");
    values.put("dutiesResultsGrade", "EXCELLENT");
    values.put("dutiesResultsPoints", 66);
    values.put("allTasksOnTime", true);
    values.put("exceedingTasksPercent", 40);
    values.put("shortcomingsRemedied", true);
    values.put("limitations", "Còn ít kinh nghiệm; nguyên nhân: mới vào Đảng.");
    values.put("remedialMeasures", "Học hỏi các đồng chí đi trước.");
    values.put("selfProposedLevel", "EXCELLENT");
    return values;
  }

  @Test
  void aProbationaryMemberSees10KndWithout02bItemsSubmitsAndTheKeptReviewNamesTheForm()
      throws Exception {
    String task = taskOf(PROBATIONARY, "self-review", PROBATIONARY, YEAR);
    PageSession member = PageSession.of(port, PROBATIONARY);
    String page = member.get("/app/tasks/" + task).body();
    assertThat(page)
        .contains("data-form=\"F10_KND\"")
        .contains("Mẫu 10-KNĐ — Bản tự kiểm điểm của đảng viên dự bị")
        .contains("name=\"probationDuties\"")
        .contains("name=\"probationDutiesGrade\"")
        .contains("name=\"probationDutiesPoints\"")
        .contains("name=\"politicalIdeology\"")
        .contains("name=\"dutiesResultsPoints\"")
        .contains("Thực hiện nhiệm vụ đảng viên trong thời gian dự bị")
        .contains("Tham gia sinh hoạt đảng, học tập nghị quyết");
    for (String absent :
        new String[] {
          "leadershipResults",
          "responsibilityInnovation",
          "settingExample",
          "antiCorruption",
          "workStyle",
          "selfImprovementCommitment",
          "shortcomingsFixed",
          "reviewIssuesAnswers",
          "collectiveResponsibility",
          "civilServiceSelfProposedLevel"
        }) {
      assertThat(page).doesNotContain("name=\"" + absent);
    }

    // a draft on the page gives the totals and the level of the 10-KNĐ criteria
    Map<String, Object> values = form10Knd();
    member.post("/app/tasks/" + task, encode(values, "draft", member.csrf(page)));
    page = member.get("/app/tasks/" + task).body();
    assertThat(page)
        .contains("id=\"points-general\">24,0<")
        .contains("id=\"points-tasks\">66,0<")
        .contains("id=\"points-total\">90,0<")
        .contains("id=\"derived-level\">Hoàn thành xuất sắc nhiệm vụ<");

    // the same validation: another form's items are refused, nothing is kept
    Map<String, Object> with02b = form10Knd();
    with02b.put("antiCorruption", "Không có biểu hiện.");
    with02b.put("antiCorruptionGrade", "GOOD");
    with02b.put("shortcomingsFixed", "Đã khắc phục.");
    ResponseEntity<String> refused = complete(PROBATIONARY, task, with02b);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(fieldsRefused(refused))
        .contains(
            "antiCorruption:not-on-this-form",
            "antiCorruptionGrade:not-on-this-form",
            "shortcomingsFixed:not-on-this-form");
    Map<String, Object> missingGrade = form10Knd();
    missingGrade.remove("probationDutiesGrade");
    assertThat(fieldsRefused(complete(PROBATIONARY, task, missingGrade)))
        .contains("probationDutiesGrade:required");
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.self_review where year = :y and member_id = :m")
                .param("y", YEAR)
                .param("m", PROBATIONARY)
                .query(Integer.class)
                .single())
        .isZero();

    completeOk(PROBATIONARY, task, form10Knd());

    JsonNode kept = selfReview(PROBATIONARY, PROBATIONARY);
    assertThat(kept.get("form").asText()).isEqualTo("10-KNĐ");
    assertThat(kept.at("/content/probationDuties").asText())
        .startsWith("Dự đủ các buổi sinh hoạt chi bộ");
    assertThat(kept.at("/content/probationDutiesGrade").asText()).isEqualTo("EXCELLENT");
    assertThat(kept.get("generalPoints").asDouble()).isEqualTo(24.0);
    assertThat(kept.get("taskPoints").asDouble()).isEqualTo(66.0);
    assertThat(kept.get("totalPoints").asDouble()).isEqualTo(90.0);
    assertThat(kept.get("derivedLevel").asText()).isEqualTo("EXCELLENT");
    assertThat(
            jdbc.sql("select form from evaluation.self_review where year = :y and member_id = :m")
                .param("y", YEAR)
                .param("m", PROBATIONARY)
                .query(String.class)
                .single())
        .isEqualTo("10-KNĐ");

    JsonNode history =
        json(
            as("auditor")
                .get()
                .uri("/api/v1/evaluations/{y}/{m}/history", YEAR, PROBATIONARY)
                .retrieve()
                .body(String.class));
    JsonNode keptEntry =
        StreamSupport.stream(history.spliterator(), false)
            .filter(e -> e.get("kind").asText().equals("SELF_REVIEW_KEPT"))
            .findFirst()
            .orElseThrow();
    assertThat(keptEntry.at("/details/form").asText()).isEqualTo("10-KNĐ");

    // the record page and the PDF name the form and show the probation duties
    PageSession secretary = PageSession.of(port, "secretary3");
    assertThat(secretary.get("/app/evaluations/" + YEAR + "/" + PROBATIONARY).body())
        .contains("mẫu 10-KNĐ")
        .contains("data-field=\"probationDuties\"")
        .contains("Dự đủ các buổi sinh hoạt chi bộ");
    HttpResponse<byte[]> pdf =
        secretary.download("/app/evaluations/" + YEAR + "/" + PROBATIONARY + ".pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= reader.getNumberOfPages(); i++) {
      text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(i));
    }
    assertThat(text.toString()).contains("10-KNĐ").contains("Dự đủ các buổi sinh hoạt chi bộ");
  }

  @Test
  void a10KndReviewSubmittedThroughTasklistIsKeptUnderItsForm() {
    String task = taskOf(PROBATIONARY_TASKLIST, "self-review", PROBATIONARY_TASKLIST, YEAR);
    Map<String, Object> values = form10Knd();
    values.put("dutiesResultsPoints", 46); // 24 + 46 = 70 points, all on time: GOOD
    values.put("selfProposedLevel", "GOOD");
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    ResponseEntity<String> submitted =
        as(PROBATIONARY_TASKLIST)
            .post()
            .uri("/engine-rest/task/{id}/submit-form", task)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", variables))
            .retrieve()
            .toEntity(String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isIn(200, 204);
    JsonNode kept = selfReview("auditor", PROBATIONARY_TASKLIST);
    assertThat(kept.get("form").asText()).isEqualTo("10-KNĐ");
    assertThat(kept.get("totalPoints").asDouble()).isEqualTo(70.0);
    assertThat(kept.get("derivedLevel").asText()).isEqualTo("GOOD");
  }

  @Test
  void anOfficialMemberInTheSameCampaignStillFillsIn02a() throws Exception {
    String task = taskOf("member13", "self-review", "member13", YEAR);
    PageSession member = PageSession.of(port, "member13");
    String page = member.get("/app/tasks/" + task).body();
    assertThat(page)
        .contains("data-form=\"F02A\"")
        .contains("name=\"workStyle\"")
        .doesNotContain("name=\"probationDuties");
    Map<String, Object> values =
        new LinkedHashMap<>(
            selfCriticism("GOOD", "probationDuties", "Không phải đảng viên dự bị."));
    assertThat(fieldsRefused(complete("member13", task, values)))
        .contains("probationDuties:not-on-this-form");
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

  private static java.util.List<String> fieldsRefused(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    return StreamSupport.stream(json(response.getBody()).get("errors").spliterator(), false)
        .map(e -> e.get("field").asText() + ":" + e.get("reason").asText())
        .toList();
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
