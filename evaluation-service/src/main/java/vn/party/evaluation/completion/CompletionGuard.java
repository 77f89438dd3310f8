package vn.party.evaluation.completion;

import java.util.List;
import vn.party.evaluation.process.validation.FieldError;

/**
 * A check of a completion that needs the application's own data (the organization's quota tally), run by {@link
 * Completions} on the one completion path after the completion rules, whichever door: before the engine for the
 * domain API and the pages, inside it for Tasklist and the engine REST API. Implemented by the feature that owns the
 * data, so this package depends on none of them.
 */
public interface CompletionGuard {

  /** The refused fields of this submission; empty: it may go ahead. */
  List<FieldError> refusals(Submission submission);

  /** The completion went through (inside the engine, once): record what the guard's acceptance rested on. */
  default void completed(Submission submission) {}
}
