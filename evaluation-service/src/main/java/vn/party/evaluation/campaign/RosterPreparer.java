package vn.party.evaluation.campaign;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;

/** Step prepare-roster: lists the eligible members and tells the world the campaign has started. */
@Component("rosterPreparer")
public class RosterPreparer implements JavaDelegate {

  private final Campaigns campaigns;
  private final Outbox outbox;

  public RosterPreparer(Campaigns campaigns, Outbox outbox) {
    this.campaigns = campaigns;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    int total = campaigns.prepareRoster(id);
    Campaign campaign = campaigns.find(id).orElseThrow();
    outbox.publish(EventTypes.CAMPAIGN_STARTED, campaign.organizationId(), new CampaignEvents.Started(
        id, campaign.organizationId(), campaign.year(), campaign.regulation(), total,
        new CampaignEvents.Deadlines(campaign.selfReviewDue(), campaign.residenceFeedbackDue(),
            campaign.branchReviewDue(), campaign.decisionDue())));
  }
}
