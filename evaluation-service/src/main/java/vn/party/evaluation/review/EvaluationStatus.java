package vn.party.evaluation.review;

/** Where a member's evaluation stands. */
public enum EvaluationStatus {
  SELF_REVIEW,
  WAITING_RESIDENCE_FEEDBACK,
  BRANCH_REVIEW,
  COMMITTEE_DECISION,
  DECIDED
}
