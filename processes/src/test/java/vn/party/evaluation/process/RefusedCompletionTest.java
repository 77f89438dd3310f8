package vn.party.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.party.evaluation.process.ProcessKeys.BRANCH_REVIEW;
import static vn.party.evaluation.process.ProcessKeys.COMMITTEE_DECISION;
import static vn.party.evaluation.process.ProcessKeys.SELF_REVIEW;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TaskCompletionRules;

/**
 * Completions the TaskCompletionValidator listener refuses: the caller gets a
 * FormFieldValidationException naming the field, the task stays open, nothing is stored.
 */
@Deployment(
    resources = {
      MemberEvaluationProcessTest.BPMN,
      MemberEvaluationProcessTest.SELF_REVIEW_FORM,
      MemberEvaluationProcessTest.BRANCH_REVIEW_FORM,
      MemberEvaluationProcessTest.COMMITTEE_DECISION_FORM
    })
class RefusedCompletionTest {

  private static final String MEMBER = "member2";

  @RegisterExtension static final ProcessEngineExtension engine = PostgresProcessEngine.extension();

  private final FakeMemberDelegates delegates = new FakeMemberDelegates();
  private ProcessInstance evaluation;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    delegates.register();
    delegates.receivedResidenceComments.put(MEMBER, "Không có ý kiến.");
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void selfReviewWithoutAProposedLevel() {
    assertRefused(selfReviewTask(), MemberFixtures.selfReview(null), "selfProposedLevel: required");
  }

  /** Issue 14: the sections a self-criticism requires, refused in the engine itself (Tasklist, engine REST). */
  @Test
  void selfReviewWithAnEmptySection() {
    assertRefused(
        selfReviewTask(),
        MemberFixtures.selfReview("GOOD", "limitations", "  "),
        "limitations: required (mục bắt buộc của bản tự kiểm điểm: nêu cụ thể, không để trống)");
  }

  @Test
  void selfReviewWithTheLevelAlone() {
    Task task = selfReviewTask();
    assertThatThrownBy(
            () -> taskService().complete(task.getId(), withVariables("selfProposedLevel", "GOOD")))
        .isInstanceOf(FormFieldValidationException.class)
        .satisfies(
            e ->
                assertThat(((FormFieldValidationException) e).<List<FieldError>>getDetail())
                    .extracting(FieldError::field, FieldError::reason)
                    .containsExactly(
                        tuple("strengths", "required"), tuple("limitations", "required"),
                        tuple("shortcomingsFixed", "required"),
                            tuple("remedialMeasures", "required")));
    assertThat(evaluation).isWaitingAtExactly(SELF_REVIEW);
  }

  /** The minimum length is the task's setting (the application puts it on the task); 20 characters without one. */
  @Test
  void selfReviewWithASectionShorterThanItsMinimum() {
    Task task = selfReviewTask();
    assertRefused(
        task,
        MemberFixtures.selfReview("GOOD", "strengths", "Tốt."),
        "strengths: section-too-short (mục bắt buộc, cần ít nhất 20 ký tự: nêu cụ thể, không để trống hay ghi chung "
            + "chung)");
    taskService().setVariableLocal(task.getId(), "strengthsMinLength", 4);
    complete(task, MemberFixtures.selfReview("GOOD", "strengths", "Tốt."));
    assertThat(evaluation).isWaitingAt(BRANCH_REVIEW);
  }

  @Test
  void selfReviewWithAnUnknownLevel() {
    assertRefused(
        selfReviewTask(), MemberFixtures.selfReview("SUPER"), "selfProposedLevel: invalid-level");
  }

  @Test
  void selfReviewTextLongerThanTheLimit() {
    assertRefused(
        selfReviewTask(),
        MemberFixtures.selfReview(
            "GOOD", "strengths", "a".repeat(TaskCompletionRules.MAX_TEXT_LENGTH + 1)),
        "strengths: too-long");
  }

  @Test
  void selfReviewTextWithControlCharacters() {
    assertRefused(
        selfReviewTask(),
        MemberFixtures.selfReview("GOOD", "limitations", "Chậm\u0000 nộp báo cáo."),
        "limitations: control-characters");
  }

  /** The limit matches the database: the longest accepted text really fits into PostgreSQL. */
  @Test
  void selfReviewTextOfExactlyTheLimitIsStored() {
    String longest = "ư".repeat(TaskCompletionRules.MAX_TEXT_LENGTH);

    complete(
        selfReviewTask(),
        MemberFixtures.selfReview(
            "GOOD", "strengths", longest, "limitations", "Dòng 1: chậm báo cáo\r\nDòng 2\tcuối"));

    assertThat(evaluation)
        .isWaitingAt(BRANCH_REVIEW)
        .variables()
        .containsEntry("strengths", longest);
  }

  @Test
  void approvalWithoutADecidedLevel() {
    assertRefused(
        taskAtCommitteeDecision(), withVariables("decision", "APPROVE"), "decidedLevel: required");
  }

  @Test
  void returnWithoutAReason() {
    assertRefused(
        taskAtCommitteeDecision(),
        withVariables("decision", "RETURN"),
        "decisionComment: required");
  }

