package vn.party.evaluation.process.validation;

import java.util.List;
import java.util.Optional;

/**
 * What the completion rules found for one completion ({@link CompletionCheck#evaluate}): the refused fields and, for a
 * self-review that passed them, what its grades and points give ({@link SelfReviewRules#outcome}). The rules compute
 * the outcome once, on their way; whoever keeps the review takes it from here rather than computing it again.
 *
 * @param errors the refused fields, in form order; empty: the completion may go ahead
 * @param outcome empty for other task kinds and for a self-review whose section I is not complete
 */
public record CompletionJudgement(
    List<FieldError> errors, Optional<SelfReviewRules.Outcome> outcome) {

  public CompletionJudgement {
    errors = List.copyOf(errors);
  }

  /** Whether the completion passed the rules. */
  public boolean passed() {
    return errors.isEmpty();
  }
}
