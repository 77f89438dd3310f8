package vn.party.evaluation.campaign;

import static vn.party.evaluation.process.ProcessVariables.CAMPAIGN_ID;
import static vn.party.evaluation.process.ProcessVariables.STAGE_DECIDED;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.DecisionStage;

/**
 * Steps await-members, await-branch-heads, await-all-members: opens the stage of the member decisions the step
 * stands for and tells the campaign whether it may go straight on ({@code stageDecided}) or must wait for the
 * stage's message, which the decision completing the stage sends (DecisionRecorder).
 */
@Component("decisionStageOpener")
public class DecisionStageOpener implements JavaDelegate {

  private final Campaigns campaigns;

  public DecisionStageOpener(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DecisionStage stage = DecisionStage.openedBy(execution.getCurrentActivityId());
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    execution.setVariable(STAGE_DECIDED, campaigns.openStage(campaignId, stage));
  }
}
