package vn.party.evaluation.completion;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.StepEvents;

/**
 * The committee's decision on a member: a case returned to the branch is recorded and told here; an approval is made
 * final by the record-decision step (DecisionRecorder).
 */
@Component
class CommitteeDecisionCompletion implements TaskCompletion {

  private final EvaluationRecords records;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;

  CommitteeDecisionCompletion(
      EvaluationRecords records, Timeline timeline, Outbox outbox, People people) {
    this.records = records;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
  }

  @Override
  public String taskKey() {
    return ProcessKeys.COMMITTEE_DECISION;
  }

  @Override
  public void completed(Submission submission) {
    if (!Decision.RETURN.name().equals(submission.variable(DECISION))) {
      return;
    }
    int year = submission.year();
    String memberId = submission.subject();
    String reason = (String) submission.variable(DECISION_COMMENT);
    records.returned(year, memberId, reason);
    timeline.record(
        year,
        memberId,
        TimelineKind.CASE_RETURNED,
        submission.taskKey(),
        submission.taskId(),
        submission.actor(),
        Map.of("reason", reason));
    String branchId = (String) submission.variable(BRANCH_ID);
    outbox.publish(
        EventTypes.CASE_RETURNED,
        memberId,
        new StepEvents.CaseReturned(
            memberId,
            year,
            reason,
            submission.actor(),
            StepEvents.now(),
            (String) submission.variable(MEMBER_NAME),
            (String) submission.variable(ORGANIZATION_ID),
            branchId,
            people.groupMembers(Groups.branchCommittee(branchId))));
  }
}
