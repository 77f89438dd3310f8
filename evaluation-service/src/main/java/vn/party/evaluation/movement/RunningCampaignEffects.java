package vn.party.evaluation.movement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.campaign.Campaigns;
import vn.party.evaluation.campaign.RunningCampaignJoins;
import vn.party.evaluation.movement.MovementSettings.RecognitionRule;
import vn.party.evaluation.movement.MovementSettings.TransferRule;
import vn.party.evaluation.movement.flow.RunningEvaluationProcesses;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.EvaluationStatus;
import vn.party.evaluation.roster.MemberRoster;
import vn.party.evaluation.rules.ReasonCode;

/**
 * What a movement does to the campaigns not yet completed that have the member on their roster (README, "What each
 * movement does to a running campaign"), in the movement's transaction:
 * <ul>
 *   <li>LEAVING, DEATH, TRANSFER_OUT: the member's evaluation ends — the process with the reason, the evaluation
 *       ENDED (kept, with its history), the roster line NOT_RATED with the reason, the campaign's counts and decision
 *       stage as if it had never been rated;</li>
 *   <li>TRANSFER after the launch: evaluated where the member spent most of the year ({@link MovementSettings}); the
 *       evaluation moves to the new branch of the same organization; to another organization it ends here
 *       (TRANSFERRED_ELSEWHERE) and that organization's launch evaluates the member when its campaign is still to
 *       open, or, when its campaign is running, the member's evaluation starts there at once as its launch starts
 *       one ({@link RunningCampaignJoins}); if that campaign is past its self-review, the evaluation stays where it
 *       started (KEPT, rule RECEIVING_CAMPAIGN_PAST_SELF_REVIEW);</li>
 *   <li>RECOGNITION: the form decided at launch stays, or the official form while the self-review is not submitted
 *       ({@link MovementSettings});</li>
 *   <li>a decided evaluation, or a member the launch did not rate, is left as it is.</li>
 * </ul>
 * Every effect is written in the evaluation's timeline.
 */
@Component
public class RunningCampaignEffects {

  /** What the movement did to the running campaign (member_movement.campaign_effect). */
  public enum Effect {
    NONE,
    ENDED,
    MOVED,
    KEPT,
    FORM_CHANGED,
    /** Ended here and started in the receiving organization's running campaign. */
    TRANSFERRED
  }

  private record Line(
      UUID campaignId, int year, String organizationId, String memberId, String status) {}

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final EvaluationRecords records;
  private final Timeline timeline;
  private final RunningEvaluationProcesses processes;
  private final MovementSettings settings;
  private final RunningCampaignJoins joins;

  public RunningCampaignEffects(
      JdbcClient jdbc,
      Campaigns campaigns,
      EvaluationRecords records,
      Timeline timeline,
      RunningEvaluationProcesses processes,
      MovementSettings settings,
      RunningCampaignJoins joins) {
    this.joins = joins;
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.records = records;
    this.timeline = timeline;
    this.processes = processes;
    this.settings = settings;
  }

