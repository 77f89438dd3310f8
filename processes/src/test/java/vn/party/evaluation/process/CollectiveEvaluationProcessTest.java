package vn.party.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static vn.party.evaluation.process.ProcessKeys.COLLECTIVE_DECIDED;
import static vn.party.evaluation.process.ProcessKeys.COLLECTIVE_DECISION;
import static vn.party.evaluation.process.ProcessKeys.COLLECTIVE_SELF_REVIEW;
import static vn.party.evaluation.process.ProcessKeys.OPEN_COLLECTIVE_EVALUATION;
import static vn.party.evaluation.process.ProcessKeys.RECORD_COLLECTIVE_DECISION;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.party.evaluation.rules.Regulation;

/** collective-evaluation, one test per path through the diagram. */
@Deployment(
    resources = {
      CollectiveEvaluationProcessTest.BPMN,
      CollectiveEvaluationProcessTest.SELF_REVIEW_FORM,
      CollectiveEvaluationProcessTest.DECISION_FORM
    })
class CollectiveEvaluationProcessTest {

  static final String BPMN = "bpmn/collective-evaluation.bpmn";
  static final String SELF_REVIEW_FORM = "forms/collective-self-review-form.form";
  static final String DECISION_FORM = "forms/collective-decision-form.form";

  private static final String BRANCH = "thanh-khe-tay-cb1";

  @RegisterExtension static final ProcessEngineExtension engine = PostgresProcessEngine.extension();

