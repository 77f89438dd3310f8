package vn.party.evaluation.campaign;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.security.Actors;

/**
 * Step start-member-batch: starts the next bounded batch of member evaluations. The step is asynchronous, so each
 * batch is its own job and transaction: a crash loses at most the batch in flight, which its job then repeats —
 * roster rows turn STARTED in the same transaction as their process instances, so nobody is started twice.
 */
@Component("memberBatchStarter")
public class MemberBatchStarter implements JavaDelegate {

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final EvaluationRecords records;
  private final Timeline timeline;
  private final RuntimeService runtimeService;
  private final CampaignProperties properties;

  public MemberBatchStarter(
      JdbcClient jdbc,
      Campaigns campaigns,
      EvaluationRecords records,
      Timeline timeline,
      RuntimeService runtimeService,
      CampaignProperties properties) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.records = records;
    this.timeline = timeline;
    this.runtimeService = runtimeService;
    this.properties = properties;
  }

  private record RosterEntry(
      String memberId,
      String fullName,
      String branchId,
      String organizationId,
      String formKind,
      boolean leadershipPost,
      String headOf) {}

  @Override
  public void execute(DelegateExecution execution) {
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    Campaign campaign = campaigns.find(campaignId).orElseThrow();
    List<RosterEntry> batch =
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
            .query(RosterEntry.class)
            .list();

    for (RosterEntry entry : batch) {
      start(campaign, entry);
    }
    if (!batch.isEmpty()) {
      jdbc.sql(
              """
              update evaluation.campaign_member set status = 'STARTED'
              where campaign_id = :id and member_id in (:members)""")
          .param("id", campaignId)
          .param("members", batch.stream().map(RosterEntry::memberId).toList())
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

  private void start(Campaign campaign, RosterEntry entry) {
    if (!records.create(
        campaign.year(),
        entry.memberId(),
        campaign.id(),
        entry.organizationId(),
        entry.branchId())) {
      return; // already has this year's evaluation
    }
    timeline.record(
        campaign.year(),
        entry.memberId(),
        TimelineKind.EVALUATION_STARTED,
        null,
        null,
        Actors.SYSTEM,
        Map.of("campaignId", campaign.id().toString(), "regulation", campaign.regulation()));
    Map<String, Object> variables = new HashMap<>();
    variables.put(CAMPAIGN_ID, campaign.id().toString());
    variables.put(YEAR, campaign.year());
    variables.put(MEMBER_ID, entry.memberId());
    variables.put(MEMBER_NAME, entry.fullName());
    variables.put(MEMBER_USER_ID, entry.memberId());
    variables.put(ORGANIZATION_ID, entry.organizationId());
    variables.put(BRANCH_ID, entry.branchId());
    variables.put(REGULATION, campaign.regulation());
    variables.put(FORM_KIND, entry.formKind());
    variables.put(LEADERSHIP_POST, entry.leadershipPost()); // Mẫu 02B
    if (entry.headOf() != null) { // a collective before its head: decided after the unit is rated
      variables.put(HEAD_OF, entry.headOf());
      variables.put(
          HEADED_UNIT_ID,
          "BRANCH".equals(entry.headOf()) ? entry.branchId() : entry.organizationId());
    }
    variables.put(BRANCH_COMMITTEE_GROUP, Groups.branchCommittee(entry.branchId()));
    variables.put(
        ORGANIZATION_COMMITTEE_GROUP, Groups.organizationCommittee(entry.organizationId()));
    variables.put(SELF_REVIEW_DUE, Date.from(campaign.selfReviewDue().toInstant()));
    variables.put(RESIDENCE_FEEDBACK_DUE, Date.from(campaign.residenceFeedbackDue().toInstant()));
    variables.put(UNIT_ASSESSMENT_DUE, Date.from(campaign.unitAssessmentDue().toInstant()));
    variables.put(BRANCH_REVIEW_DUE, Date.from(campaign.branchReviewDue().toInstant()));
    variables.put(DECISION_DUE, Date.from(campaign.decisionDue().toInstant()));
    String processInstanceId =
        runtimeService
            .startProcessInstanceByKey(
                ProcessKeys.MEMBER_EVALUATION,
                BusinessKeys.member(campaign.year(), entry.memberId()),
                variables)
            .getId();
    records.attachProcess(campaign.year(), entry.memberId(), processInstanceId);
  }
}
