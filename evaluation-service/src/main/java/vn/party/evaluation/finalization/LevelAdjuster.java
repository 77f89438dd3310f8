package vn.party.evaluation.finalization;

import static vn.party.evaluation.process.validation.TaskCompletionRules.ADJUSTED_LEVEL;
import static vn.party.evaluation.process.validation.TaskCompletionRules.ADJUSTMENT_REASON;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.campaign.Campaign;
import vn.party.evaluation.campaign.Campaigns;
import vn.party.evaluation.campaign.Finalizations;
import vn.party.evaluation.caps.MemberFactStore;
import vn.party.evaluation.decision.OrganizationTally;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.finalization.AdjustmentApi.AdjustLevelRequest;
import vn.party.evaluation.finalization.LevelAdjustments.LevelAdjustment;
import vn.party.evaluation.finalization.flow.FinalizationProcess;
import vn.party.evaluation.finalization.flow.FinalizationQuota;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.LevelCaps;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldErrorProblems;

/**
 * The grassroots committee changes a decided level, with a reason, while its finalize-results task is open (to bring
 * the organization within the EXCELLENT quota). One transaction: the adjustment record (the earlier level stays
 * visible), the evaluation's level, the timeline, the event, and the task's quota figures.
 */
@Service
public class LevelAdjuster {

  private final EvaluationRecords records;
  private final Campaigns campaigns;
  private final LevelAdjustments adjustments;
  private final Finalizations finalizations;
  private final MemberFactStore facts;
  private final OrganizationTally tally;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final FinalizationProcess process;
  private final FieldErrorProblems fieldErrors;

  public LevelAdjuster(
      EvaluationRecords records,
      Campaigns campaigns,
      LevelAdjustments adjustments,
      Finalizations finalizations,
      MemberFactStore facts,
      OrganizationTally tally,
      Timeline timeline,
      Outbox outbox,
      People people,
      FinalizationProcess process,
      FieldErrorProblems fieldErrors) {
    this.records = records;
    this.campaigns = campaigns;
    this.adjustments = adjustments;
    this.finalizations = finalizations;
    this.facts = facts;
    this.tally = tally;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.process = process;
    this.fieldErrors = fieldErrors;
  }

  /** Data of {@code vn.party.evaluation.member.level-adjusted}. */
  public record MemberLevelAdjusted(
      String memberId,
      String memberName,
      int year,
      String organizationId,
      String fromLevel,
      String toLevel,
      String reason,
      String adjustedBy,
      String adjustedAt,
      List<Recipient> recipients) {}

  /**
   * 404 no such evaluation (the controller answers 403 first to whoever may not read it: no oracle); 403 not the member's grassroots committee, or the member themselves; 400 a missing or unknown level, a missing
   * reason, the same level, a level above the member's cap; 409 the organization's finalization is not open or the
   * member is not decided.
   */
  @Transactional
  public LevelAdjustment adjust(
      int year, String memberId, AdjustLevelRequest request, CurrentUser user) {
    EvaluationRecord record =
        records
            .find(year, memberId)
            .orElseThrow(() -> ApiException.notFound("error.evaluation.not-found", year, memberId));
    if (!user.inOrganizationCommittee(record.organizationId())) {
      throw ApiException.forbidden();
    }
    if (user.userId().equals(memberId)) {
      // recusal: a committee member never adjusts their own level (issue 12, outsider's finding 1)
      throw ApiException.ownRecord();
    }
    Map<String, Object> checked = capInputs(record);
    checked.put(ADJUSTED_LEVEL, request == null ? null : request.level());
    checked.put(ADJUSTMENT_REASON, request == null ? null : request.reason());
    List<FieldError> errors = TaskCompletionRules.checkAdjustment(checked);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(fieldErrors.of(errors));
    }
    Campaign campaign = campaigns.find(record.campaignId()).orElseThrow();
    finalizations.lockCampaign(campaign.id());
    if (!finalizationOpen(campaign)) {
      throw ApiException.conflict("error.adjustment.not-open", record.organizationId(), year);
    }
    String from = record.decidedLevel();
    if (from == null) {
      throw ApiException.conflict("error.adjustment.not-decided", memberId, year);
    }
    String to = request.level();
    if (to.equals(from)) {
      throw ApiException.invalid(
          List.of(fieldErrors.of(new FieldError(ADJUSTED_LEVEL, "unchanged"))));
    }
    String reason = request.reason().strip();

    LevelAdjustment adjustment =
        adjustments.insert(
            year,
            memberId,
            campaign.id(),
            record.organizationId(),
            from,
            to,
            reason,
            user.userId());
    records.levelAdjusted(year, memberId, to);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("fromLevel", from);
    details.put("toLevel", to);
    details.put("reason", reason);
    details.put("originalLevel", adjustments.of(year, memberId).get(0).fromLevel());
    timeline.record(
        year,
        memberId,
        TimelineKind.LEVEL_ADJUSTED,
        ProcessKeys.FINALIZE_RESULTS,
        null,
        user.userId(),
        details);
    outbox.publish(
        EventTypes.MEMBER_LEVEL_ADJUSTED,
        memberId,
        new MemberLevelAdjusted(
            memberId,
            record.memberName(),
            year,
            record.organizationId(),
            from,
            to,
            reason,
            user.userId(),
            OffsetDateTime.now(ZoneOffset.UTC).toString(),
            people.user(memberId)));
    // the open task shows the figures it will be checked on (its completion counts again anyway)
    var quota = tally.of(record.organizationId(), year).quota();
    process.setVariables(campaign.processInstanceId(), FinalizationQuota.figures(quota));
    return adjustment;
  }

  /** Whether the campaign's finalize-results task is open. */
  public boolean finalizationOpen(Campaign campaign) {
    return process.open(campaign.processInstanceId());
  }

  /**
   * What the member's cap is computed from: the regulation and the branch's facts as the evaluation ended, and the
   * system facts as they are now (a discipline may have arrived since).
   */
  private Map<String, Object> capInputs(EvaluationRecord record) {
    Map<String, Object> inputs = new HashMap<>();
    if (record.processInstanceId() != null) {
      inputs.putAll(process.historicVariables(record.processInstanceId(), LevelCaps.INPUTS));
    }
    inputs.putAll(facts.facts(record.year(), record.memberId()).variables());
    return inputs;
  }
}