  /**
   * @param before the member's roster as it was before the movement
   * @param toBranch, toOrganization the unit joined (TRANSFER), else null
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Effect apply(
      MemberRoster before,
      String kind,
      LocalDate on,
      String toBranch,
      String toOrganization,
      String reason,
      String by) {
    Effect effect = Effect.NONE;
    List<Line> lines =
        jdbc.sql(
                """
            select c.id as campaign_id, c.year, c.organization_id, cm.member_id, cm.status
            from evaluation.campaign_member cm join evaluation.campaign c on c.id = cm.campaign_id
            where cm.member_id = :m and c.status <> 'COMPLETED' order by c.year""")
            .param("m", before.id())
            .query(Line.class)
            .list();
    for (Line line : lines) {
      if (!"PENDING".equals(line.status()) && !"STARTED".equals(line.status())) {
        continue; // decided, or not rated at launch: the movement changes nothing there
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("movement", kind);
      details.put("movedOn", on.toString());
      details.put("movementReason", reason);
      Effect here =
          switch (kind) {
            case "LEAVING" -> end(line, ReasonCode.LEFT_THE_PARTY, reason, by, details);
            case "DEATH" -> end(line, ReasonCode.DECEASED, reason, by, details);
            case "TRANSFER_OUT" -> end(line, ReasonCode.TRANSFERRED_OUT, reason, by, details);
            case "TRANSFER" ->
                transfer(line, before, on, toBranch, toOrganization, reason, by, details);
            case "RECOGNITION" -> recognition(line, by, details);
            default -> Effect.NONE;
          };
      effect = here == Effect.NONE ? effect : here;
    }
    return effect;
  }

  /** Whether the unit joined on {@code on} is where the member spends more days of {@code year} (ties: the old). */
  static boolean newUnitHasMostOfYear(int year, LocalDate on) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year + 1, 1, 1);
    LocalDate clamped = on.isBefore(first) ? first : on.isAfter(end) ? end : on;
    return ChronoUnit.DAYS.between(clamped, end) > ChronoUnit.DAYS.between(first, clamped);
  }

  private Effect transfer(
      Line line,
      MemberRoster before,
      LocalDate on,
      String toBranch,
      String toOrganization,
      String reason,
      String by,
      Map<String, Object> details) {
    details.put("fromUnitId", before.branchId());
    details.put("toUnitId", toBranch);
    boolean newUnit =
        switch (settings.transferAfterLaunch()) {
          case WHERE_STARTED -> false;
          case NEW_UNIT -> true;
          case MOST_OF_YEAR -> newUnitHasMostOfYear(line.year(), on);
        };
    details.put(
        "movementRule",
        settings.transferAfterLaunch()
            + (settings.transferAfterLaunch() == TransferRule.MOST_OF_YEAR
                ? (newUnit ? "_NEW" : "_OLD")
                : ""));
    if (!newUnit && "STARTED".equals(line.status())) {
      return kept(line, before.id(), by, details);
    }
    if (toOrganization.equals(line.organizationId())) {
      if ("PENDING".equals(line.status())) {
        return Effect
            .NONE; // not started yet: its batch starts it in the branch the member is in by then
      }
      EvaluationRecord evaluation = records.find(line.year(), before.id()).orElseThrow();
      records.movedToBranch(line.year(), before.id(), toBranch);
      processes.moveToBranch(
          evaluation.processInstanceId(),
          toBranch,
          Groups.branchCommittee(evaluation.branchId()),
          Groups.branchCommittee(toBranch));
      timeline.record(
          line.year(), before.id(), TimelineKind.EVALUATION_MOVED, null, null, by, details);
      return Effect.MOVED;
    }
    RunningCampaignJoins.Admission admission = joins.admission(toOrganization, line.year());
    if (admission == RunningCampaignJoins.Admission.PAST_SELF_REVIEW
        && "STARTED".equals(line.status())) {
      // the receiving campaign's members are past their self-review: the evaluation stays where it
      // started
      details.put("movementRule", "RECEIVING_CAMPAIGN_PAST_SELF_REVIEW");
      return kept(line, before.id(), by, details);
    }
    Effect ended = end(line, ReasonCode.TRANSFERRED_ELSEWHERE, reason, by, details);
    if (ended != Effect.ENDED || admission != RunningCampaignJoins.Admission.OPEN) {
      return ended; // not open yet: its launch evaluates the member
    }
    // its campaign is running: the member's evaluation starts there, as its launch starts one
    return joins.join(toOrganization, line.year(), before.id()).isPresent()
        ? Effect.TRANSFERRED
        : Effect.ENDED;
  }

  private Effect recognition(Line line, String by, Map<String, Object> details) {
    if (!"STARTED".equals(line.status())) {
      return Effect.NONE; // not started yet: started with the form decided at launch
    }
    EvaluationRecord evaluation = records.find(line.year(), line.memberId()).orElseThrow();
    if (settings.recognitionAfterLaunch() == RecognitionRule.OFFICIAL_FORM
        && evaluation.status() == EvaluationStatus.SELF_REVIEW) {
      jdbc.sql(
              """
              update evaluation.campaign_member set form_kind = 'OFFICIAL'
              where campaign_id = :c and member_id = :m""")
          .param("c", line.campaignId())
          .param("m", line.memberId())
          .update();
      processes.formKind(evaluation.processInstanceId(), "OFFICIAL");
      details.put("movementRule", "OFFICIAL_FORM");
      timeline.record(
          line.year(), line.memberId(), TimelineKind.MOVEMENT_RECORDED, null, null, by, details);
      return Effect.FORM_CHANGED;
    }
    details.put("movementRule", "KEEP_FORM");
    return kept(line, line.memberId(), by, details);
  }

  private Effect kept(Line line, String memberId, String by, Map<String, Object> details) {
    timeline.record(line.year(), memberId, TimelineKind.MOVEMENT_RECORDED, null, null, by, details);
    return Effect.KEPT;
  }

  /** Off the rated roster, the process ended with the reason, the evaluation ENDED; the stage may be complete now. */
  private Effect end(
      Line line, ReasonCode code, String reason, String by, Map<String, Object> details) {
    Optional<Campaigns.Withdrawal> withdrawal =
        campaigns.memberWithdrawn(line.campaignId(), line.memberId(), code.name());
    if (withdrawal.isEmpty()) {
      return Effect.NONE;
    }
    if (withdrawal.get().started()) {
      records
          .find(line.year(), line.memberId())
          .ifPresent(
              evaluation -> {
                records.ended(line.year(), line.memberId(), code.name());
                processes.end(evaluation.processInstanceId(), code.englishLabel() + ": " + reason);
              });
    }
    timeline.record(
        line.year(), line.memberId(), TimelineKind.EVALUATION_ENDED, null, null, by, details);
    campaigns
        .completedStage(withdrawal.get().campaign())
        .ifPresent(
            stage ->
                processes.stageComplete(
                    stage.message(), BusinessKeys.campaign(line.year(), line.organizationId())));
    return Effect.ENDED;
  }
}
