package vn.party.evaluation.campaign;

import static vn.party.evaluation.process.ProcessVariables.CAMPAIGN_ID;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;

/** Step complete-campaign: every member is decided; the campaign closes with its counts. */
@Component("campaignCompleter")
public class CampaignCompleter implements JavaDelegate {

  private final Campaigns campaigns;
  private final Outbox outbox;

  public CampaignCompleter(Campaigns campaigns, Outbox outbox) {
    this.campaigns = campaigns;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    campaigns.completed(id);
    Campaign campaign = campaigns.find(id).orElseThrow();
    Map<String, Integer> counts = new LinkedHashMap<>();
    campaigns.decidedByLevel(id).forEach((level, n) -> counts.put(level.name(), n));
    outbox.publish(
        EventTypes.CAMPAIGN_COMPLETED,
        campaign.organizationId(),
        new CampaignEvents.Completed(
            id, campaign.organizationId(), campaign.year(), campaign.membersTotal(), counts));
  }
}
