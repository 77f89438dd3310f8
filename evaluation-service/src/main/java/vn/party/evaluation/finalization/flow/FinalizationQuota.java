package vn.party.evaluation.finalization.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.campaign.Finalizations;
import vn.party.evaluation.decision.OrganizationTally;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.flow.CompletionRulesInEngine;
import vn.party.evaluation.rules.QuotaCheck;
import vn.party.evaluation.security.Actors;

/**
 * Task listener {@code finalizationQuota} of finalize-results: sets the organization's live quota figures (counted now,
 * {@link OrganizationTally}) when the task is created and before every completion, whatever door the completion came
 * through — the completion rules then check those, never figures a caller sent. A completion within the quota is
 * recorded here (result_finalization, campaign.results-finalized), in the engine's transaction.
 */
@Component("finalizationQuota")
public class FinalizationQuota implements TaskListener {

  private final OrganizationTally tally;
  private final Finalizations finalizations;
  private final Outbox outbox;
  private final Actors actors;

  public FinalizationQuota(
      OrganizationTally tally, Finalizations finalizations, Outbox outbox, Actors actors) {
    this.tally = tally;
    this.finalizations = finalizations;
    this.outbox = outbox;
    this.actors = actors;
  }

  /** The three figures the completion rules read ({@code TaskCompletionRules.QUOTA_INPUTS}). */
  public static Map<String, Object> figures(QuotaCheck quota) {
    return Map.of(
        EXCELLENT_COUNT,
        quota.excellent(),
        GOOD_COUNT,
        quota.good(),
        EXCELLENT_ALLOWED,
        quota.maxExcellent());
  }

  @Override
  public void notify(DelegateTask task) {
    String organizationId = (String) task.getVariable(ORGANIZATION_ID);
    int year = year(task);
    UUID campaignId = UUID.fromString((String) task.getVariable(CAMPAIGN_ID));
    boolean completing = EVENTNAME_COMPLETE.equals(task.getEventName());
    if (completing) {
      finalizations.lockCampaign(campaignId);
    }
    QuotaCheck quota = tally.of(organizationId, year).quota();
    // setVariable, not local: the figures replace any the caller sent with the completion
    figures(quota).forEach(task::setVariable);
    if (completing) {
      // refuses over the quota with the fresh figures, whoever checked before (the domain API
      // read them before this lock); the BPMN's listener is told it passed (CompletionCheck)
      CompletionRulesInEngine.check(task, false, errors -> {});
      String by = actors.current();
      finalizations.record(campaignId, quota, by);
      outbox.publish(
          EventTypes.RESULTS_FINALIZED,
          organizationId,
          new ResultsFinalized(
              campaignId,
              organizationId,
              year,
              quota.excellent(),
              quota.good(),
              quota.maxExcellent(),
              by));
    }
  }

  /** Data of {@code vn.party.evaluation.campaign.results-finalized}. */
  public record ResultsFinalized(
      UUID campaignId,
      String organizationId,
      int year,
      int excellent,
      int good,
      int excellentAllowed,
      String finalizedBy) {}
}
