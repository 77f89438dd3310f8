package vn.party.evaluation.record;

import java.util.Optional;

/**
 * Why a comment from outside came too late to be considered (twelfth session's outsider, findings 1 and 2: a comment
 * after the decision replaced the decided record's, while the engine kept the earlier one). Such an event changes
 * neither the record nor the engine: it stays on the timeline with this mark (detail {@code lateArrival}) and is
 * listed for the administrators among the unmatched events ({@code TOO_LATE}).
 */
public enum LateArrival {
  /** The branch has made its proposal: the residence comment is read by the branch review, nobody reads it after. */
  AFTER_BRANCH_REVIEW,
  /** The committee has decided (the process has completed). */
  AFTER_DECISION,
  /** The evaluation ended before a decision (a movement). */
  AFTER_END;

  /**
   * For a residence-area comment: considered while the branch review can still read it (self-review, the wait, the
   * branch review itself; again after a return, which reopens the branch review).
   */
  public static Optional<LateArrival> forResidenceComment(EvaluationStatus status) {
    return switch (status) {
      case WAITING_UNIT_RATING, COMMITTEE_DECISION -> Optional.of(AFTER_BRANCH_REVIEW);
      default -> afterTheEnd(status);
    };
  }

  /** For a unit assessment: it caps the committee's decision too, so it counts until the decision. */
  public static Optional<LateArrival> forUnitAssessment(EvaluationStatus status) {
    return afterTheEnd(status);
  }

  private static Optional<LateArrival> afterTheEnd(EvaluationStatus status) {
    return switch (status) {
      case DECIDED -> Optional.of(AFTER_DECISION);
      case ENDED -> Optional.of(AFTER_END);
      default -> Optional.empty();
    };
  }
}
