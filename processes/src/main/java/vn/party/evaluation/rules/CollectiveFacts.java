package vn.party.evaluation.rules;

/**
 * What the collective-caps decision reads about one collective (a branch or a grassroots organization) in a year.
 * Computed by the deploying application from stored facts (discipline decisions, the subordinates' results), except
 * the task results, which the collective records in its own self-review (Mẫu 01).
 *
 * @param leadershipDisciplinedWarningOrAbove a member of its leadership (branch committee, grassroots committee)
 *     was disciplined in the year at WARNING (cảnh cáo) or above — 21-HD/BTCTW: the collective is NOT_COMPLETED
 * @param leadershipDisciplined a member of its leadership was disciplined in the year, any form
 * @param subordinateUnitDisciplined a subordinate unit was disciplined in the year
 * @param subordinateShortfallPercent 0–100: share of its subordinates (a branch: its rated members; the
 *     organization: its rated branches) disciplined in the year or rated NOT_COMPLETED
 * @param subordinateShortfallThreshold 0–100: above this share the collective is capped. <em>Unverified</em>:
 *     configuration (default {@link #DEFAULT_SUBORDINATE_SHORTFALL_THRESHOLD}), not a constant
 * @param allTasksDone every task of the year done, on time or late; null when the collective did not say (no cap)
 * @param lateTasksPercent 0–100: share of its tasks of the year done late; null when the collective did not say
 *     (no cap)
 */
public record CollectiveFacts(
    boolean leadershipDisciplinedWarningOrAbove,
    boolean leadershipDisciplined,
    boolean subordinateUnitDisciplined,
    double subordinateShortfallPercent,
    double subordinateShortfallThreshold,
    Boolean allTasksDone,
    Double lateTasksPercent) {

  /** 20 %, by analogy with the 20 % figures of the regulations — unverified. */
  public static final double DEFAULT_SUBORDINATE_SHORTFALL_THRESHOLD = 20;

  public CollectiveFacts {
    if (!(subordinateShortfallPercent >= 0 && subordinateShortfallPercent <= 100)) {
      throw new IllegalArgumentException("subordinateShortfallPercent must be within 0–100");
    }
    if (!(subordinateShortfallThreshold >= 0 && subordinateShortfallThreshold <= 100)) {
      throw new IllegalArgumentException("subordinateShortfallThreshold must be within 0–100");
    }
    if (lateTasksPercent != null && !(lateTasksPercent >= 0 && lateTasksPercent <= 100)) {
      throw new IllegalArgumentException("lateTasksPercent must be within 0–100");
    }
  }

  /** Without the collective's task results (not stated: they cap nothing). */
  public CollectiveFacts(
      boolean leadershipDisciplinedWarningOrAbove,
      boolean leadershipDisciplined,
      boolean subordinateUnitDisciplined,
      double subordinateShortfallPercent,
      double subordinateShortfallThreshold) {
    this(
        leadershipDisciplinedWarningOrAbove,
        leadershipDisciplined,
        subordinateUnitDisciplined,
        subordinateShortfallPercent,
        subordinateShortfallThreshold,
        null,
        null);
  }
}
