package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** One member's evaluation through every step, with the refusals a careless or curious user meets on the way. */
class MemberEvaluationFlowTest extends EvaluationFlowSupport {

  private static final int YEAR = 2025;

  @Autowired private TaskService taskService;
  @Autowired private HistoryService historyService;

  @Test
  void memberGoesThroughSelfReviewBranchReviewReturnAndDecision() {
    launchedCampaign(YEAR);

    // the residence-area comment arrives before the member has even submitted: it must not be lost
    sendResidenceFeedback("member1", YEAR, "Gương mẫu, tích cực tham gia sinh hoạt khu dân cư.");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.residence_feedback where year = :y and member_id = 'member1'")
                        .param("y", YEAR)
                        .query(Integer.class)
                        .single()
                    == 1);
    // and the unit leadership's assessment too; both arrived an hour before the process takes them
    // up: the record says when they arrived, not when they were used (outsider of session 13,
    // MEDIUM 4: the self-review's submission time)
    sendUnitAssessment("member1", YEAR, "EXCELLENT", null, "Hoàn thành xuất sắc nhiệm vụ.");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.unit_assessment where year = :y and member_id = 'member1'")
                        .param("y", YEAR)
                        .query(Integer.class)
                        .single()
                    == 1);
    for (String table : List.of("residence_feedback", "unit_assessment")) {
      jdbc.sql(
              "update evaluation."
                  + table
                  + " set received_at = received_at - interval '1 hour'"
                  + " where year = :y and member_id = 'member1'")
          .param("y", YEAR)
          .update();
    }
    OffsetDateTime commentArrived =
        jdbc.sql(
                "select received_at from evaluation.residence_feedback where year = :y and member_id = 'member1'")
            .param("y", YEAR)
            .query(OffsetDateTime.class)
            .single();
    OffsetDateTime assessmentArrived =
        jdbc.sql(
                "select received_at from evaluation.unit_assessment where year = :y and member_id = 'member1'")
            .param("y", YEAR)
            .query(OffsetDateTime.class)
            .single();

    String selfReview = taskOf("member1", "self-review", "member1", YEAR);

    // refusals name the field, and the task stays open
    assertRefused(complete("member1", selfReview, Map.of()), "selfProposedLevel", "required");
    assertRefused(
        complete("member1", selfReview, selfCriticism("SUPER")),
        "selfProposedLevel",
        "invalid-level");
    assertRefused(
        complete("member1", selfReview, selfCriticism("GOOD", "memberUserId", "member2")),
        "memberUserId",
        "unknown-field");
    assertThat(complete("member2", selfReview, selfCriticism("GOOD")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(complete("auditor", selfReview, selfCriticism("GOOD")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(taskOf("member1", "self-review", "member1", YEAR)).isEqualTo(selfReview);
    // the same rules through the engine's own REST API (as Tasklist submits forms)
    ResponseEntity<String> viaEngine =
        as("member1")
            .post()
            .uri("/engine-rest/task/{id}/complete", selfReview)
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "variables",
                    Map.of("selfProposedLevel", Map.of("value", "SUPER", "type", "String"))))
            .retrieve()
            .toEntity(String.class);
    assertThat(viaEngine.getStatusCode().value()).as(viaEngine.getBody()).isEqualTo(400);
    assertThat(viaEngine.getBody()).contains("selfProposedLevel");
    assertThat(
            as("auditor")
                .post()
                .uri("/engine-rest/task/{id}/complete", selfReview)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of()))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(403);

    completeOk(
        "member1",
        selfReview,
        selfCriticism(
            "GOOD",
            "strengths",
            "Hoàn thành tốt nhiệm vụ chuyên môn.",
            "limitations",
            "Đôi khi chậm báo cáo.",
            "remedialMeasures",
            "Lập kế hoạch công việc hằng tuần."));

    // the early comment was found: no waiting, straight to the branch
    String branchReview = taskOf("secretary1", "branch-review", "member1", YEAR);
    JsonNode taken = evaluation("member1", YEAR, "member1");
    assertThat(taken.at("/residenceFeedback/status").asText()).isEqualTo("RECEIVED");
    assertThat(OffsetDateTime.parse(taken.at("/residenceFeedback/at").asText()).toInstant())
        .isEqualTo(commentArrived.toInstant());
    assertThat(OffsetDateTime.parse(taken.at("/unitAssessment/at").asText()).toInstant())
        .isEqualTo(assessmentArrived.toInstant());
    assertThat(complete("secretary2", branchReview, branchProposes("GOOD")).getStatusCode().value())
        .isEqualTo(403);
    completeOk("secretary1", branchReview, branchProposes("GOOD", "branchComment", "Nhất trí."));

    String decision = taskOf("committee", "committee-decision", "member1", YEAR);
    assertRefused(
        complete("committee", decision, Map.of("decision", "RETURN")),
        "decisionComment",
        "required");
    assertRefused(
        complete("committee", decision, Map.of("decision", "APPROVE")), "decidedLevel", "required");
    assertRefused(
        complete("committee", decision, Map.of("decision", "MAYBE")),
        "decision",
        "invalid-decision");
    completeOk(
        "committee",
        decision,
        Map.of(
            "decision",
            "RETURN",
            "decisionComment",
            "Đề nghị chi bộ làm rõ kết quả thực hiện nhiệm vụ."));

    String secondBranchReview = taskOf("secretary1", "branch-review", "member1", YEAR);
    assertThat(secondBranchReview).isNotEqualTo(branchReview);
    completeOk(
        "secretary1",
        secondBranchReview,
        branchProposes("EXCELLENT", "branchComment", "Đã làm rõ: vượt chỉ tiêu 35%."));
    completeOk(
        "committee",
        taskOf("committee", "committee-decision", "member1", YEAR),
        approves("EXCELLENT"));

    JsonNode result = evaluation("member1", YEAR, "member1");
    assertThat(result.get("status").asText()).isEqualTo("DECIDED");
    assertThat(result.at("/selfReview/level").asText()).isEqualTo("GOOD");
    assertThat(result.at("/selfReview/by").asText()).isEqualTo("member1");
    assertThat(result.at("/branchReview/level").asText()).isEqualTo("EXCELLENT");
    assertThat(result.at("/branchReview/by").asText()).isEqualTo("secretary1");
    assertThat(result.at("/decision/level").asText()).isEqualTo("EXCELLENT");
    assertThat(result.at("/decision/by").asText()).isEqualTo("committee");
    assertThat(result.at("/decision/at").isMissingNode()).isFalse();
    assertThat(result.at("/decision/comment").isMissingNode())
        .as("the earlier return reason is not the approval's")
        .isTrue();

    // a member of another branch may not read it; an auditor may
    assertThat(
            as("member2")
                .get()
                .uri("/api/v1/evaluations/{y}/member1", YEAR)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(403);
    JsonNode history =
        json(
            as("auditor")
                .get()
                .uri("/api/v1/evaluations/{y}/member1/history", YEAR)
                .retrieve()
                .body(String.class));
    List<String> steps =
        StreamSupport.stream(history.spliterator(), false)
            .map(
                e ->
                    e.get("kind").asText()
                        + (e.hasNonNull("taskKey") ? ":" + e.get("taskKey").asText() : ""))
            .toList();
    assertThat(steps)
        .containsSubsequence(
            "EVALUATION_STARTED",
            "TASK_CREATED:self-review",
            "EVENT_RECEIVED",
            "TASK_COMPLETED:self-review",
            "TASK_CREATED:branch-review",
            "TASK_COMPLETED:branch-review",
            "TASK_CREATED:committee-decision",
            "TASK_COMPLETED:committee-decision",
            "CASE_RETURNED:committee-decision",
            "TASK_CREATED:branch-review",
            "TASK_COMPLETED:branch-review",
            "TASK_COMPLETED:committee-decision",
            "DECIDED");
    JsonNode selfCompleted =
        StreamSupport.stream(history.spliterator(), false)
            .filter(e -> e.get("kind").asText().equals("TASK_COMPLETED"))
            .findFirst()
            .orElseThrow();
    assertThat(selfCompleted.get("actor").asText()).isEqualTo("member1");
    assertThat(selfCompleted.at("/details/selfProposedLevel").asText()).isEqualTo("GOOD");

    // the member's events, in order, on one partition (key = member id)
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<ConsumerRecord<String, byte[]>> records =
                  readAll("evaluation.events", Duration.ofSeconds(2)).stream()
                      .filter(r -> "member1".equals(r.key()))
                      .filter(r -> cloudEvent(r).at("/data/year").asInt() == YEAR)
                      .toList();
              assertThat(records.stream().map(r -> r.partition()).distinct()).hasSize(1);
              assertThat(records.stream().map(r -> cloudEvent(r).get("type").asText()).toList())
                  .containsSubsequence(
                      "vn.party.evaluation.task.assigned",
                      "vn.party.evaluation.self-review.submitted",
                      "vn.party.evaluation.task.assigned",
                      "vn.party.evaluation.branch-review.completed",
                      "vn.party.evaluation.case.returned",
                      "vn.party.evaluation.branch-review.completed",
                      "vn.party.evaluation.member.decided");
              JsonNode decided =
                  records.stream()
                      .map(IntegrationTestSupport::cloudEvent)
                      .filter(
                          e -> e.get("type").asText().equals("vn.party.evaluation.member.decided"))
                      .findFirst()
                      .orElseThrow();
              assertThat(decided.get("specversion").asText()).isEqualTo("1.0");
              assertThat(decided.at("/data/decidedLevel").asText()).isEqualTo("EXCELLENT");
              assertThat(decided.at("/data/recipients/0/email").asText())
                  .isEqualTo("member1@thanhkhetay.example.vn");
              JsonNode returned =
                  records.stream()
                      .map(IntegrationTestSupport::cloudEvent)
                      .filter(
                          e -> e.get("type").asText().equals("vn.party.evaluation.case.returned"))
                      .findFirst()
                      .orElseThrow();
              assertThat(returned.at("/data/branchId").asText()).isEqualTo("thanh-khe-tay-cb1");
              assertThat(returned.at("/data/recipients/0/userId").asText()).isEqualTo("secretary1");
            });
  }

  @Test
  void aCommentThatArrivesWhileTheProcessWaitsAdvancesIt() {
    int year = 2023;
    String campaign = launchedCampaign(year);
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(year + ":member6")
            .singleResult()
            .getId();
    // issue 15: the instance keeps the member and the unit, not what follows from them or from the
    // campaign
    assertThat(runtimeService.getVariables(instance))
        .containsEntry("memberId", "member6")
        .containsEntry("branchId", "thanh-khe-tay-cb2")
        .doesNotContainKeys(
            "memberUserId",
            "branchCommitteeGroup",
            "organizationCommitteeGroup",
            "selfReviewDue",
            "residenceFeedbackDue",
            "unitAssessmentDue",
            "branchReviewDue",
            "decisionDue");
    // issue 15: what a member's evaluation holds right after its launch (a member with no post,
    // no facts yet, the default section minimums): the start facts and the cap the forms show,
    // nothing that only holds a default (false, null, 20): every variable costs rows at each launch
    String plain =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(year + ":member7")
            .singleResult()
            .getId();
    assertThat(
            runtimeService.createVariableInstanceQuery().processInstanceIdIn(plain).list().stream()
                .map(VariableInstance::getName))
        .containsExactlyInAnyOrder(
            "campaignId",
            "year",
            "memberId",
            "memberName",
            "organizationId",
            "branchId",
            "regulation",
            "levelCap",
            "levelCapReason");
    // and in the engine's history: the start facts once (their ACT_HI_VARINST rows), a detail row
    // only for what a later step may change (the branch: a transfer); the cap created as "no cap"
    // has none until it changes
    assertThat(
            historyService
                .createHistoricDetailQuery()
                .processInstanceId(plain)
                .variableUpdates()
                .list()
                .stream()
                .map(detail -> ((HistoricVariableUpdate) detail).getVariableName()))
        .containsExactlyInAnyOrder("branchId");
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(plain)
                .list()
                .stream()
                .filter(v -> v.getName().equals("memberId") || v.getName().equals("branchId"))
                .map(v -> v.getName() + "=" + v.getValue()))
        .containsExactlyInAnyOrder("memberId=member7", "branchId=thanh-khe-tay-cb2");
    Task selfReview = openTask(instance, "self-review");
    assertThat(selfReview.getAssignee()).isEqualTo("member6");
    assertThat(selfReview.getDueDate().toInstant()).isEqualTo(due(campaign, "self_review_due"));

    completeOk("member6", selfReview.getId(), selfCriticism("COMPLETED"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                evaluation("member6", year, "member6")
                    .get("status")
                    .asText()
                    .equals("WAITING_RESIDENCE_FEEDBACK"));
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .singleResult()
                .getDuedate()
                .toInstant())
        .isEqualTo(due(campaign, "residence_feedback_due"));

    var event = sendResidenceFeedback("member6", year, "Chấp hành tốt quy định nơi cư trú.");
    String branchReview = taskOf("secretary2", "branch-review", "member6", year);
    assertThat(branchReview).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(branchReview))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("branch-committee-thanh-khe-tay-cb2");
    assertThat(openTask(instance, "branch-review").getDueDate().toInstant())
        .isEqualTo(due(campaign, "branch_review_due"));
    assertThat(evaluation("secretary2", year, "member6").at("/residenceFeedback/comment").asText())
        .isEqualTo("Chấp hành tốt quy định nơi cư trú.");

    // the same event delivered again changes nothing
    send(
        "member6",
        io.cloudevents.core.provider.EventFormatProvider.getInstance()
            .resolveFormat(io.cloudevents.jackson.JsonFormat.CONTENT_TYPE)
            .serialize(event));
    sendResidenceFeedback("member7", year, "marker: processed after the duplicate");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.residence_feedback where year = :y and member_id = 'member7'")
                        .param("y", year)
                        .query(Integer.class)
                        .single()
                    == 1);
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.timeline_entry where year = :y and member_id = 'member6' "
                        + "and kind = 'EVENT_RECEIVED'")
                .param("y", year)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  private Task openTask(String instance, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** One of the campaign's deadlines as stored, to the millisecond the engine keeps. */
  private Instant due(String campaignId, String column) {
    return jdbc.sql("select " + column + " from evaluation.campaign where id = :id::uuid")
        .param("id", campaignId)
        .query(OffsetDateTime.class)
        .single()
        .toInstant()
        .truncatedTo(ChronoUnit.MILLIS);
  }

  private static void assertRefused(ResponseEntity<String> response, String field, String reason) {
    Refusals.assertFieldRefused(response, field, reason);
  }
}
