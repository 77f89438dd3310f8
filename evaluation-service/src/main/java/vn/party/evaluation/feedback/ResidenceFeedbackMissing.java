package vn.party.evaluation.feedback;

import static vn.party.evaluation.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.record.EvaluationRecords;

/** Step record-missing-feedback: the deadline passed without a comment; recorded as missing, not waited on. */
@Component("residenceFeedbackMissing")
public class ResidenceFeedbackMissing implements JavaDelegate {

  private final EvaluationRecords records;
  private final Timeline timeline;

  public ResidenceFeedbackMissing(EvaluationRecords records, Timeline timeline) {
    this.records = records;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = year(execution);
    String memberId = memberId(execution);
    records.residenceFeedbackMissing(year, memberId);
    timeline.deadlineMissed(
        year,
        memberId,
        TimelineKind.RESIDENCE_FEEDBACK_MISSING,
        execution.getVariable(RESIDENCE_FEEDBACK_DUE));
  }
}
