package vn.party.evaluation.record;

/** Where a member's evaluation stands. */
public enum EvaluationStatus {
  SELF_REVIEW,
  WAITING_RESIDENCE_FEEDBACK,
  BRANCH_REVIEW,
  /** A head (bí thư) reviewed by the branch, waiting for the unit's rating before the committee decides. */
  WAITING_UNIT_RATING,
  COMMITTEE_DECISION,
  DECIDED,
  /** Ended by a movement before a decision (left the Party, died, transferred): not rated here, history kept. */
  ENDED
}
