package vn.party.evaluation.feedback;

import static vn.party.evaluation.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.process.CampaignDeadlines;
import vn.party.evaluation.record.EvaluationRecords;

/** Step record-missing-feedback: the deadline passed without a comment; recorded as missing, not waited on. */
@Component("residenceFeedbackMissing")
public class ResidenceFeedbackMissing implements JavaDelegate {

  private final EvaluationRecords records;
  private final Timeline timeline;
  private final CampaignDeadlines deadlines;

  public ResidenceFeedbackMissing(
      EvaluationRecords records, Timeline timeline, CampaignDeadlines deadlines) {
    this.records = records;
    this.timeline = timeline;
    this.deadlines = deadlines;
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
        // the campaign's (issue 15: no copy in the instance; an instance started before holds the
        // same date)
        deadlines.residenceFeedback((String) execution.getVariable(CAMPAIGN_ID)));
  }
}
