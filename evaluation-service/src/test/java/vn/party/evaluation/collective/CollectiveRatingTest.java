package vn.party.evaluation.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.Refusals;
import vn.party.evaluation.pages.PageSession;

/**
 * A small campaign through its collective ratings: after every member is decided, each branch reviews itself and is
 * rated by the grassroots committee, then the organization is rated by the committee above — with a return, a level
 * other than the proposed one needing a reason, and the collective caps refusing a level they do not allow.
 */
class CollectiveRatingTest extends EvaluationFlowSupport {

  private static final int YEAR = 2036;
  private static final String CB1 = ORG + "-cb1";
  private static final String CB2 = ORG + "-cb2";
  private static final String CB3 = ORG + "-cb3";

  @Test
  void branchesThenTheOrganizationAreRatedWithTheirCapsEnforced() throws Exception {
    // member6 sits on the branch committee of cb2 (demo data): a warning caps cb2 at NOT_COMPLETED
    // (21-HD)
    sendDiscipline("member6", "QĐ-36/UBKT", "WARNING");
    String campaignId = launchedCampaign(YEAR);
    for (int n = 1; n <= 15; n++) {
      // member6 is capped by the discipline; two of cb3's five members are not completed: 40 % > 20
      // %
      decideMember(n, n == 6 || n == 11 || n == 12 ? "NOT_COMPLETED" : "GOOD");
    }
    // every member decided (none heads a unit here): the collectives come next, then the
    // finalization

    // cb1 states its task results (366): a quarter of its tasks done late, above the notes' 20 %,
    // so not even
    // COMPLETED; the grassroots committee returns the self-review
    Map<String, Object> lateQuarter = new java.util.HashMap<>(collectiveSelfReview("GOOD"));
    lateQuarter.putAll(Map.of("allTasksDone", true, "lateTasksPercent", 25));
    completeOk(
        "secretary1",
        collectiveTaskOf("secretary1", "collective-self-review", CB1, YEAR),
        lateQuarter);
    String cb1Returned = collectiveTaskOf("committee", "collective-decision", CB1, YEAR);
    // the committee's list tells its collectives' tasks apart: each names its subject (api13)
    assertThat(tasksOf("committee"))
        .filteredOn(task -> task.get("id").asText().equals(cb1Returned))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.path("memberId").isMissingNode()).isTrue();
              assertThat(task.path("subjectName").asText())
                  .isEqualTo(collective("committee", YEAR, CB1).get("name").asText());
            });
    ResponseEntity<String> overTwenty =
        complete("committee", cb1Returned, approvesWithComment("COMPLETED", "Còn nhiệm vụ chậm."));
    assertRefused(overTwenty, "decidedLevel", "above-cap");
    assertThat(overTwenty.getBody()).contains("Tập thể có trên 20% nhiệm vụ hoàn thành chậm");
    completeOk(
        "committee",
        cb1Returned,
        Map.of("decision", "RETURN", "decisionComment", "Bổ sung kết quả từng lĩnh vực."));

    // resubmitted on the branch committee's page: every task done, a tenth late — the page offers
    // both, unstated
    // by default; a level other than the proposed one needs a reason, and GOOD (100 % on time) is
    // above the cap
    PageSession secretary1 = PageSession.of(port, "secretary1");
    String cb1SelfReview = collectiveTaskOf("secretary1", "collective-self-review", CB1, YEAR);
    String page = secretary1.get("/app/tasks/" + cb1SelfReview).body();
    secretary1.post("/app/tasks/" + cb1SelfReview + "/claim", "_csrf=" + secretary1.csrf(page));
    page = secretary1.get("/app/tasks/" + cb1SelfReview).body();
    assertThat(page)
        .contains("Tập thể hoàn thành tất cả các nhiệm vụ trong năm")
        .contains("Tỷ lệ % nhiệm vụ của tập thể hoàn thành chậm")
        .contains("<select id=\"allTasksDone\"")
        .contains("id=\"lateTasksPercent\"")
        .contains("— Không khai —");
    HttpResponse<String> resubmitted =
        secretary1.post(
            "/app/tasks/" + cb1SelfReview,
            form(
                Map.of(
                    "selfProposedLevel",
                    "EXCELLENT",
                    "strengths",
                    "Lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm.",
                    "allTasksDone",
                    "true",
                    "lateTasksPercent",
                    "10",
                    "limitations",
                    "Một số nhiệm vụ hoàn thành chậm.",
                    "remedialMeasures",
                    "Theo dõi tiến độ hằng tháng.",
                    "action",
                    "submit"),
                secretary1.csrf(page)));
    assertThat(resubmitted.statusCode()).as(resubmitted.body()).isEqualTo(302);
    String cb1Decision = collectiveTaskOf("committee", "collective-decision", CB1, YEAR);
    assertRefused(
        complete("committee", cb1Decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD")),
        "decisionComment",
        "required");
    ResponseEntity<String> late =
        complete(
            "committee",
            cb1Decision,
            approvesWithComment("GOOD", "Chưa đủ tiêu chí hoàn thành xuất sắc."));
    assertRefused(late, "decidedLevel", "above-cap");
    assertThat(late.getBody())
        .contains("Tập thể có nhiệm vụ hoàn thành chậm (chưa đạt 100% đúng hạn)")
        .doesNotContain("collective-caps-"); // the rule's id is not for people
    // the raters see what the collective stated, and the cap it gives
    assertThat(PageSession.of(port, "committee").get("/app/tasks/" + cb1Decision).body())
        .contains("id=\"collective-all-tasks-done\">Có<")
        .contains("id=\"collective-late-tasks-percent\">10,0%<")
        .contains("Tỷ lệ nhiệm vụ hoàn thành chậm (tập thể tự khai): 10%.");
    // in English, rebuilt from the caps (the variable stays Vietnamese)
    assertThat(
            PageSession.of(port, "committee").get("/app/tasks/" + cb1Decision + "?lang=en").body())
        .contains(
            "- Some of the collective&#39;s tasks completed late (not 100% on time): at most “Fulfilled"
                + " tasks”. Share of tasks completed late (stated by the collective): 10%.")
        .doesNotContain("collective-caps")
        .doesNotContain("Tỷ lệ nhiệm vụ hoàn thành chậm (tập thể tự khai)")
        .doesNotContain("Mức cao nhất được xếp");
    completeOk(
        "committee",
        cb1Decision,
        approvesWithComment("COMPLETED", "Một phần mười nhiệm vụ hoàn thành chậm."));

    // cb2: capped at NOT_COMPLETED by its disciplined leadership member; the refusal is on its
    // history
    assertThat(tasksOf("secretary1"))
        .as("another branch's self-review is not secretary1's")
        .noneMatch(
            task ->
                task.get("memberName")
                    .asText()
                    .equals(collective("committee", YEAR, CB2).get("name").asText()));
    String cb2SelfReview = collectiveTaskOf("secretary2", "collective-self-review", CB2, YEAR);
    // the branch committee's work list and form: the collective's task, its cap and why
    PageSession secretary2 = PageSession.of(port, "secretary2");
    assertThat(secretary2.get("/app/tasks").body())
        .contains("Tập thể tự kiểm điểm (Mẫu 01)")
        .contains("Chi bộ Khu dân cư số 2");
    HttpResponse<String> form = secretary2.get("/app/tasks/" + cb2SelfReview);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains(
            "- Tập thể lãnh đạo có thành viên bị kỷ luật từ cảnh cáo trở lên trong năm: được xếp tối"
                + " đa mức “Không hoàn thành nhiệm vụ”.")
        .doesNotContain("collective-caps");
    completeOk("secretary2", cb2SelfReview, collectiveSelfReview("COMPLETED"));
    String cb2Decision = collectiveTaskOf("committee", "collective-decision", CB2, YEAR);
    // the raters' form shows the collective's self-review and links to its record
    String decisionForm = PageSession.of(port, "committee").get("/app/tasks/" + cb2Decision).body();
    assertThat(decisionForm)
        .contains("Sinh hoạt chuyên đề chưa đều; nguyên nhân: chưa chủ động.")
        .contains("/app/collectives/" + YEAR + "/" + CB2);
    assertRefused(
        complete(
            "committee", cb2Decision, Map.of("decision", "APPROVE", "decidedLevel", "COMPLETED")),
        "decidedLevel",
        "above-cap");
    completeOk(
        "committee",
        cb2Decision,
        approvesWithComment("NOT_COMPLETED", "Chi ủy viên bị kỷ luật cảnh cáo trong năm."));

    // cb3: 40 % of its members not completed, above the 20 % threshold: at most COMPLETED
    completeOk(
        "secretary3",
        collectiveTaskOf("secretary3", "collective-self-review", CB3, YEAR),
        collectiveSelfReview("GOOD"));
    String cb3Decision = collectiveTaskOf("committee", "collective-decision", CB3, YEAR);
    assertRefused(
        complete("committee", cb3Decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD")),
        "decidedLevel",
        "above-cap");
    completeOk(
        "committee",
        cb3Decision,
        approvesWithComment("COMPLETED", "Hai trong năm đảng viên không hoàn thành nhiệm vụ."));

    // the organization, after its branches: reviewed by its committee, rated by the committee
    // above; one branch of
    // three not completed (33 %) caps it at COMPLETED
    completeOk(
        "committee",
        collectiveTaskOf("committee", "collective-self-review", ORG, YEAR),
        collectiveSelfReview("GOOD"));
    String organizationDecision = collectiveTaskOf("district", "collective-decision", ORG, YEAR);
    assertRefused(
        complete("committee", organizationDecision, approvesWithComment("COMPLETED", "x")),
        null,
        null);
    assertRefused(
        complete(
            "district",
            organizationDecision,
            Map.of("decision", "APPROVE", "decidedLevel", "GOOD")),
        "decidedLevel",
        "above-cap");
    completeOk(
        "district",
        organizationDecision,
        approvesWithComment("COMPLETED", "Một chi bộ không hoàn thành nhiệm vụ."));

    finalizeResults(YEAR); // no EXCELLENT: within the quota
    closeComplaintWindow(YEAR); // announced; nobody complains
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        json(as("auditor")
                                .get()
                                .uri("/api/v1/campaigns/" + campaignId)
                                .retrieve()
                                .body(String.class))
                            .get("status")
                            .asText())
                    .isEqualTo("COMPLETED"));

    JsonNode cb2 = collective("auditor", YEAR, CB2);
    assertThat(cb2.get("kind").asText()).isEqualTo("BRANCH");
    assertThat(cb2.get("status").asText()).isEqualTo("DECIDED");
    assertThat(cb2.at("/selfReview/level").asText()).isEqualTo("COMPLETED");
    assertThat(cb2.at("/selfReview/by").asText()).isEqualTo("secretary2");
    assertThat(cb2.at("/decision/level").asText()).isEqualTo("NOT_COMPLETED");
    assertThat(cb2.at("/decision/by").asText()).isEqualTo("committee");
    assertThat(cb2.at("/levelCap/level").asText()).isEqualTo("NOT_COMPLETED");
    assertThat(cb2.at("/levelCap/reason").asText()).isEqualTo("LEADERSHIP_DISCIPLINED_WARNING");
    assertThat(cb2.at("/levelCap/ruleId").asText())
        .isEqualTo("collective-caps-QD-366-2025-leadership-disciplined-warning");
    assertThat(kinds(cb2))
        .containsSubsequence(
            "COLLECTIVE_RATING_STARTED",
            "LEVEL_CAP_APPLIED",
            "TASK_CREATED",
            "TASK_COMPLETED",
            "TASK_CREATED",
            "ABOVE_CAP_REFUSED",
            "TASK_COMPLETED",
            "DECIDED");
    JsonNode cb1 = collective("auditor", YEAR, CB1);
    assertThat(kinds(cb1))
        .containsSubsequence(
            "TASK_COMPLETED",
            "LEVEL_CAP_APPLIED",
            "ABOVE_CAP_REFUSED",
            "CASE_RETURNED",
            "TASK_COMPLETED",
            "LEVEL_CAP_APPLIED",
            "ABOVE_CAP_REFUSED",
            "TASK_COMPLETED",
            "DECIDED");
    // the resubmitted task results, and the cap they gave
    assertThat(cb1.at("/selfReview/allTasksDone").asBoolean()).isTrue();
    assertThat(cb1.at("/selfReview/lateTasksPercent").asDouble()).isEqualTo(10.0);
    assertThat(cb1.at("/levelCap/reason").asText()).isEqualTo("LATE_TASKS");
    assertThat(cb1.at("/levelCap/ruleId").asText())
        .isEqualTo("collective-caps-QD-366-2025-tasks-late");
    assertThat(cb1.at("/decision/level").asText()).isEqualTo("COMPLETED");
    // a branch that stated nothing has none (nulls are left out of the body)
    assertThat(collective("auditor", YEAR, CB3).path("selfReview").has("allTasksDone")).isFalse();
    JsonNode organization = collective("district", YEAR, ORG);
    assertThat(organization.get("kind").asText()).isEqualTo("ORGANIZATION");
    assertThat(organization.at("/decision/level").asText()).isEqualTo("COMPLETED");
    assertThat(organization.at("/decision/by").asText()).isEqualTo("district");
    assertThat(organization.at("/levelCap/reason").asText()).isEqualTo("SUBORDINATE_SHORTFALL");

    // the report: each branch's level, the branches per level, the organization's own level; and
    // the downloads
    PageSession auditor = PageSession.of(port, "auditor");
    String report = auditor.get("/app/reports/" + ORG + "/" + YEAR).body();
    assertThat(report)
        .contains("Xếp loại chất lượng tập thể")
        .contains("data-collective=\"" + CB2 + "\"");
    String counts = report.substring(report.indexOf("id=\"collective-counts\""));
    assertThat(counts)
        .containsPattern("data-level=\"GOOD\">0<")
        .containsPattern("data-level=\"COMPLETED\">2<")
        .containsPattern("data-level=\"NOT_COMPLETED\">1<")
        .containsPattern("data-level=\"EXCELLENT\">0<")
        .contains("33,3"); // Vietnamese decimal comma
    assertThat(report.substring(report.indexOf("id=\"organization-level\"")))
        .contains("Hoàn thành nhiệm vụ");
    assertThat(auditor.download("/app/reports/" + ORG + "/" + YEAR + ".xlsx").statusCode())
        .isEqualTo(200);
    assertThat(auditor.download("/app/reports/" + ORG + "/" + YEAR + ".pdf").statusCode())
        .isEqualTo(200);
    // the auditors' page of one collective, with its history
    HttpResponse<String> record = auditor.get("/app/collectives/" + YEAR + "/" + CB2);
    assertThat(record.statusCode()).isEqualTo(200);
    assertThat(record.body())
        .contains("Chi bộ Khu dân cư số 2")
        .contains("data-kind=\"ABOVE_CAP_REFUSED\"")
        .contains("Chi ủy viên bị kỷ luật cảnh cáo trong năm.")
        .contains("id=\"all-tasks-done\">— Không khai —<");
    // its history names its kind as its own page does, not as a secretary (ninth session's
    // outsider, finding 9), and credits the steps the process ran to the system (finding 11)
    String history = record.body().substring(record.body().indexOf("id=\"timeline\""));
    assertThat(history)
        .containsPattern("<dt>Loại tập thể</dt>\\s*<dd>Chi bộ</dd>")
        .doesNotContain("Bí thư");
    assertThat(row(history, "COLLECTIVE_RATING_STARTED")).contains("Hệ thống");
    assertThat(row(history, "TASK_CREATED")).contains("Hệ thống");
    assertThat(
            jdbc.sql(
                    "select distinct actor from evaluation.timeline_entry where year = :y and member_id"
                        + " in (:subjects) and kind in ('COLLECTIVE_RATING_STARTED', 'TASK_CREATED',"
                        + " 'LEVEL_CAP_APPLIED', 'COLLECTIVE_NOT_RATED')")
                .param("y", YEAR)
                .param(
                    "subjects",
                    List.of(
                        CollectiveEvaluation.timelineSubject(CB1),
                        CollectiveEvaluation.timelineSubject(CB2),
                        CollectiveEvaluation.timelineSubject(ORG)))
                .query(String.class)
                .list())
        .containsExactly("system");
    assertThat(
            PageSession.of(port, "auditor")
                .get("/app/collectives/" + YEAR + "/" + ORG + "?lang=en")
                .body())
        .containsPattern("<dt>Kind of collective</dt>\\s*<dd>Grassroots organization</dd>");
    // its cap, and the cap's reason on its history, in the reader's language
    assertThat(
            PageSession.of(port, "auditor")
                .get("/app/collectives/" + YEAR + "/" + CB2 + "?lang=en")
                .body())
        .contains("A leadership member disciplined at warning or above in the year")
        .doesNotContain("Tập thể lãnh đạo có thành viên bị kỷ luật từ cảnh cáo trở lên trong năm");
    assertThat(auditor.get("/app/collectives/" + YEAR + "/" + CB1).body())
        .contains("Tập thể hoàn thành tất cả các nhiệm vụ trong năm")
        .contains("id=\"all-tasks-done\">Có<")
        .contains("id=\"late-tasks-percent\">10,0%<");
    assertThat(
            PageSession.of(port, "secretary1")
                .get("/app/collectives/" + YEAR + "/" + CB2)
                .statusCode())
        .isEqualTo(403);

    // who may read a collective's rating
    assertThat(status("secretary2", CB2)).isEqualTo(200);
    assertThat(status("secretary1", CB2)).isEqualTo(403);
    assertThat(status("member6", CB2)).isEqualTo(403);
    assertThat(status("committee", ORG)).isEqualTo(200);
    assertThat(status("auditor", "no-such-branch")).isEqualTo(404);

    // told on Kafka, keyed by the organization: the three branches and the organization
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<ConsumerRecord<String, byte[]>> decided =
                  readAll("evaluation.events", Duration.ofSeconds(2)).stream()
                      .filter(
                          r ->
                              cloudEvent(r)
                                      .get("type")
                                      .asText()
                                      .equals("vn.party.evaluation.collective.decided")
                                  && cloudEvent(r).at("/data/year").asInt() == YEAR)
                      .toList();
              assertThat(decided).extracting(ConsumerRecord::key).containsOnly(ORG);
              assertThat(
                      decided.stream()
                          .map(
                              r ->
                                  cloudEvent(r).at("/data/collectiveId").asText()
                                      + "="
                                      + cloudEvent(r).at("/data/decidedLevel").asText()))
                  .containsExactly(
                      CB1 + "=COMPLETED",
                      CB2 + "=NOT_COMPLETED",
                      CB3 + "=COMPLETED",
                      ORG + "=COMPLETED");
            });
  }

  private void decideMember(int n, String level) {
    String member = "member" + n;
    String secretary = "secretary" + ((n - 1) / 5 + 1);
    completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism(level));
    sendResidenceFeedback(member, YEAR, "Tốt");
    completeOk(secretary, taskOf(secretary, "branch-review", member, YEAR), branchProposes(level));
    completeOk(
        "committee",
        taskOf("committee", "committee-decision", member, YEAR),
        Map.of(
            "decision",
            "APPROVE",
            "decidedLevel",
            level,
            "quotaReason",
            "Thành tích nổi bật được chi bộ ghi nhận"));
  }

  /** A page form's body: the fields, then the CSRF token. */
  private static String form(Map<String, String> fields, String csrf) {
    return fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(java.util.stream.Collectors.joining("&"))
        + "&_csrf="
        + enc(csrf);
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private int status(String user, String collectiveId) {
    return as(user)
        .get()
        .uri("/api/v1/collectives/{y}/{c}", YEAR, collectiveId)
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }

  private List<JsonNode> tasksOf(String user) {
    return StreamSupport.stream(
            json(as(user).get().uri("/api/v1/tasks").retrieve().body(String.class)).spliterator(),
            false)
        .toList();
  }

  private static List<String> kinds(JsonNode collective) {
    return StreamSupport.stream(collective.get("history").spliterator(), false)
        .map(e -> e.get("kind").asText())
        .toList();
  }

  /** 400 naming the field and reason; a null field: refused at all (403 for someone else's task). */
  private static void assertRefused(ResponseEntity<String> response, String field, String reason) {
    if (field == null) {
      assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
      return;
    }
    Refusals.assertFieldRefused(response, field, reason);
  }

  private void sendDiscipline(String memberId, String decisionId, String form) {
    sendDiscipline(memberId, YEAR, decisionId, form, false);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.discipline_decision where year = :y and member_id = :m")
                        .param("y", YEAR)
                        .param("m", memberId)
                        .query(Integer.class)
                        .single()
                    > 0);
  }

  /** The first row of a timeline of this kind, as the page shows it. */
  private static String row(String timeline, String kind) {
    int at = timeline.indexOf("data-kind=\"" + kind + "\"");
    assertThat(at).as(kind).isPositive();
    return timeline.substring(at, timeline.indexOf("</tr>", at));
  }
}
