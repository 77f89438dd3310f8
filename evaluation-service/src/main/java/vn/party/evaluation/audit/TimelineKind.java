package vn.party.evaluation.audit;

/** What a timeline entry records. */
public enum TimelineKind {
  EVALUATION_STARTED,
  TASK_CREATED,
  TASK_ASSIGNED,
  TASK_COMPLETED,
  EVENT_RECEIVED,
  RESIDENCE_FEEDBACK_MISSING,
  CASE_RETURNED,
  REMINDER_SENT,
  OVERDUE_ESCALATED,
  DECIDED
}