  @Test
  void unknownDecision() {
    assertRefused(
        taskAtCommitteeDecision(),
        withVariables("decision", "MAYBE", "decisionComment", "Chưa rõ."),
        "decision: invalid-decision");
  }

  /** The branch records four months of sick leave and proposes GOOD in the same completion. */
  @Test
  void branchProposalAboveTheCapOfTheFactsItRecords() {
    complete(selfReviewTask(), MemberFixtures.selfReview("GOOD"));

    assertRefused(
        task(BRANCH_REVIEW, evaluation),
        MemberFixtures.branchProposes("GOOD", "sickLeaveMonths", 4),
        "branchProposedLevel: above-cap (không được cao hơn mức \"Hoàn thành nhiệm vụ\": "
            + "Nghỉ ốm từ 3 tháng trở lên)");
  }

  /** Five of nine votes are short of the two thirds EXCELLENT needs; six of nine carry GOOD (more than half). */
  @Test
  void branchProposalItsVoteDoesNotSupport() {
    complete(selfReviewTask(), MemberFixtures.selfReview("EXCELLENT"));
    Map<String, Object> fiveOfNine =
        MemberFixtures.branchProposes("EXCELLENT", "votesExcellent", 5, "votesGood", 4);

    assertRefused(
        task(BRANCH_REVIEW, evaluation),
        fiveOfNine,
        "branchProposedLevel: vote-not-supported (mức \"Hoàn thành xuất sắc nhiệm vụ\" chỉ được 5/9 phiếu, "
            + "cần >=2/3)");
    Map<String, Object> sixOfNineForGood =
        MemberFixtures.branchProposes("GOOD", "votesExcellent", 3, "votesGood", 6);
    complete(task(BRANCH_REVIEW, evaluation), sixOfNineForGood);
    assertThat(evaluation)
        .isWaitingAt(COMMITTEE_DECISION)
        .variables()
        .containsEntry("votesGood", 6)
        .containsEntry("eligibleVoters", 9);
  }

  /** A branch review without the meeting's vote is refused: every door records the tally. */
  @Test
  void branchProposalWithoutAVote() {
    complete(selfReviewTask(), MemberFixtures.selfReview("GOOD"));

    Task branchReview = task(BRANCH_REVIEW, evaluation);
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(branchReview.getId(), withVariables("branchProposedLevel", "GOOD")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessage(
            "eligibleVoters: required; votesExcellent: required; votesGood: required; "
                + "votesCompleted: required; votesNotCompleted: required");
    assertThat(evaluation).isWaitingAtExactly(BRANCH_REVIEW);
  }

  /** A fact the application set on the instance (a discipline decision) caps the approval. */
  @Test
  void approvalAboveTheCapOfAFactSetByTheApplication() {
    Task decision = taskAtCommitteeDecision();
    runtimeService().setVariable(evaluation.getId(), ProcessVariables.DISCIPLINED, true);

    assertRefused(
        decision,
        withVariables("decision", "APPROVE", "decidedLevel", "COMPLETED"),
        "decidedLevel: above-cap (không được cao hơn mức \"Không hoàn thành nhiệm vụ\": "
            + "Bị kỷ luật trong năm)");
  }

  @Test
  void levelsAtTheCapAreAccepted() {
    complete(selfReviewTask(), MemberFixtures.selfReview("GOOD"));
    complete(
        task(BRANCH_REVIEW, evaluation),
        MemberFixtures.branchProposes(
            "COMPLETED", "sickLeaveMonths", 4.5, "concludedDegradation", false));
    complete(
        task(COMMITTEE_DECISION, evaluation),
        withVariables("decision", "APPROVE", "decidedLevel", "COMPLETED"));

    assertThat(evaluation).isEnded();
    assertThat(delegates.decidedLevels).containsEntry(MEMBER, "COMPLETED");
  }

  /** Starts the evaluation here, not in setUp: the deployment is made after setUp. */
  private Task selfReviewTask() {
    evaluation = MemberEvaluationProcessTest.startEvaluation(MEMBER);
    return task(SELF_REVIEW, evaluation);
  }

  private Task taskAtCommitteeDecision() {
    complete(selfReviewTask(), MemberFixtures.selfReview("GOOD"));
    complete(task(BRANCH_REVIEW, evaluation), MemberFixtures.branchProposes("GOOD"));
    return task(COMMITTEE_DECISION, evaluation);
  }

  private void assertRefused(Task task, Map<String, Object> variables, String expectedError) {
    assertThatThrownBy(() -> taskService().complete(task.getId(), variables))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessage(expectedError)
        .satisfies(
            e ->
                assertThat(((FormFieldValidationException) e).<List<FieldError>>getDetail())
                    .extracting(FieldError::toString)
                    .containsExactly(expectedError));

    assertThat(taskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(evaluation).isWaitingAtExactly(task.getTaskDefinitionKey());
    assertThat(runtimeService().getVariables(evaluation.getId()))
        .as("submitted variables rolled back")
        .doesNotContainKeys(variables.keySet().toArray(String[]::new));
  }
}
