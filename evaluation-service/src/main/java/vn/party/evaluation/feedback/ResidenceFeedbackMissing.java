package vn.party.evaluation.feedback;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.security.Actors;

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
    Object due = execution.getVariable(RESIDENCE_FEEDBACK_DUE);
    timeline.record(
        year,
        memberId,
        TimelineKind.RESIDENCE_FEEDBACK_MISSING,
        null,
        null,
        Actors.SYSTEM,
        Map.of("deadline", String.valueOf(due instanceof Date d ? d.toInstant() : due)));
  }
}
