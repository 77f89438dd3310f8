package vn.party.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.party.evaluation.process.ProcessKeys.BRANCH_REVIEW;
import static vn.party.evaluation.process.ProcessKeys.CHECK_HEADED_UNIT_RATING;
import static vn.party.evaluation.process.ProcessKeys.CHECK_RESIDENCE_FEEDBACK;
import static vn.party.evaluation.process.ProcessKeys.COMMITTEE_DECISION;
import static vn.party.evaluation.process.ProcessKeys.HEADED_UNIT_RATED;
import static vn.party.evaluation.process.ProcessKeys.RECORD_DECISION;
import static vn.party.evaluation.process.ProcessKeys.RECORD_MISSING_FEEDBACK;
import static vn.party.evaluation.process.ProcessKeys.RESIDENCE_FEEDBACK_DEADLINE;
import static vn.party.evaluation.process.ProcessKeys.RESIDENCE_FEEDBACK_RECEIVED;
import static vn.party.evaluation.process.ProcessKeys.RESIDENCE_FEEDBACK_WAIT;
import static vn.party.evaluation.process.ProcessKeys.SELF_REVIEW;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** member-evaluation, one test per path through the diagram. */
@Deployment(
    resources = {
      MemberEvaluationProcessTest.BPMN,
      MemberEvaluationProcessTest.SELF_REVIEW_FORM,
      MemberEvaluationProcessTest.BRANCH_REVIEW_FORM,
      MemberEvaluationProcessTest.COMMITTEE_DECISION_FORM
    })
class MemberEvaluationProcessTest {

  static final String BPMN = "bpmn/member-evaluation.bpmn";
  static final String SELF_REVIEW_FORM = "forms/self-review-form.form";
  static final String BRANCH_REVIEW_FORM = "forms/branch-review-form.form";
  static final String COMMITTEE_DECISION_FORM = "forms/committee-decision-form.form";

  static final String MEMBER = "member1";

  @RegisterExtension static final ProcessEngineExtension engine = PostgresProcessEngine.extension();

  private final FakeMemberDelegates delegates = new FakeMemberDelegates();

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
  void selfReviewIsTheMembersOwnTaskWithItsDueDateAndForm() throws IOException {
    ProcessInstance evaluation = startEvaluation(MEMBER);

    assertThat(evaluation).isWaitingAtExactly(SELF_REVIEW);
    assertThat(evaluation.getBusinessKey()).isEqualTo("2026:member1");
    Task selfReview =
        taskQuery().processInstanceId(evaluation.getId()).initializeFormKeys().singleResult();
    assertThat(selfReview).isAssignedTo(MEMBER).hasDueDate(MemberFixtures.SELF_REVIEW_DUE);
    assertThat(selfReview.getCamundaFormRef().getKey()).isEqualTo(ProcessKeys.SELF_REVIEW_FORM);
    try (InputStream form = engine.getFormService().getDeployedTaskForm(selfReview.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"self-review-form\"");
    }
  }

