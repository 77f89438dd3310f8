package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.pages.PageSession;

/**
 * Issue 3, "done": a campaign for the demo organization (15 members, 3 branches) under each regulation runs to the
 * end, with the rules visibly applied. Under QD-366-2025 every phase: scored self-reviews, residence comments (one
 * missing at its deadline), a discipline cap, branch proposals, the committee's decisions, collective ratings with a
 * cap, each before its head (a secretary capped by the branch), finalization refused over the EXCELLENT quota then
 * adjusted, the announcement, a complaint re-appraised
 * by the committee above, the campaign completed; then the records, timelines, report and events. Shorter runs under
 * QD-124-2023 (levels from the criteria grades) and QD-132-2018 (the unit's task share caps a civil servant).
 */
class CampaignEndToEndTest extends EvaluationFlowSupport {

  private static final int YEAR_366 = 2047;
  private static final int YEAR_124 = 2048;
  private static final int YEAR_132 = 2049;

  private static final String EXCELLENT = "EXCELLENT";
  private static final String GOOD = "GOOD";
  private static final String COMPLETED = "COMPLETED";
  private static final String NOT_COMPLETED = "NOT_COMPLETED";

  @Test
  void aCampaignUnder366RunsThroughEveryPhaseWithTheRulesApplied() throws Exception {
    // member11 is the secretary of cb3, member7 of the organization: each is decided after the unit
    // they head
    jdbc.sql("update evaluation.party_member set head_of = 'BRANCH' where id = 'member11'")
        .update();
    jdbc.sql("update evaluation.party_member set head_of = 'ORGANIZATION' where id = 'member7'")
        .update();
    try {
      runUnder366();
    } finally {
      jdbc.sql(
              "update evaluation.party_member set head_of = null where id in ('member7', 'member11')")
          .update();
    }
  }

  private void runUnder366() throws Exception {
    final int year = YEAR_366;
    String campaignId = launchedCampaign(year, "QD-366-2025");

    // member13 disciplined (reprimand) during the year: capped at NOT_COMPLETED
    sendDiscipline("member13", year, "QĐ-13/UBKT", "REPRIMAND", false);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                NOT_COMPLETED.equals(
                    evaluation("committee", year, "member13").at("/levelCap/level").asText()));

    // 1. self-reviews, Mẫu 02A with the 100-point score
    for (int n = 1; n <= 15; n++) {
      String member = "member" + n;
      String task = taskOf(member, "self-review", member, year);
      Map<String, Object> form;
      if (n == 1 || n == 2 || n == 6) {
        form =
            form02a(
                EXCELLENT, 6, EXCELLENT, 62, 35,
                EXCELLENT); // 30 + 62 = 92, 35 % beyond requirements
      } else if (n == 7) {
        form =
            form02a(EXCELLENT, 6, EXCELLENT, 62, 10, GOOD); // 92 points, but only 10 % beyond: GOOD
      } else if (n == 14) {
        form = form02a("AVERAGE", 3, "WEAK", 25, 0, NOT_COMPLETED); // 15 + 25 = 40
      } else {
        form = form02a(GOOD, 5, GOOD, 55, 0, GOOD); // 25 + 55 = 80
      }
      if (n == 3 || n == 7) {
        // 80 points, or 92 without 30 % of the tasks beyond requirements, support GOOD, not more:
        // proposing above
        // one's own assessment is a contradiction
        Map<String, Object> above = new HashMap<>(form);
        above.put("selfProposedLevel", EXCELLENT);
        assertRefused(complete(member, task, above), "selfProposedLevel", "above-own-assessment");
      }
      completeOk(member, task, form);
    }
    JsonNode excellentReview = selfReview("member1");
    assertThat(excellentReview.get("totalPoints").asDouble()).isEqualTo(92.0);
    assertThat(excellentReview.get("derivedLevel").asText()).isEqualTo(EXCELLENT);
    assertThat(selfReview("member4").get("derivedLevel").asText()).isEqualTo(GOOD);
    assertThat(selfReview("member7").get("totalPoints").asDouble()).isEqualTo(92.0);
    assertThat(selfReview("member7").get("derivedLevel").asText()).isEqualTo(GOOD);
    JsonNode weakReview = selfReview("member14");
    assertThat(weakReview.get("totalPoints").asDouble()).isEqualTo(40.0);
    assertThat(weakReview.get("derivedLevel").asText()).isEqualTo(NOT_COMPLETED);

