package vn.party.evaluation.audit;

/** What a timeline entry records. */
public enum TimelineKind {
  EVALUATION_STARTED,
  TASK_CREATED,
  TASK_ASSIGNED,
  TASK_COMPLETED,
  EVENT_RECEIVED,
  RESIDENCE_FEEDBACK_MISSING,
  /** The unit leadership's assessment did not arrive by its deadline (details: the deadline). */
  UNIT_ASSESSMENT_MISSING,
  /** The submitted self-review was kept (details: version, form, hash, points, the level they give). */
  SELF_REVIEW_KEPT,
  CASE_RETURNED,
  BRANCH_MEETING,
  RERATING_STARTED,
  RERATED,
  /** The year's results were announced; the complaint window is open (details: the level, the window's end). */
  RESULT_ANNOUNCED,
  /** A complaint in the window (details: channel, who, grounds, whether it started the re-appraisal). */
  COMPLAINT_RECEIVED,
  /** The committee above re-appraised the result (details: original and new level, grounds). */
  REAPPRAISED,
  REMINDER_SENT,
  OVERDUE_ESCALATED,
  DECIDED,
  /**
   * The decided level changed from another: at decision, the committee approved another level than the branch
   * proposed (details: branchProposedLevel, decidedLevel, reason); while finalizing, the committee adjusted a decided
   * level (details: fromLevel, toLevel, reason, originalLevel).
   */
  LEVEL_ADJUSTED,
  /** A level cap now applies to the evaluation, or a different one (details: the cap, why, the rule). */
  LEVEL_CAP_APPLIED,
  /** No cap applies any more (e.g. a corrected discipline decision). */
  LEVEL_CAP_LIFTED,
  /** A completion proposing or deciding a level above the cap was refused (details: the level, the cap). */
  ABOVE_CAP_REFUSED,
  /** A collective's rating (branch, grassroots organization) opened (details: kind, who reviews, who rates). */
  COLLECTIVE_RATING_STARTED,
  /** A collective not rated this year (details: the organization-eligibility reason and rule). */
  COLLECTIVE_NOT_RATED,
  /**
   * On a head's evaluation: the unit the member heads was rated, or found not to be (details: unitId, unitKind,
   * unitLevel or null); the committee may now decide the head, not above the unit.
   */
  HEADED_UNIT_RATED,
  /** The grassroots committee approved EXCELLENT above the quota of the moment, confirmed with its reason. */
  QUOTA_EXCEEDED_CONFIRMED,
  /** A movement ended the evaluation before a decision (details: movement, movedOn, reason, the units of a transfer). */
  EVALUATION_ENDED,
  /** A transfer moved the running evaluation to the member's new branch (details: the units, the rule applied). */
  EVALUATION_MOVED,
  /** A movement that left the running evaluation as it was (details: movement, movedOn, reason, the rule applied). */
  MOVEMENT_RECORDED
}
