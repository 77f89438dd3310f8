package vn.party.evaluation.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.completion.CompletionGuard;
import vn.party.evaluation.completion.Submission;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.QuotaCheck;
import vn.party.evaluation.web.FieldProblem;

/**
 * The EXCELLENT quota at the moment of the committee's decision, at every door (the domain API, the pages, Tasklist
 * and the engine REST API: a {@link CompletionGuard} on the one completion path). Our choice (README): an approval of
 * EXCELLENT that would take the organization above the quota of the moment is not refused — the quota's base, the
 * members decided GOOD so far, still grows while decisions come in — but it needs the reason in the decision's field
 * {@code quotaReason} (at least {@link #MIN_REASON_LENGTH} letters or digits: eleven dots are no reason), recorded in the member's timeline
 * ({@link TimelineKind#QUOTA_EXCEEDED_CONFIRMED}) inside the completion's transaction. Without it the completion is
 * refused (400, field {@code quotaReason}). The finalization still refuses an organization above the quota.
 */
@Component
public class QuotaAtDecision implements CompletionGuard {

  /** The page's own confirmation tick (not a task variable: it never reaches the engine). */
  public static final String CONFIRMED = "quotaConfirmed";

  public static final String REASON = ProcessVariables.QUOTA_REASON;

  /**
   * The fewest letters or digits a reason for going above the quota has (a word or two, or punctuation, is no
   * reason); letters that show nothing (the Hangul filler U+3164) are not counted ({@link TextCharacters#shows}).
   */
  public static final int MIN_REASON_LENGTH = 10;

  private final OrganizationTally tally;
  private final EvaluationRecords records;
  private final Timeline timeline;

  public QuotaAtDecision(OrganizationTally tally, EvaluationRecords records, Timeline timeline) {
    this.tally = tally;
    this.records = records;
    this.timeline = timeline;
  }

  /** The quota as it would stand after approving one more EXCELLENT now. */
  public QuotaCheck withOneMore(OrganizationTally.Tally now) {
    QuotaCheck quota = now.quota();
    return new QuotaCheck(quota.excellent() + 1, quota.good(), quota.ratio(), quota.maxExcellent());
  }

  /** Whether these values approve EXCELLENT. */
  public static boolean approvesExcellent(Map<String, ?> values) {
    return Decision.APPROVE.name().equals(values.get(ProcessVariables.DECISION))
        && Level.EXCELLENT.name().equals(values.get(ProcessVariables.DECIDED_LEVEL));
  }

  /** Whether a reason says enough to be one. */
  public static boolean sufficient(Object reason) {
    return reason instanceof String text
        && text.codePoints()
                .filter(c -> Character.isLetterOrDigit(c) && TextCharacters.shows(c))
                .count()
            >= MIN_REASON_LENGTH;
  }

  /** The quota after this submission's approval when it approves EXCELLENT above the quota; empty otherwise. */
  private Optional<QuotaCheck> aboveQuota(Submission submission) {
    if (!ProcessKeys.COMMITTEE_DECISION.equals(submission.taskKey())
        || !approvesExcellent(submission.values())) {
      return Optional.empty();
    }
    return records
        .find(submission.year(), submission.subject())
        .map(record -> withOneMore(tally.of(record.organizationId(), record.year())))
        .filter(after -> !after.withinQuota());
  }

  @Override
  public List<FieldError> refusals(Submission submission) {
    return aboveQuota(submission)
        .filter(after -> !sufficient(submission.values().get(REASON)))
        .map(
            after ->
                List.of(
                    new FieldError(
                        REASON,
                        FieldError.OVER_QUOTA_REASON_REQUIRED,
                        null,
                        after,
                        null,
                        MIN_REASON_LENGTH)))
        .orElse(List.of());
  }

  /**
   * The page's own step before the completion: approving EXCELLENT above the quota needs the tick as well as the
   * reason; empty when none is needed or it is given.
   */
  public List<FieldProblem> unconfirmed(
      String organizationId, int year, Map<String, Object> values, boolean confirmed) {
    if (confirmed
        || !approvesExcellent(values)
        || withOneMore(tally.of(organizationId, year)).withinQuota()) {
      return List.of();
    }
    return List.of(new FieldProblem(REASON, "over-quota-unconfirmed", null));
  }

  /** Records the approval above the quota with its reason and the figures (the completion's transaction). */
  @Override
  public void completed(Submission submission) {
    aboveQuota(submission)
        .filter(after -> sufficient(submission.values().get(REASON)))
        .ifPresent(
            after -> {
              Map<String, Object> details = new LinkedHashMap<>();
              details.put(REASON, ((String) submission.values().get(REASON)).strip());
              details.put("excellent", after.excellent());
              details.put("excellentAllowed", after.maxExcellent());
              details.put("good", after.good());
              timeline.record(
                  submission.year(),
                  submission.subject(),
                  TimelineKind.QUOTA_EXCEEDED_CONFIRMED,
                  submission.taskKey(),
                  submission.taskId(),
                  submission.actor(),
                  details);
            });
  }
}
