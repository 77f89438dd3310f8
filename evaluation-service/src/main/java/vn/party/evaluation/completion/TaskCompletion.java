package vn.party.evaluation.completion;

import java.util.Map;
import vn.party.evaluation.process.validation.CompletionJudgement;

/**
 * The command of one task kind, run by {@link Completions} once per completion whichever door it came through: after
 * the rules passed, {@link #keep} what the application keeps of the submission, then, inside the engine's completion,
 * {@link #completed} writes the record and emits the events.
 */
public interface TaskCompletion {

  /** The task definition key this command completes. */
  String taskKey();

  /**
   * Keeps what the application keeps of the submission (once) and returns the variables to give the engine in place
   * of the submitted ones; null (most kinds): nothing kept, the engine takes the submission as it is.
   *
   * @param judgement what the rules found for it (passed), e.g. a self-review's outcome: not computed again
   * @param context the task's variables the rules read, with year and member
   */
  default Map<String, Object> keep(
      Submission submission, CompletionJudgement judgement, Map<String, Object> context) {
    return null;
  }

  /** The completion went through: the record, the timeline and the events (once). */
  void completed(Submission submission);
}
