package vn.party.evaluation.caps;

import static vn.party.evaluation.process.ProcessVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.process.CampaignDeadlines;
import vn.party.evaluation.record.EvaluationRecords;

/**
 * Step record-missing-unit-assessment: the deadline passed without the unit leadership's assessment; recorded as
 * missing on the record and the timeline, and shown to the branch, not waited on.
 */
@Component("unitAssessmentMissing")
public class UnitAssessmentMissing implements JavaDelegate {

  private final EvaluationRecords records;
  private final Timeline timeline;
  private final CampaignDeadlines deadlines;

  public UnitAssessmentMissing(
      EvaluationRecords records, Timeline timeline, CampaignDeadlines deadlines) {
    this.records = records;
    this.timeline = timeline;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = year(execution);
    String memberId = memberId(execution);
    records.unitAssessmentNotReceived(year, memberId, "MISSING");
    execution.setVariable(UNIT_ASSESSMENT_STATUS, "MISSING");
    timeline.deadlineMissed(
        year,
        memberId,
        TimelineKind.UNIT_ASSESSMENT_MISSING,
        // the campaign's (issue 15: no copy in the instance; an instance started before holds the
        // same date)
        deadlines.unitAssessment((String) execution.getVariable(CAMPAIGN_ID)));
  }
}
