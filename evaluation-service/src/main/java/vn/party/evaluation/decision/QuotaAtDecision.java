package vn.party.evaluation.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.process.Level;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.process.validation.TextCharacters;
import vn.party.evaluation.rules.QuotaCheck;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.task.TaskWork;
import vn.party.evaluation.web.FieldProblem;

/**
 * The EXCELLENT quota at the moment of the committee's decision on the people's pages. Our choice (README): an
 * approval of EXCELLENT that would take the organization above the quota of the moment is not refused — the quota's
 * base, the members decided GOOD so far, still grows while decisions come in — but it needs an explicit confirmation
 * with a reason, recorded in the member's timeline ({@link TimelineKind#QUOTA_EXCEEDED_CONFIRMED}) in the same
 * transaction as the decision. The finalization still refuses an organization above the quota.
 */
@Component
public class QuotaAtDecision {

  /** The form fields of the confirmation (not task variables: they never reach the engine). */
  public static final String CONFIRMED = "quotaConfirmed";

  public static final String REASON = "quotaReason";

  private final OrganizationTally tally;
  private final TaskWork work;
  private final Timeline timeline;

  public QuotaAtDecision(OrganizationTally tally, TaskWork work, Timeline timeline) {
    this.tally = tally;
    this.work = work;
    this.timeline = timeline;
  }

  /** The quota as it would stand after approving one more EXCELLENT now. */
  public QuotaCheck withOneMore(OrganizationTally.Tally now) {
    QuotaCheck quota = now.quota();
    return new QuotaCheck(quota.excellent() + 1, quota.good(), quota.ratio(), quota.maxExcellent());
  }

  /** Whether these values approve EXCELLENT. */
  public static boolean approvesExcellent(Map<String, Object> values) {
    return Decision.APPROVE.name().equals(values.get(ProcessVariables.DECISION))
        && Level.EXCELLENT.name().equals(values.get(ProcessVariables.DECIDED_LEVEL));
  }

  /**
   * The refusals of a confirmation that is needed and missing or wrong; empty when none is needed or it is given.
   */
  public List<FieldProblem> problems(
      String organizationId,
      int year,
      Map<String, Object> values,
      boolean confirmed,
      String reason) {
    if (!approvesExcellent(values) || withOneMore(tally.of(organizationId, year)).withinQuota()) {
      return List.of();
    }
    if (!confirmed || reason == null || reason.isBlank()) {
      return List.of(new FieldProblem(REASON, "over-quota-unconfirmed", null));
    }
    if (reason.length() > TaskCompletionRules.MAX_TEXT_LENGTH) {
      return List.of(new FieldProblem(REASON, "too-long", null));
    }
    String characters = TextCharacters.problem(reason);
    if (characters != null) {
      return List.of(new FieldProblem(REASON, characters, null));
    }
    return List.of();
  }

  /**
   * Completes the decision and, when it approves EXCELLENT above the quota of the moment, records the confirmation
   * and its reason with the figures, in one transaction.
   */
  @Transactional
  public void decide(
      String taskId,
      String organizationId,
      int year,
      String memberId,
      Map<String, Object> values,
      String reason,
      CurrentUser user) {
    QuotaCheck after = withOneMore(tally.of(organizationId, year));
    work.complete(taskId, values, user);
    if (approvesExcellent(values) && !after.withinQuota()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("reason", reason);
      details.put("excellent", after.excellent());
      details.put("excellentAllowed", after.maxExcellent());
      details.put("good", after.good());
      timeline.record(
          year,
          memberId,
          TimelineKind.QUOTA_EXCEEDED_CONFIRMED,
          ProcessKeys.COMMITTEE_DECISION,
          taskId,
          user.userId(),
          details);
    }
  }
}
