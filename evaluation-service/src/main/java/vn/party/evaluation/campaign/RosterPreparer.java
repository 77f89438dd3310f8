package vn.party.evaluation.campaign;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.rules.Eligibility;
import vn.party.evaluation.rules.MemberFacts;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.rules.RuleBook;

/**
 * Step prepare-roster: decides for each member of the organization, by the campaign's regulation, whether they
 * are rated (and on which form) or not (and why), and tells the world the campaign has started.
 */
@Component("rosterPreparer")
public class RosterPreparer implements JavaDelegate {

  private static final int MONTHS_OF_AN_ESTABLISHED_MEMBER = 12;

  private final Campaigns campaigns;
  private final Outbox outbox;
  private final RuleBook rules;

  public RosterPreparer(Campaigns campaigns, Outbox outbox, RuleBook rules) {
    this.campaigns = campaigns;
    this.outbox = outbox;
    this.rules = rules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID id = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    Campaign campaign = campaigns.find(id).orElseThrow();
    Regulation regulation = Regulation.fromCode(campaign.regulation());
    List<Campaigns.RosterEntry> roster =
        campaigns.candidates(id).stream()
            .map(candidate -> entry(candidate, regulation, campaign.year()))
            .toList();
    int total = campaigns.prepareRoster(id, roster);
    outbox.publish(
        EventTypes.CAMPAIGN_STARTED,
        campaign.organizationId(),
        new CampaignEvents.Started(
            id,
            campaign.organizationId(),
            campaign.year(),
            campaign.regulation(),
            total,
            roster.size() - total,
            new CampaignEvents.Deadlines(
                campaign.selfReviewDue(),
                campaign.residenceFeedbackDue(),
                campaign.branchReviewDue(),
                campaign.decisionDue())));
  }

  /**
   * The member-eligibility decision of the campaign's regulation, for one member (also for a member joining the
   * running campaign: {@link RunningCampaignJoins}).
   */
  Campaigns.RosterEntry entry(Campaigns.Candidate candidate, Regulation regulation, int year) {
    MemberFacts.Builder facts =
        MemberFacts.builder()
            .exempted(candidate.exempted())
            .suspended(candidate.suspended())
            .probationary("PROBATIONARY".equals(candidate.membership()));
    // no admission date on file: an established member, well past the six months
    facts =
        candidate.admittedOn() == null
            ? facts.monthsSinceAdmission(MONTHS_OF_AN_ESTABLISHED_MEMBER)
            : facts.admittedOn(candidate.admittedOn(), year);
    Eligibility eligibility = rules.eligibility(regulation, facts.build());
    return new Campaigns.RosterEntry(
        candidate.memberId(),
        eligibility.rated(),
        eligibility.reason().name(),
        eligibility.form().map(Enum::name).orElse(null),
        eligibility.rule().ruleId(),
        candidate.headOf());
  }
}