  private final FakeCampaignDelegates delegates = new FakeCampaignDelegates(List.of(), 1);

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    delegates.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void aBranchReviewsItselfThenTheGrassrootsCommitteeRatesItAndTheLevelIsRecorded() {
    ProcessInstance rating = start(CollectiveKind.BRANCH, BRANCH);

    assertThat(rating)
        .hasPassed(OPEN_COLLECTIVE_EVALUATION)
        .isWaitingAtExactly(COLLECTIVE_SELF_REVIEW);
    assertThat(candidateGroup(rating)).isEqualTo(Groups.branchCommittee(BRANCH));
    selfReview(rating, "GOOD");

    assertThat(rating).isWaitingAtExactly(COLLECTIVE_DECISION);
    assertThat(candidateGroup(rating))
        .isEqualTo(Groups.organizationCommittee(MemberFixtures.ORGANIZATION_ID));
    decide(rating, Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    assertThat(delegates.decidedCollectives)
        .as("recorded in the approver's transaction")
        .containsExactly(BRANCH + "=GOOD");
    assertThat(rating).as("ends in a job of its own").isWaitingAt(COLLECTIVE_DECIDED);
    execute(job(rating));

    assertThat(rating)
        .hasPassedInOrder(
            COLLECTIVE_SELF_REVIEW,
            COLLECTIVE_DECISION,
            RECORD_COLLECTIVE_DECISION,
            COLLECTIVE_DECIDED)
        .isEnded();
    assertThat(delegates.decidedCollectives).containsExactly(BRANCH + "=GOOD");
  }

  @Test
  void theOrganizationIsReviewedByItsCommitteeAndRatedByTheCommitteeAbove() {
    ProcessInstance rating = start(CollectiveKind.ORGANIZATION, MemberFixtures.ORGANIZATION_ID);

    assertThat(candidateGroup(rating))
        .isEqualTo(Groups.organizationCommittee(MemberFixtures.ORGANIZATION_ID));
    selfReview(rating, "EXCELLENT");
    assertThat(candidateGroup(rating))
        .isEqualTo(Groups.superiorCommittee(MemberFixtures.ORGANIZATION_ID));
    decide(
        rating,
        Map.of(
            "decision",
            "APPROVE",
            "decidedLevel",
            "GOOD",
            "decisionComment",
            "Chưa đạt tiêu chí xuất sắc"));
    execute(job(rating));

    assertThat(rating).isEnded();
  }

  @Test
  void aReturnedSelfReviewGoesBackToTheCollectiveAndComesBackForRating() {
    ProcessInstance rating = start(CollectiveKind.BRANCH, BRANCH);
    selfReview(rating, "EXCELLENT");
    decide(
        rating, Map.of("decision", "RETURN", "decisionComment", "Bổ sung kết quả từng lĩnh vực"));

    assertThat(rating).isWaitingAtExactly(COLLECTIVE_SELF_REVIEW);
    selfReview(rating, "GOOD");
    decide(rating, Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    execute(job(rating));
    assertThat(rating).isEnded();
  }

  @Test
  void aLevelOtherThanTheSelfProposedOneNeedsAReason() {
    ProcessInstance rating = start(CollectiveKind.BRANCH, BRANCH);
    selfReview(rating, "EXCELLENT");

    assertThatThrownBy(() -> decide(rating, Map.of("decision", "APPROVE", "decidedLevel", "GOOD")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("decisionComment: required");
    assertThat(rating).isWaitingAtExactly(COLLECTIVE_DECISION);
  }

  @Test
  void aLeadershipMemberDisciplinedAtWarningCapsTheCollectiveAtNotCompleted() {
    ProcessInstance rating = start(CollectiveKind.BRANCH, BRANCH);
    runtimeService()
        .setVariable(
            rating.getId(), ProcessVariables.LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE, true);
    selfReview(rating, "NOT_COMPLETED");

    assertThatThrownBy(
            () ->
                decide(
                    rating,
                    Map.of(
                        "decision",
                        "APPROVE",
                        "decidedLevel",
                        "COMPLETED",
                        "decisionComment",
                        "Cao hơn mức tự nhận")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("decidedLevel: above-cap");
    decide(rating, Map.of("decision", "APPROVE", "decidedLevel", "NOT_COMPLETED"));
    execute(job(rating));
    assertThat(rating).isEnded();
  }

  @Test
  void theTaskResultsTheCollectiveStatesInItsSelfReviewCapTheDecisionAbove() {
    ProcessInstance rating = start(CollectiveKind.BRANCH, BRANCH);
    // 366: a tenth of the tasks done late — not GOOD (100 % on time), still within the 20 % of
    // COMPLETED
    Map<String, Object> review = new HashMap<>(selfReviewValues("GOOD"));
    review.put(ProcessVariables.ALL_TASKS_DONE, true);
    review.put(ProcessVariables.LATE_TASKS_PERCENT, 10);
    complete(rating, COLLECTIVE_SELF_REVIEW, review);

    assertThatThrownBy(() -> decide(rating, Map.of("decision", "APPROVE", "decidedLevel", "GOOD")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("decidedLevel: above-cap")
        .hasMessageContaining("Tập thể có nhiệm vụ hoàn thành chậm")
        .hasMessageNotContaining("collective-caps-"); // the rule's id is not for people
    decide(
        rating,
        Map.of(
            "decision",
            "APPROVE",
            "decidedLevel",
            "COMPLETED",
            "decisionComment",
            "Một phần mười nhiệm vụ hoàn thành chậm."));
    execute(job(rating));
    assertThat(rating).isEnded();
  }

  /** Completes the collective's open self-review and then its decision with an approval at {@code level}; ends it. */
  static void approve(String businessKey, String level) {
    ProcessInstance rating =
        processInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    selfReview(rating, level);
    decide(rating, Map.of("decision", "APPROVE", "decidedLevel", level));
    execute(job(rating));
  }

  private static ProcessInstance start(CollectiveKind kind, String collectiveId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.CAMPAIGN_ID, MemberFixtures.CAMPAIGN_ID);
    variables.put(ProcessVariables.YEAR, MemberFixtures.YEAR);
    variables.put(ProcessVariables.ORGANIZATION_ID, MemberFixtures.ORGANIZATION_ID);
    variables.put(ProcessVariables.REGULATION, Regulation.QD_366_2025.code());
    variables.put(ProcessVariables.COLLECTIVE_KIND, kind.name());
    variables.put(ProcessVariables.COLLECTIVE_ID, collectiveId);
    return runtimeService()
        .startProcessInstanceByKey(
            ProcessKeys.COLLECTIVE_EVALUATION,
            BusinessKeys.collective(MemberFixtures.YEAR, collectiveId),
            variables);
  }

  private static void selfReview(ProcessInstance rating, String level) {
    complete(rating, COLLECTIVE_SELF_REVIEW, selfReviewValues(level));
  }

  private static Map<String, Object> selfReviewValues(String level) {
    return Map.of(
        "selfProposedLevel",
        level,
        "strengths",
        "Lãnh đạo hoàn thành nhiệm vụ chính trị",
        "limitations",
        "Sinh hoạt chưa đều",
        "remedialMeasures",
        "Duy trì sinh hoạt định kỳ");
  }

  private static void decide(ProcessInstance rating, Map<String, Object> values) {
    complete(rating, COLLECTIVE_DECISION, values);
  }

  private static void complete(ProcessInstance rating, String taskKey, Map<String, Object> values) {
    Task task =
        taskQuery().processInstanceId(rating.getId()).taskDefinitionKey(taskKey).singleResult();
    taskService().complete(task.getId(), values);
  }

  private static String candidateGroup(ProcessInstance rating) {
    Task task = taskQuery().processInstanceId(rating.getId()).singleResult();
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(group -> group != null)
        .findFirst()
        .orElseThrow();
  }
}
