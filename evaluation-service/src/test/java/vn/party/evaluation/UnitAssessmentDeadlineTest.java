package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.pages.PageSession;

/**
 * The unit leadership's assessment (issue 3): waited for with its own deadline (unitAssessmentDue) after the
 * residence comment, for members holding a civil-service post only; missing at the deadline it is recorded as
 * missing (record, timeline, the branch's form); its tasksCompletedPercent feeds the 132-QĐ/TW cap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitAssessmentDeadlineTest extends EvaluationFlowSupport {

  /** Campaign under 132-QĐ/TW with a far deadline: the assessment arrives while the evaluation waits. */
  private static final int WAITED = 2043;

  /** Campaign whose deadlines have passed by the time the evaluations wait. */
  private static final int MISSED = 2044;

  /** Campaign opened without a unit-assessment deadline. */
  private static final int DEFAULTED = 2045;

  /** Civil servants of branch cb2 (secretary2); the flag is put back afterwards so other classes never wait. */
  private static final List<String> CIVIL_SERVANTS = List.of("member9", "member10");

  @Autowired private RuntimeService runtimeService;

  @BeforeAll
  void civilServants() {
    civilServant(true);
  }

  @AfterAll
  void noMoreCivilServants() {
    civilServant(false);
  }

  @Test
  void anAssessmentArrivingWhileWaitingLetsTheBranchGoOnAndItsTaskShareCapsUnder132() {
    OffsetDateTime now = OffsetDateTime.now();
    String id =
        launched(
            campaign(WAITED, "QD-132-2018", now.plusDays(10), now.plusDays(20), now.plusDays(25)));
    assertThat(deadlines(id).get("unitAssessmentDue").asText()).isNotEmpty();

    sendResidenceFeedback("member9", WAITED, "Tốt.");
    completeOk(
        "member9", taskOf("member9", "self-review", "member9", WAITED), selfCriticism("GOOD"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(WAITED + ":member9")
                        .activityIdIn("unit-assessment-wait")
                        .count()
                    == 1);
    assertThat(evaluation("secretary2", WAITED, "member9").at("/unitAssessment/status").asText())
        .isEqualTo("PENDING");

    sendUnitAssessment("member9", WAITED, "GOOD", 40.0, "Hoàn thành 40% chỉ tiêu.");
    String branchReview = taskOf("secretary2", "branch-review", "member9", WAITED);
    JsonNode unit = evaluation("secretary2", WAITED, "member9").get("unitAssessment");
    assertThat(unit.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(unit.get("comment").asText()).isEqualTo("Hoàn thành 40% chỉ tiêu.");
    assertThat(unit.get("by").asText()).isEqualTo("Thủ trưởng đơn vị");

    // under 50 % of tasks: 132-QĐ/TW caps at NOT_COMPLETED (stricter than the civil-service level
    // GOOD)
    ResponseEntity<String> refused =
        complete("secretary2", branchReview, branchProposes("COMPLETED"));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody())
        .contains("above-cap")
        .contains("Chỉ hoàn thành dưới 50% chỉ tiêu, nhiệm vụ")
        .doesNotContain("member-caps-");
    completeOk("secretary2", branchReview, branchProposes("NOT_COMPLETED"));
    assertThat(timelineKinds(WAITED, "member9")).doesNotContain("UNIT_ASSESSMENT_MISSING");
  }

  @Test
  void aMissingAssessmentIsRecordedAtItsDeadlineAndShownToTheBranch() throws Exception {
    OffsetDateTime now = OffsetDateTime.now();
    String id =
        launched(
            campaign(
                MISSED, "QD-366-2025", now.plusSeconds(1), now.plusSeconds(2), now.plusSeconds(3)));
    assertThat(deadlines(id).get("unitAssessmentDue").asText()).isNotEmpty();

    completeOk(
        "member10", taskOf("member10", "self-review", "member10", MISSED), selfCriticism("GOOD"));
    completeOk(
        "member1", taskOf("member1", "self-review", "member1", MISSED), selfCriticism("GOOD"));
    String branchReview = taskOf("secretary2", "branch-review", "member10", MISSED);
    taskOf("secretary1", "branch-review", "member1", MISSED);

    JsonNode civilServant = evaluation("secretary2", MISSED, "member10");
    assertThat(civilServant.at("/unitAssessment/status").asText()).isEqualTo("MISSING");
    assertThat(civilServant.at("/residenceFeedback/status").asText()).isEqualTo("MISSING");
    assertThat(timelineKinds(MISSED, "member10"))
        .contains("RESIDENCE_FEEDBACK_MISSING", "UNIT_ASSESSMENT_MISSING");
    // the deadline each entry names is the campaign's (read from it since issue 15, no longer a
    // process variable)
    JsonNode due = deadlines(id);
    assertThat(missedDeadline(MISSED, "member10", "RESIDENCE_FEEDBACK_MISSING"))
        .isEqualTo(
            OffsetDateTime.parse(due.get("residenceFeedbackDue").asText())
                .toInstant()
                .truncatedTo(ChronoUnit.MILLIS));
    assertThat(missedDeadline(MISSED, "member10", "UNIT_ASSESSMENT_MISSING"))
        .isEqualTo(
            OffsetDateTime.parse(due.get("unitAssessmentDue").asText())
                .toInstant()
                .truncatedTo(ChronoUnit.MILLIS));
    // a member without a civil-service post is not waited for, and nothing is missing
    assertThat(evaluation("secretary1", MISSED, "member1").at("/unitAssessment/status").asText())
        .isEqualTo("NOT_EXPECTED");
    assertThat(timelineKinds(MISSED, "member1")).doesNotContain("UNIT_ASSESSMENT_MISSING");

    // the branch sees it on its form, in both languages of the pages, and on the member's record
    PageSession secretary = PageSession.of(port, "secretary2");
    String page = secretary.get("/app/tasks/" + branchReview).body();
    assertThat(page).contains("id=\"unit-assessment-status\">Không nhận được đúng hạn<");
    String record = secretary.get("/app/evaluations/" + MISSED + "/member10").body();
    assertThat(record)
        .contains("Nhận xét của lãnh đạo đơn vị")
        .contains("Thiếu nhận xét của lãnh đạo đơn vị");
    // the Tasklist form shows it too
    JsonNode variables =
        json(
            as("secretary2")
                .get()
                .uri("/engine-rest/task/{id}/form-variables", branchReview)
                .retrieve()
                .body(String.class));
    assertThat(variables.at("/unitAssessmentStatus/value").asText()).isEqualTo("MISSING");
  }

  @Test
  void withoutADateOfItsOwnTheAssessmentIsDueWithTheResidenceCommentAndNeverOutOfOrder() {
    OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    CampaignOpening.Request body =
        campaign(DEFAULTED, "QD-366-2025", now.plusDays(10), now.plusDays(20), null);
    body.due("unitAssessmentDue", now.plusDays(5));
    ResponseEntity<String> early = post(body);
    assertThat(early.getStatusCode().value()).as(early.getBody()).isEqualTo(400);
    assertThat(early.getBody()).contains("unitAssessmentDue").contains("out-of-order");
    body.due("unitAssessmentDue", now.plusDays(45));
    assertThat(post(body).getBody()).contains("unitAssessmentDue").contains("out-of-order");

    body.without("unitAssessmentDue");
    ResponseEntity<String> created = post(body);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode deadlines = json(created.getBody()).get("deadlines");
    assertThat(OffsetDateTime.parse(deadlines.get("unitAssessmentDue").asText()).toInstant())
        .isEqualTo(
            OffsetDateTime.parse(deadlines.get("residenceFeedbackDue").asText()).toInstant());
  }

  private void civilServant(boolean flag) {
    jdbc.sql("update evaluation.party_member set civil_servant = :flag where id in (:ids)")
        .param("flag", flag)
        .param("ids", CIVIL_SERVANTS)
        .update();
  }

  private static CampaignOpening.Request campaign(
      int year,
      String regulation,
      OffsetDateTime selfReviewDue,
      OffsetDateTime residenceFeedbackDue,
      OffsetDateTime unitAssessmentDue) {
    OffsetDateTime now = OffsetDateTime.now();
    CampaignOpening.Request body =
        CampaignOpening.request(ORG, year, regulation)
            .dues(
                new CampaignOpening.Dues(
                    selfReviewDue, residenceFeedbackDue, now.plusDays(40), now.plusDays(50)));
    if (unitAssessmentDue != null) {
      body.due("unitAssessmentDue", unitAssessmentDue);
    }
    return body;
  }

  private ResponseEntity<String> post(CampaignOpening.Request body) {
    return body.post(as("committee"));
  }

  private String launched(CampaignOpening.Request body) {
    ResponseEntity<String> created = post(body);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String id = json(created.getBody()).get("id").asText();
    CampaignOpening.awaitStarted(as("committee"), id, 15, Duration.ofSeconds(60));
    return id;
  }

  /** The deadline a missed-deadline timeline entry names. */
  private Instant missedDeadline(int year, String memberId, String kind) {
    return Instant.parse(
        jdbc.sql(
                """
            select details ->> 'deadline' from evaluation.timeline_entry
            where year = :y and member_id = :m and kind = :k""")
            .param("y", year)
            .param("m", memberId)
            .param("k", kind)
            .query(String.class)
            .single());
  }

  private JsonNode deadlines(String id) {
    return json(as("committee").get().uri("/api/v1/campaigns/" + id).retrieve().body(String.class))
        .get("deadlines");
  }
}
