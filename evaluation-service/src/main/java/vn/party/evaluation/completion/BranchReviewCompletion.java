package vn.party.evaluation.completion;

import static vn.party.evaluation.process.ProcessVariables.*;

import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.StepEvents;

/** The branch's review of a member: its proposal and comment on the record, and the event. */
@Component
class BranchReviewCompletion implements TaskCompletion {

  private final EvaluationRecords records;
  private final Outbox outbox;

  BranchReviewCompletion(EvaluationRecords records, Outbox outbox) {
    this.records = records;
    this.outbox = outbox;
  }

  @Override
  public String taskKey() {
    return ProcessKeys.BRANCH_REVIEW;
  }

  @Override
  public void completed(Submission submission) {
    int year = submission.year();
    String memberId = submission.subject();
    String level = (String) submission.variable(BRANCH_PROPOSED_LEVEL);
    String comment = (String) submission.variable(BRANCH_COMMENT);
    records.branchReviewed(year, memberId, level, comment, submission.actor());
    outbox.publish(
        EventTypes.BRANCH_REVIEW_COMPLETED,
        memberId,
        new StepEvents.BranchReviewCompleted(
            memberId, year, level, comment, submission.actor(), StepEvents.now()));
  }
}
