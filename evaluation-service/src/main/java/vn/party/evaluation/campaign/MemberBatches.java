package vn.party.evaluation.campaign;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.campaign.flow.MemberEvaluationStarts;
import vn.party.evaluation.campaign.flow.MemberEvaluationStarts.Starting;

/**
 * A campaign's launch, batch by batch (steps start-member-batch and check-launch-complete of evaluation-campaign).
 * Each batch is a job and a transaction of its own: a crash loses at most the batches in flight, which their jobs
 * then repeat — roster rows turn STARTED in the same transaction as their process instances, so nobody is started
 * twice. Several lanes take batches at the same time: a batch takes its roster rows {@code for update skip locked},
 * so two lanes never take the same member. Each member is started by {@link MemberEvaluationStarts}, as a member
 * joining a running campaign is.
 */
@Component
public class MemberBatches {

  /**
   * One batch taken and started.
   *
   * @param started members started by it
   * @param full whether it was a full batch ({@code launch-batch-size}): more members may be waiting; a batch that is
   *     not full took every PENDING roster row that no other batch in flight holds
   */
  public record Pass(int started, boolean full) {}

  /**
   * After a pass of the one loop of a campaign started before the lanes.
   *
   * @param remainingMembers rated members not started yet
   * @param allMembersDecided none remaining and every started member decided
   */
  public record SingleLoopPass(int remainingMembers, boolean allMembersDecided) {}

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final MemberEvaluationStarts starts;
  private final CampaignProperties properties;

  public MemberBatches(
      JdbcClient jdbc,
      Campaigns campaigns,
      MemberEvaluationStarts starts,
      CampaignProperties properties) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.starts = starts;
    this.properties = properties;
  }

  /** Takes at most {@code launch-batch-size} PENDING roster rows no other batch holds and starts their members. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Pass startNext(UUID campaignId) {
    Campaign campaign = campaigns.find(campaignId).orElseThrow();
    int limit = properties.launchBatchSize();
    List<Starting> batch =
        jdbc.sql(
                """
            select cm.member_id, m.full_name, m.branch_id, b.organization_id, cm.form_kind, m.leadership_post,
                   cm.head_of
            from evaluation.campaign_member cm
            join evaluation.party_member m on m.id = cm.member_id
            join evaluation.branch b on b.id = m.branch_id
            where cm.campaign_id = :id and cm.status = 'PENDING'
            order by cm.member_id limit :limit
            for update of cm skip locked""")
            .param("id", campaignId)
            .param("limit", limit)
            .query(Starting.class)
            .list();

    starts.startAll(campaign, batch);
    if (!batch.isEmpty()) {
      jdbc.sql(
              """
              update evaluation.campaign_member set status = 'STARTED'
              where campaign_id = :id and member_id in (:members)""")
          .param("id", campaignId)
          .param("members", batch.stream().map(Starting::memberId).toList())
          .update();
      campaigns.markStarted(campaignId, batch.size());
    }
    return new Pass(batch.size(), batch.size() == limit);
  }

  /**
   * Once every lane has ended no batch is in flight, so the PENDING roster rows are exactly the members nobody has
   * started. None: the campaign is marked started (RUNNING) — here, once, whichever lane ended last. Some (a member
   * skipped while a movement held its roster line, the movement then rolled back): the launch goes round again.
   *
   * @return rated members not started yet
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int completeLaunch(UUID campaignId) {
    int remaining = campaigns.pendingMembers(campaignId);
    if (remaining == 0) {
      campaigns.markLaunched(campaignId);
    }
    return remaining;
  }

  /**
   * What the one loop of a campaign started before the lanes reads after each pass (its only pass in flight); its
   * last pass marks the campaign started.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public SingleLoopPass afterSingleLoopPass(UUID campaignId) {
    int remaining = completeLaunch(campaignId);
    Campaign now = campaigns.find(campaignId).orElseThrow();
    return new SingleLoopPass(
        remaining, remaining == 0 && now.membersDecided() >= now.membersTotal());
  }
}
