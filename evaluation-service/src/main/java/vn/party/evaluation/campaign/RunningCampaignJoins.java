package vn.party.evaluation.campaign;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.campaign.flow.MemberEvaluationStarts;
import vn.party.evaluation.campaign.flow.MemberEvaluationStarts.Starting;
import vn.party.evaluation.process.DecisionStage;
import vn.party.evaluation.rules.Regulation;

/**
 * A member transferred after the launch into an organization whose campaign for the year has taken its roster
 * (README, "What each movement does to a running campaign"): whether that campaign still takes a member, and the
 * member's line on its roster with the evaluation started as its launch starts one ({@link MemberEvaluationStarts}),
 * in the movement's transaction.
 */
@Component
public class RunningCampaignJoins {

  /** Whether the organization's campaign of the year takes a member transferred in now. */
  public enum Admission {
    /** No campaign, or its roster is not taken yet: its launch evaluates the member. */
    NOT_OPEN,
    /** Running, the self-review still ahead of its members: the member joins. */
    OPEN,
    /**
     * Past the self-review stage: its self-review deadline has passed, its members' decisions are complete (it rates
     * its units, heads or results), or it is completed. A member joining now could not be reviewed with the others.
     */
    PAST_SELF_REVIEW
  }

  /**
   * @param rated whether the campaign's regulation rates the member (else the line is NOT_RATED with the reason)
   * @param processInstanceId the member's evaluation started, null when not rated
   */
  public record Joined(UUID campaignId, boolean rated, String reason, String processInstanceId) {}

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final RosterPreparer eligibility;
  private final MemberEvaluationStarts starts;

  public RunningCampaignJoins(
      JdbcClient jdbc,
      Campaigns campaigns,
      RosterPreparer eligibility,
      MemberEvaluationStarts starts) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.eligibility = eligibility;
    this.starts = starts;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Admission admission(String organizationId, int year) {
    Optional<Campaign> found = campaigns.idOf(organizationId, year).flatMap(campaigns::find);
    if (found.isEmpty() || !found.get().rosterPrepared()) {
      return Admission.NOT_OPEN;
    }
    Campaign campaign = found.get();
    boolean past =
        campaign.status() == CampaignStatus.COMPLETED
            || !campaign.selfReviewDue().isAfter(OffsetDateTime.now())
            || (campaign.decisionStage() != null
                && !DecisionStage.MEMBERS.name().equals(campaign.decisionStage()))
            || campaigns.completedStage(campaign).isPresent();
    return past ? Admission.PAST_SELF_REVIEW : Admission.OPEN;
  }

  /**
   * Puts the member (already in a branch of the organization) on the roster of its campaign of the year, as its
   * launch would have: the regulation's eligibility, the line, the counts, and for a rated member the evaluation
   * started in the member's branch. Call after {@link #admission} answered OPEN, in the same transaction.
   *
   * @return empty when the member is on that roster already (a movement recorded twice starts nobody twice); a
   *     member whose line there a transfer ended (TRANSFERRED_ELSEWHERE) is put on it again and started afresh
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Joined> join(String organizationId, int year, String memberId) {
    UUID id = campaigns.idOf(organizationId, year).orElseThrow();
    Campaign campaign = // the campaign row's lock orders this with the decisions' counts
        jdbc.sql("select * from evaluation.campaign where id = :id for update")
            .param("id", id)
            .query(Campaign.class)
            .single();
    Campaigns.Candidate candidate =
        campaigns.candidates(id).stream()
            .filter(c -> c.memberId().equals(memberId))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException(memberId + " is not in " + organizationId));
    Campaigns.RosterEntry entry =
        eligibility.entry(candidate, Regulation.fromCode(campaign.regulation()), year);
    // a member coming back, whose line here a transfer ended, is put on it again
    Optional<Boolean> wasEnded =
        jdbc.sql(
                """
            insert into evaluation.campaign_member (campaign_id, member_id, status, reason, form_kind, rule_id, head_of)
            values (:id, :member, :status, :reason, :form, :rule, :head)
            on conflict (campaign_id, member_id) do update set status = excluded.status, reason = excluded.reason,
              form_kind = excluded.form_kind, rule_id = excluded.rule_id, head_of = excluded.head_of
            where evaluation.campaign_member.status = 'NOT_RATED'
              and evaluation.campaign_member.reason = 'TRANSFERRED_ELSEWHERE'
            returning (xmax <> 0) as was_ended""")
            .param("id", id)
            .param("member", memberId)
            .param("status", entry.rated() ? "STARTED" : "NOT_RATED")
            .param("reason", entry.reason())
            .param("form", entry.formKind())
            .param("rule", entry.ruleId())
            .param("head", entry.headOf())
            .query(Boolean.class)
            .optional();
    if (wasEnded.isEmpty()) {
      return Optional.empty();
    }
    jdbc.sql(
            """
            update evaluation.campaign set
              members_total = members_total + case when :rated then 1 else 0 end,
              members_started = members_started + case when :rated then 1 else 0 end,
              members_not_rated = members_not_rated + case when :rated then 0 else 1 end
                - case when :wasEnded then 1 else 0 end
            where id = :id""")
        .param("rated", entry.rated())
        .param("wasEnded", wasEnded.get())
        .param("id", id)
        .update();
    if (!entry.rated()) {
      return Optional.of(new Joined(id, false, entry.reason(), null));
    }
    Starting starting =
        jdbc.sql(
                """
            select m.full_name, m.branch_id, b.organization_id, m.leadership_post
            from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
            where m.id = :member""")
            .param("member", memberId)
            .query(
                (rs, i) ->
                    new Starting(
                        memberId,
                        rs.getString("full_name"),
                        rs.getString("branch_id"),
                        rs.getString("organization_id"),
                        entry.formKind(),
                        rs.getBoolean("leadership_post"),
                        entry.headOf()))
            .single();
    String process = starts.start(campaign, starting);
    if (process == null) {
      throw new IllegalStateException(memberId + " has an evaluation of " + year + " not ended");
    }
    return Optional.of(new Joined(id, true, entry.reason(), process));
  }
}
