package vn.party.evaluation.complaint;

import static vn.party.evaluation.process.ProcessVariables.CAMPAIGN_ID;
import static vn.party.evaluation.process.ProcessVariables.OPEN_REAPPRAISALS;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Step close-complaint-window: closes intake and counts the re-appraisals still open, under the announcement's row
 * lock. Intake takes the same lock, so a complaint is either counted here or refused afterwards; and a re-appraisal
 * decided after this commits sees the window closed and tells the campaign when it is the last one.
 */
@Component("complaintWindowCloser")
public class ComplaintWindowCloser implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ComplaintWindowCloser.class);

  private final Announcements announcements;
  private final Reappraisals reappraisals;

  public ComplaintWindowCloser(Announcements announcements, Reappraisals reappraisals) {
    this.announcements = announcements;
    this.reappraisals = reappraisals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    announcements.lock(campaignId).orElseThrow();
    announcements.close(campaignId);
    int open = reappraisals.open(campaignId);
    execution.setVariable(OPEN_REAPPRAISALS, open);
    log.info(
        "complaint window of campaign {} closed; {} re-appraisals still open", campaignId, open);
  }
}
