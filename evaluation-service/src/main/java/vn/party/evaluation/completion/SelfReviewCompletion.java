package vn.party.evaluation.completion;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.CompletionJudgement;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.EvaluationStatus;
import vn.party.evaluation.record.StepEvents;
import vn.party.evaluation.selfreview.SelfReviewKeeper;

/** A member's self-review: kept whole in the application's table, then the record and the event. */
@Component
class SelfReviewCompletion implements TaskCompletion {

  private final SelfReviewKeeper keeper;
  private final EvaluationRecords records;
  private final Outbox outbox;

  SelfReviewCompletion(SelfReviewKeeper keeper, EvaluationRecords records, Outbox outbox) {
    this.keeper = keeper;
    this.records = records;
    this.outbox = outbox;
  }

  @Override
  public String taskKey() {
    return ProcessKeys.SELF_REVIEW;
  }

  @Override
  public Map<String, Object> keep(
      Submission submission, CompletionJudgement judgement, Map<String, Object> context) {
    if (submission.variables().apply(SELF_REVIEW_VERSION) != null) {
      return null; // kept already
    }
    return keeper.keep(
        submission.taskId(),
        context,
        submission.values(),
        submission.actor(),
        !submission.keptByApplication(),
        judgement.outcome());
  }

  @Override
  public void completed(Submission submission) {
    int year = submission.year();
    String memberId = submission.subject();
    String level = (String) submission.variable(SELF_PROPOSED_LEVEL);
    records.selfReviewed(year, memberId, level, submission.actor());
    records.status(year, memberId, EvaluationStatus.WAITING_RESIDENCE_FEEDBACK);
    outbox.publish(
        EventTypes.SELF_REVIEW_SUBMITTED,
        memberId,
        new StepEvents.SelfReviewSubmitted(
            memberId, year, level, submission.actor(), StepEvents.now()));
  }
}
