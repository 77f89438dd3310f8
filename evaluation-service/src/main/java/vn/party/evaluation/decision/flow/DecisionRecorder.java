package vn.party.evaluation.decision.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.EvaluationProperties;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.campaign.Campaigns;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.security.Actors;
import vn.party.evaluation.security.SystemAccess;

/**
 * Step record-decision: the grassroots committee's approval becomes the member's result — stored, counted for the
 * campaign, told on Kafka; the decision that completes the campaign's open stage (everyone but the heads, the branch
 * heads, everyone) lets the campaign go on.
 */
@Component("decisionRecorder")
public class DecisionRecorder implements JavaDelegate {

  private final EvaluationRecords records;
  private final Campaigns campaigns;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final Actors actors;
  private final RuntimeService runtimeService;
  private final SystemAccess system;
  private final EvaluationProperties properties;

  public DecisionRecorder(
      EvaluationRecords records,
      Campaigns campaigns,
      Timeline timeline,
      Outbox outbox,
      People people,
      Actors actors,
      RuntimeService runtimeService,
      SystemAccess system,
      EvaluationProperties properties) {
    this.records = records;
    this.campaigns = campaigns;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.actors = actors;
    this.runtimeService = runtimeService;
    this.system = system;
    this.properties = properties;
  }

  /**
   * Data of vn.party.evaluation.member.decided.
   *
   * @param aboveQuota EXCELLENT approved above the quota with a reason: the level may change when the results are
   *     finalized, and the member's notice says so
   * @param evaluationUrl the member's record page, which the notice links to
   */
  public record MemberDecided(
      String memberId,
      String memberName,
      int year,
      String organizationId,
      String decidedLevel,
      String decisionComment,
      boolean aboveQuota,
      String evaluationUrl,
      String decidedBy,
      String decidedAt,
      List<Recipient> recipients) {}

  @Override
  public void execute(DelegateExecution execution) {
    int year = year(execution);
    String memberId = memberId(execution);
    String level = (String) execution.getVariable(DECIDED_LEVEL);
    String comment = (String) execution.getVariable(DECISION_COMMENT);
    String decidedBy = actors.current();

    records.decided(year, memberId, level, comment, decidedBy);
    timeline.record(
        year,
        memberId,
        TimelineKind.DECIDED,
        null,
        null,
        decidedBy,
        comment == null
            ? Map.of("decidedLevel", level)
            : Map.of("decidedLevel", level, "decisionComment", comment));
    // the branch's proposal from its one place, the record (README "One place of truth")
    String proposed =
        records.find(year, memberId).map(EvaluationRecord::branchProposedLevel).orElse(null);
    if (proposed != null && !proposed.equals(level)) {
      // approved another level than the branch proposed: an adjustment, its reason required by the
      // completion rules
      timeline.record(
          year,
          memberId,
          TimelineKind.LEVEL_ADJUSTED,
          ProcessKeys.COMMITTEE_DECISION,
          null,
          decidedBy,
          Map.of(
              "branchProposedLevel",
              proposed,
              "decidedLevel",
              level,
              "reason",
              comment == null ? "" : comment));
    }
    outbox.publish(
        EventTypes.MEMBER_DECIDED,
        memberId,
        new MemberDecided(
            memberId,
            (String) execution.getVariable(MEMBER_NAME),
            year,
            (String) execution.getVariable(ORGANIZATION_ID),
            level,
            comment,
            aboveQuota(execution, level),
            properties.publicUrl() + "/app/evaluations/" + year + "/" + memberId,
            decidedBy,
            OffsetDateTime.now(ZoneOffset.UTC).toString(),
            people.user(memberId)));

    // correlateAll: while the last batch is still being started, or before the campaign opens the
    // stage, it is not waiting yet; it then counts the decisions itself (DecisionStageOpener).
    // Counted just before the commit, after the person's command has ended: the campaign going on
    // is
    // the process's own step, so it runs as the system, not as a new command of the person's
    campaigns.memberDecided(
        UUID.fromString((String) execution.getVariable(CAMPAIGN_ID)),
        memberId,
        campaign ->
            campaigns
                .completedStage(campaign)
                .ifPresent(
                    stage ->
                        system.call(
                            () ->
                                runtimeService
                                    .createMessageCorrelation(stage.message())
                                    .processInstanceBusinessKey(
                                        BusinessKeys.campaign(
                                            campaign.year(), campaign.organizationId()))
                                    .correlateAllWithResult())));
  }

  /**
   * An EXCELLENT approved above the quota of the moment carries the committee's reason for it (QuotaAtDecision
   * refuses it without one); the finalization may still bring it back within the quota.
   */
  private static boolean aboveQuota(DelegateExecution execution, String level) {
    return Level.EXCELLENT.name().equals(level)
        && execution.getVariable(QUOTA_REASON) instanceof String reason
        && !reason.isBlank();
  }
}