  /**
   * Issue 15: the instance keeps the member and the unit, not what follows from them. The self-review's assignee is the
   * member, the committees follow from the branch and the organization, and each deadline is the campaign's when the
   * task or timer is created: a deadline the campaign moves after the start is the one its task gets.
   */
  @Test
  void committeesAndDeadlinesAreTheCampaignsWhenEachTaskIsCreatedNotTheInstancesVariables() {
    Date movedResidenceDeadline =
        Date.from(MemberFixtures.RESIDENCE_FEEDBACK_DUE.toInstant().plusSeconds(86_400));
    ProcessInstance evaluation = startEvaluation(MEMBER);
    assertThat(runtimeService().getVariables(evaluation.getId()))
        .doesNotContainKeys(
            "memberUserId",
            "branchCommitteeGroup",
            "organizationCommitteeGroup",
            "selfReviewDue",
            "residenceFeedbackDue",
            "unitAssessmentDue",
            "branchReviewDue",
            "decisionDue");
    assertThat(task(SELF_REVIEW, evaluation))
        .isAssignedTo(MEMBER)
        .hasDueDate(MemberFixtures.SELF_REVIEW_DUE);

    Mocks.register(
        DelegateNames.CAMPAIGN_DEADLINES,
        new MemberFixtures.FixtureCampaign() {
          @Override
          public Date residenceFeedback(String campaignId) {
            return movedResidenceDeadline;
          }
        });
    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("GOOD"));
    assertThat(job(evaluation)).hasDueDate(movedResidenceDeadline);
    execute(job(evaluation));
    assertThat(task(BRANCH_REVIEW, evaluation))
        .hasCandidateGroup(Groups.branchCommittee(MemberFixtures.BRANCH_ID))
        .hasDueDate(MemberFixtures.BRANCH_REVIEW_DUE);
  }

  @Test
  void approvedCaseEndsWithTheDecisionRecorded() {
    delegates.receivedResidenceComments.put(MEMBER, "Gương mẫu nơi cư trú.");
    ProcessInstance evaluation = startEvaluation(MEMBER);

    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("GOOD"));
    Task branchReview = task(BRANCH_REVIEW, evaluation);
    assertThat(branchReview)
        .hasCandidateGroup("branch-committee-thanh-khe-tay-cb1")
        .hasDueDate(MemberFixtures.BRANCH_REVIEW_DUE);
    complete(branchReview, MemberFixtures.branchProposes("GOOD"));
    Task decision = task(COMMITTEE_DECISION, evaluation);
    assertThat(decision)
        .hasCandidateGroup("org-committee-thanh-khe-tay")
        .hasDueDate(MemberFixtures.DECISION_DUE);
    complete(decision, withVariables("decision", "APPROVE", "decidedLevel", "GOOD"));

    assertThat(evaluation)
        .hasPassedInOrder(SELF_REVIEW, BRANCH_REVIEW, COMMITTEE_DECISION, RECORD_DECISION)
        .isEnded();
    assertThat(delegates.decidedLevels).containsEntry(MEMBER, "GOOD");
  }

  @Test
  void feedbackThatArrivedBeforeTheCheckIsNotWaitedFor() {
    delegates.receivedResidenceComments.put(MEMBER, "Chấp hành tốt quy định nơi cư trú.");
    ProcessInstance evaluation = startEvaluation(MEMBER);

    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("GOOD"));

    assertThat(evaluation)
        .hasPassed(CHECK_RESIDENCE_FEEDBACK)
        .isWaitingAtExactly(BRANCH_REVIEW)
        .variables()
        .containsEntry("residenceComment", "Chấp hành tốt quy định nơi cư trú.");
    assertThat(jobQuery().processInstanceId(evaluation.getId()).count())
        .as("no deadline timer")
        .isZero();
  }

  @Test
  void feedbackArrivingWhileWaitingContinuesToBranchReview() {
    ProcessInstance evaluation = startEvaluation(MEMBER);
    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("GOOD"));
    assertThat(evaluation).isWaitingAtExactly(RESIDENCE_FEEDBACK_WAIT);

    runtimeService()
        .createMessageCorrelation(ProcessKeys.MESSAGE_RESIDENCE_FEEDBACK_RECEIVED)
        .processInstanceBusinessKey(BusinessKeys.member(2026, MEMBER))
        .setVariable("residenceComment", "Tham gia đầy đủ sinh hoạt khu dân cư.")
        .setVariable("residenceFeedbackReceived", true)
        .correlate();

    assertThat(evaluation)
        .hasPassed(RESIDENCE_FEEDBACK_RECEIVED)
        .hasNotPassed(RECORD_MISSING_FEEDBACK)
        .isWaitingAtExactly(BRANCH_REVIEW);
    assertThat(jobQuery().processInstanceId(evaluation.getId()).count())
        .as("deadline timer cancelled")
        .isZero();
  }

  @Test
  void deadlineWithoutFeedbackIsRecordedAsMissingAndTheBranchGoesOn() {
    ProcessInstance evaluation = startEvaluation(MEMBER);
    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("GOOD"));
    assertThat(evaluation).isWaitingAtExactly(RESIDENCE_FEEDBACK_WAIT);

    assertThat(job(evaluation)).hasDueDate(MemberFixtures.RESIDENCE_FEEDBACK_DUE);
    execute(job(evaluation));

    assertThat(evaluation)
        .hasPassedInOrder(RESIDENCE_FEEDBACK_DEADLINE, RECORD_MISSING_FEEDBACK)
        .hasNotPassed(RESIDENCE_FEEDBACK_RECEIVED)
        .isWaitingAtExactly(BRANCH_REVIEW);
    assertThat(delegates.missingFeedback).containsExactly(MEMBER);
  }

  @Test
  void aCivilServantsUnitAssessmentIsWaitedForAfterTheResidenceComment() {
    delegates.receivedResidenceComments.put(MEMBER, "Tốt.");
    delegates.civilServants.add(MEMBER);
    ProcessInstance evaluation = startEvaluation(MEMBER);
    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("GOOD"));
    assertThat(evaluation)
        .hasPassed(ProcessKeys.CHECK_UNIT_ASSESSMENT)
        .isWaitingAtExactly(ProcessKeys.UNIT_ASSESSMENT_WAIT);

    runtimeService()
        .createMessageCorrelation(ProcessKeys.MESSAGE_UNIT_ASSESSMENT_RECEIVED)
        .processInstanceBusinessKey(BusinessKeys.member(2026, MEMBER))
        .setVariable("unitComment", "Hoàn thành tốt nhiệm vụ.")
        .correlate();

    assertThat(evaluation)
        .hasPassed(ProcessKeys.UNIT_ASSESSMENT_RECEIVED)
        .hasNotPassed(ProcessKeys.RECORD_MISSING_UNIT_ASSESSMENT)
        .isWaitingAtExactly(BRANCH_REVIEW);
    assertThat(jobQuery().processInstanceId(evaluation.getId()).count())
        .as("deadline timer cancelled")
        .isZero();
  }

  @Test
  void aMissingUnitAssessmentIsRecordedAtItsDeadlineAndTheBranchGoesOn() {
    delegates.receivedResidenceComments.put(MEMBER, "Tốt.");
    delegates.civilServants.add(MEMBER);
    ProcessInstance evaluation = startEvaluation(MEMBER);
    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("GOOD"));

    assertThat(job(evaluation)).hasDueDate(MemberFixtures.UNIT_ASSESSMENT_DUE);
    execute(job(evaluation));

    assertThat(evaluation)
        .hasPassedInOrder(
            ProcessKeys.UNIT_ASSESSMENT_DEADLINE, ProcessKeys.RECORD_MISSING_UNIT_ASSESSMENT)
        .isWaitingAtExactly(BRANCH_REVIEW);
    assertThat(delegates.missingUnitAssessments).containsExactly(MEMBER);
  }

  @Test
  void anAssessmentAlreadyReceivedOrNotExpectedIsNotWaitedFor() {
    delegates.receivedResidenceComments.put(MEMBER, "Tốt.");
    delegates.receivedResidenceComments.put("member2", "Tốt.");
    delegates.civilServants.add(MEMBER);
    delegates.receivedUnitComments.put(MEMBER, "Hoàn thành xuất sắc nhiệm vụ.");
    ProcessInstance civilServant = startEvaluation(MEMBER);
    ProcessInstance noPost = startEvaluation("member2");
    complete(task(SELF_REVIEW, civilServant), MemberFixtures.selfReview("GOOD"));
    complete(task(SELF_REVIEW, noPost), MemberFixtures.selfReview("GOOD"));

    assertThat(civilServant)
        .isWaitingAtExactly(BRANCH_REVIEW)
        .variables()
        .containsEntry("unitComment", "Hoàn thành xuất sắc nhiệm vụ.");
    assertThat(noPost)
        .hasPassed(ProcessKeys.CHECK_UNIT_ASSESSMENT)
        .isWaitingAtExactly(BRANCH_REVIEW)
        .variables()
        .containsEntry("unitAssessmentExpected", false);
    assertThat(delegates.missingUnitAssessments).isEmpty();
  }

  @Test
  void committeeReturnsTheCaseToTheBranchThenApprovesIt() {
    delegates.receivedResidenceComments.put(MEMBER, "Không có ý kiến.");
    ProcessInstance evaluation = startEvaluation(MEMBER);
    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("EXCELLENT"));
    complete(task(BRANCH_REVIEW, evaluation), MemberFixtures.branchProposes("EXCELLENT"));

    complete(
        task(COMMITTEE_DECISION, evaluation),
        withVariables(
            "decision",
            "RETURN",
            "decisionComment",
            "Vượt tỷ lệ 20% hoàn thành xuất sắc nhiệm vụ."));

    assertThat(evaluation).isWaitingAtExactly(BRANCH_REVIEW);
    complete(task(BRANCH_REVIEW, evaluation), MemberFixtures.branchProposes("GOOD"));
    // the second decision starts blank: the earlier RETURN and its reason are not pre-filled
    assertThat(runtimeService().getVariables(evaluation.getId()))
        .doesNotContainKeys("decision", "decidedLevel", "decisionComment");
    complete(
        task(COMMITTEE_DECISION, evaluation),
        withVariables("decision", "APPROVE", "decidedLevel", "GOOD"));

    assertThat(evaluation).hasPassed(RECORD_DECISION).isEnded();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(evaluation.getId())
                .taskDefinitionKey(BRANCH_REVIEW)
                .count())
        .isEqualTo(2);
    assertThat(delegates.decidedLevels).containsEntry(MEMBER, "GOOD");
  }

  /**
   * A collective before its head: the branch reviews its secretary with everyone else, but the committee decides the
   * secretary only once the branch is rated, and not above the branch's level (member-caps, HEADED_UNIT_LEVEL).
   */
  @Test
  void aHeadIsDecidedAfterTheUnitIsRatedAndNotAboveIt() {
    delegates.receivedResidenceComments.put(MEMBER, "Gương mẫu nơi cư trú.");
    java.util.Map<String, Object> variables =
        new java.util.HashMap<>(MemberFixtures.startVariables(MEMBER));
    variables.put(ProcessVariables.HEAD_OF, "BRANCH");
    variables.put(ProcessVariables.HEADED_UNIT_ID, "thanh-khe-tay-cb1");
    ProcessInstance evaluation =
        runtimeService()
            .startProcessInstanceByKey(
                ProcessKeys.MEMBER_EVALUATION,
                BusinessKeys.member(MemberFixtures.YEAR, MEMBER),
                variables);
    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("EXCELLENT"));
    complete(task(BRANCH_REVIEW, evaluation), MemberFixtures.branchProposes("EXCELLENT"));

    assertThat(evaluation).isWaitingAtExactly(HEADED_UNIT_RATED);
    assertThat(taskQuery().processInstanceId(evaluation.getId()).count())
        .as("no decision yet")
        .isZero();

    // the grassroots committee rates the branch GOOD: the application tells the head's evaluation
    runtimeService()
        .createMessageCorrelation(ProcessKeys.MESSAGE_HEADED_UNIT_RATED)
        .processInstanceBusinessKey(BusinessKeys.member(MemberFixtures.YEAR, MEMBER))
        .setVariable(ProcessVariables.HEADED_UNIT_RATED, true)
        .setVariable(ProcessVariables.HEADED_UNIT_LEVEL, "GOOD")
        .correlate();
    Task decision = task(COMMITTEE_DECISION, evaluation);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        decision.getId(),
                        withVariables("decision", "APPROVE", "decidedLevel", "EXCELLENT")))
        .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
        .hasMessageContaining("decidedLevel: above-cap");
    complete(
        decision,
        withVariables(
            "decision",
            "APPROVE",
            "decidedLevel",
            "GOOD",
            "decisionComment",
            "Chi bộ được xếp loại Hoàn thành tốt nhiệm vụ; bí thư không xếp cao hơn."));

    assertThat(evaluation)
        .hasPassedInOrder(
            BRANCH_REVIEW,
            CHECK_HEADED_UNIT_RATING,
            HEADED_UNIT_RATED,
            COMMITTEE_DECISION,
            RECORD_DECISION)
        .isEnded();
    assertThat(delegates.decidedLevels).containsEntry(MEMBER, "GOOD");
  }

  /** A head whose unit was rated before the branch review (or is not rated) is not held up. */
  @Test
  void aHeadWhoseUnitIsAlreadyRatedGoesStraightToTheDecision() {
    delegates.receivedResidenceComments.put(MEMBER, "Tốt.");
    delegates.ratedUnits.put("thanh-khe-tay-cb1", "COMPLETED");
    java.util.Map<String, Object> variables =
        new java.util.HashMap<>(MemberFixtures.startVariables(MEMBER));
    variables.put(ProcessVariables.HEAD_OF, "BRANCH");
    variables.put(ProcessVariables.HEADED_UNIT_ID, "thanh-khe-tay-cb1");
    ProcessInstance evaluation =
        runtimeService()
            .startProcessInstanceByKey(
                ProcessKeys.MEMBER_EVALUATION,
                BusinessKeys.member(MemberFixtures.YEAR, MEMBER),
                variables);
    complete(task(SELF_REVIEW, evaluation), MemberFixtures.selfReview("GOOD"));
    complete(task(BRANCH_REVIEW, evaluation), MemberFixtures.branchProposes("GOOD"));

    assertThat(evaluation).isWaitingAtExactly(COMMITTEE_DECISION).hasNotPassed(HEADED_UNIT_RATED);
    assertThat(runtimeService().getVariable(evaluation.getId(), ProcessVariables.HEADED_UNIT_LEVEL))
        .isEqualTo("COMPLETED");
  }

  static ProcessInstance startEvaluation(String memberId) {
    return runtimeService()
        .startProcessInstanceByKey(
            ProcessKeys.MEMBER_EVALUATION,
            BusinessKeys.member(MemberFixtures.YEAR, memberId),
            MemberFixtures.startVariables(memberId));
  }
}
