package vn.party.evaluation.campaign.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.campaign.MemberBatches;

/**
 * Step check-launch-complete, once every lane of launch-lanes has ended ({@link MemberBatches#completeLaunch}):
 * {@code remainingMembers}, 0 once every member is started (the campaign is then marked started).
 */
@Component("launchCompletionCheck")
public class LaunchCompletionCheck implements JavaDelegate {

  private final MemberBatches batches;

  public LaunchCompletionCheck(MemberBatches batches) {
    this.batches = batches;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    execution.setVariable(REMAINING_MEMBERS, batches.completeLaunch(campaignId));
  }
}
