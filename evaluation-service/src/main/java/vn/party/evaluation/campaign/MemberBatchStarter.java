package vn.party.evaluation.campaign;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.campaign.flow.MemberEvaluationStarts;
import vn.party.evaluation.campaign.flow.MemberEvaluationStarts.Starting;

/**
 * Step start-member-batch: starts the next bounded batch of member evaluations. The step is asynchronous, so each
 * batch is its own job and transaction: a crash loses at most the batch in flight, which its job then repeats —
 * roster rows turn STARTED in the same transaction as their process instances, so nobody is started twice. Each
 * member is started by {@link MemberEvaluationStarts}, as a member joining a running campaign is.
 */
@Component("memberBatchStarter")
public class MemberBatchStarter implements JavaDelegate {

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final MemberEvaluationStarts starts;
  private final CampaignProperties properties;

  public MemberBatchStarter(
      JdbcClient jdbc,
      Campaigns campaigns,
      MemberEvaluationStarts starts,
      CampaignProperties properties) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.starts = starts;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    Campaign campaign = campaigns.find(campaignId).orElseThrow();
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
            .param("limit", properties.launchBatchSize())
            .query(Starting.class)
            .list();

    for (Starting entry : batch) {
      starts.start(campaign, entry);
    }
    if (!batch.isEmpty()) {
      jdbc.sql(
              """
              update evaluation.campaign_member set status = 'STARTED'
              where campaign_id = :id and member_id in (:members)""")
          .param("id", campaignId)
          .param("members", batch.stream().map(Starting::memberId).toList())
          .update();
    }
    int remaining =
        jdbc.sql(
                "select count(*) from evaluation.campaign_member where campaign_id = :id and status = 'PENDING'")
            .param("id", campaignId)
            .query(Integer.class)
            .single();
    campaigns.markStarted(campaignId, batch.size(), remaining == 0);
    Campaign now = campaigns.find(campaignId).orElseThrow();

    execution.setVariable(REMAINING_MEMBERS, remaining);
    // read only by campaigns started before the decision stages (they wait for all members after
    // the last batch)
    execution.setVariable(
        ALL_MEMBERS_DECIDED, remaining == 0 && now.membersDecided() >= now.membersTotal());
  }
}
