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
  REMINDER_SENT,
  OVERDUE_ESCALATED,
  DECIDED,
  /** A level cap now applies to the evaluation, or a different one (details: the cap, why, the rule). */
  LEVEL_CAP_APPLIED,
  /** No cap applies any more (e.g. a corrected discipline decision). */
  LEVEL_CAP_LIFTED,
  /** A completion proposing or deciding a level above the cap was refused (details: the level, the cap). */
  ABOVE_CAP_REFUSED
}