    // 2. residence comments arrive by Kafka, except member15's: missing when its deadline passes
    // (the timer job)
    for (int n = 1; n <= 14; n++) {
      sendResidenceFeedback("member" + n, year, "Gương mẫu ở khu dân cư.");
    }
    residenceDeadlinePasses(year, "member15");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "MISSING"
                    .equals(
                        evaluation("secretary3", year, "member15")
                            .at("/residenceFeedback/status")
                            .asText()));

    // 3. the branches propose. cb1 in its meeting (5 official members, all present): EXCELLENT
    // needs ≥ 2/3 of the
    // votes, so 3 of 5 is refused with the reason and nothing is written; 4 of 5 carries it
    PageSession secretary1 = PageSession.of(port, "secretary1");
    String meeting = "/app/meetings/" + ORG + "-cb1/" + year;
    String meetingPage = secretary1.get(meeting).body();
    Map<String, String> minutes = new java.util.LinkedHashMap<>();
    minutes.put("heldOn", java.time.LocalDate.now().toString());
    minutes.put("place", "Nhà văn hóa khu dân cư số 1");
    minutes.put("officialMembers", "5");
    minutes.put("exemptedMembers", "0");
    minutes.put("present", "5");
    minutes.put("absentNames", "");
    for (int n = 1; n <= 5; n++) {
      String task = taskOf("secretary1", "branch-review", "member" + n, year);
      Map<String, String> votes =
          switch (proposed366(n)) {
            case EXCELLENT ->
                n == 2 ? Map.of(EXCELLENT, "3", GOOD, "2") : Map.of(EXCELLENT, "4", GOOD, "1");
            case GOOD -> Map.of(GOOD, "4", COMPLETED, "1");
            default -> Map.of(COMPLETED, "3", GOOD, "2");
          };
      meetingEntry(
          minutes,
          task,
          proposed366(n),
          votes,
          "Ý kiến phê bình của chi bộ đối với đồng chí số " + n + ".");
    }
    var refusedMeeting =
        secretary1.post(meeting, meetingForm(minutes, secretary1.csrf(meetingPage)));
    assertThat(refusedMeeting.statusCode()).isEqualTo(400);
    assertThat(refusedMeeting.body()).contains("chỉ được 3/5 phiếu tán thành");
    assertThat(
            evaluation("secretary1", year, "member1").at("/branchReview/level").isMissingNode()
                || evaluation("secretary1", year, "member1").at("/branchReview/level").isNull())
        .isTrue();
    String task2 = taskOf("secretary1", "branch-review", "member2", year);
    meetingEntry(
        minutes,
        task2,
        EXCELLENT,
        Map.of(EXCELLENT, "4", GOOD, "1"),
        "Nhiều sáng kiến được công nhận.");
    var recorded = secretary1.post(meeting, meetingForm(minutes, secretary1.csrf(meetingPage)));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
    // cb2 and cb3 through the API; member13's cap binds the branch
    for (int n = 6; n <= 15; n++) {
      String member = "member" + n;
      String task = taskOf(secretaryOf(n), "branch-review", member, year);
      if (n == 13) {
        assertRefused(
            complete(secretaryOf(n), task, branchProposes(GOOD)),
            "branchProposedLevel",
            "above-cap");
      }
      completeOk(secretaryOf(n), task, branchProposes(proposed366(n)));
    }

    // 4. the committee decides: approves, and lifts member5 to GOOD with a reason. The two heads
    // are reviewed by
    // their branches like everyone, but their decision waits for the rating of the unit they head
    for (int n = 1; n <= 15; n++) {
      String member = "member" + n;
      if (n == 7 || n == 11) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    "WAITING_UNIT_RATING"
                        .equals(evaluation("committee", year, member).get("status").asText()));
        continue;
      }
      String task = taskOf("committee", "committee-decision", member, year);
      if (n == 5) {
        assertRefused(
            complete("committee", task, Map.of("decision", "APPROVE", "decidedLevel", GOOD)),
            "decisionComment",
            "adjustment-reason-required");
        completeOk(
            "committee",
            task,
            approvesWithComment(GOOD, "Chi bộ chưa tính kết quả vượt chỉ tiêu quý IV."));
      } else {
        completeOk(
            "committee",
            task,
            Map.of(
                "decision",
                "APPROVE",
                "decidedLevel",
                proposed366(n),
                "quotaReason",
                "Thành tích nổi bật được chi bộ ghi nhận"));
      }
    }
    assertThat(openTasks(year, "member7", "member11")).as("no decision for the heads yet").isZero();

    // 5. collective ratings, everyone but the heads decided: cb3 has 2 of 5 members not completed
    // (40 % > 20 %),
    // capped at COMPLETED
    for (int b = 1; b <= 3; b++) {
      String branch = BRANCHES.get(b - 1);
      String level = b == 3 ? COMPLETED : GOOD;
      completeOk(
          "secretary" + b,
          collectiveTaskOf("secretary" + b, "collective-self-review", branch, year),
          collectiveSelfReview(level));
      String decision = collectiveTaskOf("committee", "collective-decision", branch, year);
      if (b == 3) {
        assertRefused(
            complete("committee", decision, approvesWithComment(GOOD, "Nâng mức.")),
            "decidedLevel",
            "above-cap");
      }
      completeOk("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", level));
    }
    // cb3's secretary now: not above cb3's COMPLETED; the organization waits for him
    String member11Decision = taskOf("committee", "committee-decision", "member11", year);
    assertThat(evaluation("committee", year, "member11").at("/levelCap/ruleId").asText())
        .isEqualTo("member-caps-QD-366-2025-head-unit-completed");
    assertThat(
            jdbc.sql("select count(*) from public.act_ru_execution where business_key_ = :k")
                .param("k", year + ":collective:" + ORG)
                .query(Integer.class)
                .single())
        .as("the organization is rated after its branches' heads")
        .isZero();
    assertRefused(
        complete(
            "committee", member11Decision, Map.of("decision", "APPROVE", "decidedLevel", GOOD)),
        "decidedLevel",
        "above-cap");
    completeOk(
        "committee",
        member11Decision,
        approvesWithComment(
            COMPLETED,
            "Chi bộ Khu dân cư số 3 hoàn thành nhiệm vụ; bí thư không xếp cao hơn chi bộ."));
    // then the organization, and after it its secretary
    completeOk(
        "committee",
        collectiveTaskOf("committee", "collective-self-review", ORG, year),
        collectiveSelfReview(GOOD));
    completeOk(
        "district",
        collectiveTaskOf("district", "collective-decision", ORG, year),
        Map.of("decision", "APPROVE", "decidedLevel", GOOD));
    completeOk(
        "committee",
        taskOf("committee", "committee-decision", "member7", year),
        Map.of("decision", "APPROVE", "decidedLevel", GOOD));

    // 6. finalization, everyone decided: 3 EXCELLENT for 9 GOOD, at most ⌊0.2 × 9⌋ = 1; refused
    // with the figures
    String finalize = finalizeResultsTask(year);
    ResponseEntity<String> overQuota = complete("committee", finalize, Map.of());
    assertRefused(overQuota, "excellentCount", "over-quota");
    assertThat(overQuota.getBody())
        .contains("3 đảng viên hoàn thành xuất sắc nhiệm vụ, 9 hoàn thành tốt nhiệm vụ")
        .contains("tối đa 1");
    ResponseEntity<String> adjusted =
        as("committee")
            .post()
            .uri("/api/v1/evaluations/{y}/{m}/adjustments", year, "member6")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "level",
                    GOOD,
                    "reason",
                    "Vượt tỷ lệ 20%: đảng ủy xếp hoàn thành tốt nhiệm vụ."))
            .retrieve()
            .toEntity(String.class);
    assertThat(adjusted.getStatusCode().value()).as(adjusted.getBody()).isEqualTo(201);
    finalizeResults(year); // 2 EXCELLENT for 10 GOOD: within

    // 7. the announcement, one event per member; member6 complains; the committee above
    // re-appraises
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> outboxEvents("vn.party.evaluation.result.announced", year).size() == 15);
    ResponseEntity<String> complaint =
        as("member6")
            .post()
            .uri("/api/v1/evaluations/{y}/{m}/complaints", year, "member6")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "grounds", "Tôi đạt 92 điểm và đủ các điều kiện hoàn thành xuất sắc nhiệm vụ."))
            .retrieve()
            .toEntity(String.class);
    assertThat(complaint.getStatusCode().value()).as(complaint.getBody()).isEqualTo(201);
    completeOk(
        "district",
        taskOf("district", "reappraisal-decision", "member6", year),
        Map.of(
            "reappraisedLevel",
            GOOD,
            "reappraisalComment",
            "Giữ mức đảng ủy đã điều chỉnh theo tỷ lệ 20%."));
    closeComplaintWindow(year);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> COMPLETED.equals(campaignStatus(campaignId)));

    // the records
    JsonNode member6 = evaluation("auditor", year, "member6");
    assertThat(member6.at("/selfReview/level").asText()).isEqualTo(EXCELLENT);
    assertThat(member6.at("/branchReview/level").asText()).isEqualTo(EXCELLENT);
    assertThat(member6.at("/decision/level").asText()).isEqualTo(GOOD); // adjusted while finalizing
    assertThat(member6.at("/reappraisal/level").asText()).isEqualTo(GOOD);
    assertThat(member6.at("/reappraisal/by").asText()).isEqualTo("district");
    assertThat(adjustments(year, "member6"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("fromLevel").asText()).isEqualTo(EXCELLENT);
              assertThat(a.get("toLevel").asText()).isEqualTo(GOOD);
              assertThat(a.get("reason").asText()).startsWith("Vượt tỷ lệ 20%");
            });
    JsonNode member5 = evaluation("auditor", year, "member5");
    assertThat(member5.at("/branchReview/level").asText()).isEqualTo(COMPLETED);
    assertThat(member5.at("/branchReview/comment").asText())
        .isEqualTo("Ý kiến phê bình của chi bộ đối với đồng chí số 5.");
    assertThat(member5.at("/decision/level").asText()).isEqualTo(GOOD);
    JsonNode member13 = evaluation("auditor", year, "member13");
    assertThat(member13.at("/decision/level").asText()).isEqualTo(NOT_COMPLETED);
    assertThat(member13.at("/levelCap/ruleId").asText()).startsWith("member-caps-QD-366-2025");
    assertThat(evaluation("auditor", year, "member14").at("/decision/level").asText())
        .isEqualTo(NOT_COMPLETED);
    assertThat(evaluation("auditor", year, "member15").at("/residenceFeedback/status").asText())
        .isEqualTo("MISSING");
    JsonNode cb3 = collective("auditor", year, ORG + "-cb3");
    assertThat(cb3.at("/decision/level").asText()).isEqualTo(COMPLETED);
    assertThat(cb3.at("/levelCap/level").asText()).isEqualTo(COMPLETED);
    assertThat(collective("auditor", year, ORG).at("/decision/by").asText()).isEqualTo("district");
    JsonNode member11 = evaluation("auditor", year, "member11");
    assertThat(member11.at("/branchReview/level").asText()).isEqualTo(GOOD);
    assertThat(member11.at("/decision/level").asText()).isEqualTo(COMPLETED);

    // the timelines
    assertThat(timelineKinds(year, "member6"))
        .containsSubsequence(
            "EVALUATION_STARTED",
            "SELF_REVIEW_KEPT",
            "EVENT_RECEIVED",
            "DECIDED",
            "LEVEL_ADJUSTED",
            "RESULT_ANNOUNCED",
            "COMPLAINT_RECEIVED",
            "REAPPRAISED");
    assertThat(timelineKinds(year, "member2"))
        .containsSubsequence("SELF_REVIEW_KEPT", "BRANCH_MEETING", "DECIDED", "RESULT_ANNOUNCED");
    assertThat(timelineKinds(year, "member13"))
        .containsSubsequence(
            "EVALUATION_STARTED",
            "LEVEL_CAP_APPLIED",
            "SELF_REVIEW_KEPT",
            "ABOVE_CAP_REFUSED",
            "DECIDED",
            "RESULT_ANNOUNCED");
    assertThat(timelineKinds(year, "member15"))
        .containsSubsequence(
            "SELF_REVIEW_KEPT", "RESIDENCE_FEEDBACK_MISSING", "DECIDED", "RESULT_ANNOUNCED");
    assertThat(timelineKinds(year, "member11"))
        .containsSubsequence(
            "SELF_REVIEW_KEPT",
            "HEADED_UNIT_RATED",
            "LEVEL_CAP_APPLIED",
            "ABOVE_CAP_REFUSED",
            "DECIDED",
            "LEVEL_ADJUSTED",
            "RESULT_ANNOUNCED");
    assertThat(timelineKinds(year, "member7")).containsSubsequence("HEADED_UNIT_RATED", "DECIDED");

    // the organization's report: members per level, the quota, the branches per level, the
    // organization's level
    String report = PageSession.of(port, "auditor").get("/app/reports/" + ORG + "/" + year).body();
    String members =
        report.substring(report.indexOf("id=\"total\""), report.indexOf("id=\"chart\""));
    assertThat(members)
        .contains(
            "data-level=\"EXCELLENT\">2<",
            "data-level=\"GOOD\">10<",
            "data-level=\"COMPLETED\">1<",
            "data-level=\"NOT_COMPLETED\">2<");
    assertThat(report)
        .contains(
            "Hoàn thành xuất sắc nhiệm vụ: 2, tối đa được phép 2 (theo tỷ lệ trên 10 đảng viên");
    String collectives = report.substring(report.indexOf("id=\"collective-counts\""));
    assertThat(collectives).contains("data-level=\"GOOD\">2<", "data-level=\"COMPLETED\">1<");
    assertThat(collectives.substring(collectives.indexOf("id=\"organization-level\"")))
        .contains("Hoàn thành tốt nhiệm vụ");

    // the events: one announcement per member, the campaign completed
    List<JsonNode> announced = outboxEvents("vn.party.evaluation.result.announced", year);
    assertThat(announced)
        .extracting(e -> e.at("/data/memberId").asText())
        .hasSize(15)
        .doesNotHaveDuplicates();
    assertThat(announced)
        .filteredOn(e -> e.at("/data/memberId").asText().equals("member6"))
        .singleElement()
        .satisfies(e -> assertThat(e.at("/data/decidedLevel").asText()).isEqualTo(GOOD));
    // on Kafka: the campaign completed, keyed by the organization, with the final counts (after the
    // adjustment)
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        readAll("evaluation.events", Duration.ofSeconds(2)).stream()
                            .filter(
                                r ->
                                    cloudEvent(r)
                                            .get("type")
                                            .asText()
                                            .equals("vn.party.evaluation.campaign.completed")
                                        && cloudEvent(r).at("/data/year").asInt() == year)
                            .toList())
                    .singleElement()
                    .satisfies(
                        r -> {
                          assertThat(r.key()).isEqualTo(ORG);
                          JsonNode counts = cloudEvent(r).at("/data/countsByLevel");
                          assertThat(counts.get(EXCELLENT).asInt()).isEqualTo(2);
                          assertThat(counts.get(GOOD).asInt()).isEqualTo(10);
                          assertThat(counts.get(COMPLETED).asInt()).isEqualTo(1);
                          assertThat(counts.get(NOT_COMPLETED).asInt()).isEqualTo(2);
                        }));
  }

  @Test
  void under124TheLevelFollowsTheCriteriaGradesAndTheCampaignCompletes() {
    final int year = YEAR_124;
    String campaignId = launchedCampaign(year, "QD-124-2023");

    // member1: one criterion "Kém" → NOT_COMPLETED, whatever the rest; proposing GOOD is refused
    String weak = taskOf("member1", "self-review", "member1", year);
    Map<String, Object> oneWeak = form02a(GOOD, null, GOOD, null, 0, GOOD);
    oneWeak.put("workStyleGrade", "WEAK");
    assertRefused(complete("member1", weak, oneWeak), "selfProposedLevel", "above-own-assessment");
    oneWeak.put("selfProposedLevel", NOT_COMPLETED);
    completeOk("member1", weak, oneWeak);
    // member6: tasks "Xuất sắc", the rest "Tốt" → EXCELLENT possible
    completeOk(
        "member6",
        taskOf("member6", "self-review", "member6", year),
        form02a(GOOD, null, EXCELLENT, null, 0, EXCELLENT));
    // member11: tasks only "Tốt" → EXCELLENT refused
    String good = taskOf("member11", "self-review", "member11", year);
    assertRefused(
        complete("member11", good, form02a(EXCELLENT, null, GOOD, null, 0, EXCELLENT)),
        "selfProposedLevel",
        "above-own-assessment");
    completeOk("member11", good, form02a(EXCELLENT, null, GOOD, null, 0, GOOD));
    assertThat(selfReview(year, "member1").get("derivedLevel").asText()).isEqualTo(NOT_COMPLETED);
    assertThat(selfReview(year, "member1").get("derivedLevelRule").asText())
        .startsWith("member-level-QD-124-2023");
    assertThat(selfReview(year, "member1").path("totalPoints").isNumber())
        .as("no score before 366")
        .isFalse();
    assertThat(selfReview(year, "member6").get("derivedLevel").asText()).isEqualTo(EXCELLENT);
    assertThat(selfReview(year, "member11").get("derivedLevel").asText()).isEqualTo(GOOD);

    for (int n : new int[] {1, 6, 11}) {
      String level = n == 1 ? NOT_COMPLETED : n == 6 ? EXCELLENT : GOOD;
      sendResidenceFeedback("member" + n, year, "Tốt.");
      completeOk(
          secretaryOf(n),
          taskOf(secretaryOf(n), "branch-review", "member" + n, year),
          branchProposes(level));
      completeOk(
          "committee",
          taskOf("committee", "committee-decision", "member" + n, year),
          Map.of(
              "decision",
              "APPROVE",
              "decidedLevel",
              level,
              "quotaReason",
              "Thành tích nổi bật được chi bộ ghi nhận"));
    }
    for (int n = 1; n <= 15; n++) {
      if (n != 1 && n != 6 && n != 11) {
        decideMember(year, n, GOOD);
      }
    }
    runToTheEnd(year, campaignId);

    assertThat(evaluation("auditor", year, "member1").at("/decision/level").asText())
        .isEqualTo(NOT_COMPLETED);
    assertThat(evaluation("auditor", year, "member6").at("/decision/level").asText())
        .isEqualTo(EXCELLENT);
  }

  @Test
  void under132ACivilServantCompletingUnderHalfOfTheTasksIsCappedAndTheCampaignCompletes() {
    final int year = YEAR_132;
    jdbc.sql("update evaluation.party_member set civil_servant = true where id = 'member9'")
        .update();
    try {
      String campaignId = launchedCampaign(year, "QD-132-2018");
      sendUnitAssessment("member9", year, GOOD, 40.0, "Hoàn thành 40% chỉ tiêu được giao.");
      completeOk("member9", taskOf("member9", "self-review", "member9", year), selfCriticism(GOOD));
      sendResidenceFeedback("member9", year, "Tốt.");
      String branchReview = taskOf("secretary2", "branch-review", "member9", year);
      ResponseEntity<String> refused =
          complete("secretary2", branchReview, branchProposes(COMPLETED));
      assertRefused(refused, "branchProposedLevel", "above-cap");
      assertThat(refused.getBody())
          .contains("Chỉ hoàn thành dưới 50% chỉ tiêu, nhiệm vụ")
          .doesNotContain("member-caps-");
      completeOk("secretary2", branchReview, branchProposes(NOT_COMPLETED));
      completeOk(
          "committee",
          taskOf("committee", "committee-decision", "member9", year),
          Map.of("decision", "APPROVE", "decidedLevel", NOT_COMPLETED));
      for (int n = 1; n <= 15; n++) {
        if (n != 9) {
          decideMember(year, n, n == 1 ? EXCELLENT : GOOD);
        }
      }
      runToTheEnd(year, campaignId);

      JsonNode member9 = evaluation("auditor", year, "member9");
      assertThat(member9.at("/unitAssessment/status").asText()).isEqualTo("RECEIVED");
      assertThat(member9.at("/levelCap/ruleId").asText())
          .isEqualTo("member-caps-QD-132-2018-tasks-under-50");
      assertThat(member9.at("/decision/level").asText()).isEqualTo(NOT_COMPLETED);
    } finally {
      jdbc.sql("update evaluation.party_member set civil_servant = false where id = 'member9'")
          .update();
    }
  }

  // --- helpers
  // -------------------------------------------------------------------------------------------------

  /** Open tasks of the members' evaluations in the year. */
  private int openTasks(int year, String... members) {
    return jdbc.sql(
            """
            select count(*) from public.act_ru_task t join public.act_ru_execution e on e.id_ = t.proc_inst_id_
            where e.business_key_ in (:keys)""")
        .param("keys", java.util.Arrays.stream(members).map(m -> year + ":" + m).toList())
        .query(Integer.class)
        .single();
  }

  /** The branch's proposal under 366: the derived levels, member13 at its cap, member5 proposed lower. */
  private static String proposed366(int n) {
    return switch (n) {
      case 1, 2, 6 -> EXCELLENT;
      case 13, 14 -> NOT_COMPLETED;
      case 5 -> COMPLETED;
      default -> GOOD;
    };
  }

  /** Collective ratings, finalization (within the quota), announcement, the window closed: COMPLETED. */
  private void runToTheEnd(int year, String campaignId) {
    rateCollectives(year, GOOD);
    finalizeResults(year);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> outboxEvents("vn.party.evaluation.result.announced", year).size() == 15);
    closeComplaintWindow(year);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> COMPLETED.equals(campaignStatus(campaignId)));
  }

  /** The member's residence-comment deadline passes: its timer job runs now, as the job executor would then. */
  private void residenceDeadlinePasses(int year, String memberId) {
    Job[] timer = new Job[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var instance =
                  runtimeService
                      .createProcessInstanceQuery()
                      .processInstanceBusinessKey(year + ":" + memberId)
                      .singleResult();
              timer[0] =
                  instance == null
                      ? null
                      : managementService
                          .createJobQuery()
                          .timers()
                          .activityId("residence-feedback-deadline")
                          .processInstanceId(instance.getId())
                          .singleResult();
              assertThat(timer[0]).as("%s waits for the residence comment", memberId).isNotNull();
            });
    managementService.executeJob(timer[0].getId());
  }

  private JsonNode selfReview(String memberId) {
    return selfReview(YEAR_366, memberId);
  }

  private JsonNode selfReview(int year, String memberId) {
    return json(
        as("auditor")
            .get()
            .uri("/api/v1/evaluations/{y}/{m}/self-review", year, memberId)
            .retrieve()
            .body(String.class));
  }

  private List<JsonNode> adjustments(int year, String memberId) {
    return StreamSupport.stream(
            json(as("auditor")
                    .get()
                    .uri("/api/v1/evaluations/{y}/{m}/adjustments", year, memberId)
                    .retrieve()
                    .body(String.class))
                .spliterator(),
            false)
        .toList();
  }

  private String campaignStatus(String campaignId) {
    return json(as("auditor")
            .get()
            .uri("/api/v1/campaigns/" + campaignId)
            .retrieve()
            .body(String.class))
        .get("status")
        .asText();
  }

  private static void assertRefused(ResponseEntity<String> response, String field, String reason) {
    Refusals.assertFieldRefused(response, field, reason);
  }
}
