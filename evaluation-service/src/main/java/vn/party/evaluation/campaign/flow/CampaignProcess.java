package vn.party.evaluation.campaign.flow;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.ProcessKeys;

/** The engine call of opening a campaign ({@code CampaignService}): its process started. */
@Component
public class CampaignProcess {

  private final RuntimeService runtimeService;

  public CampaignProcess(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Starts the campaign's process; its instance id. */
  public String start(String businessKey, Map<String, Object> variables) {
    return runtimeService
        .startProcessInstanceByKey(ProcessKeys.EVALUATION_CAMPAIGN, businessKey, variables)
        .getId();
  }
}
