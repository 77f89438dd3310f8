package vn.party.evaluation.process.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The completion rules run once per completion, whichever door it came through. A completion meets up to three
 * checks on its way: the application's command before the engine (the domain API and the pages, which answer with the
 * fields at fault), the application's completion listener inside the engine (every door: Tasklist and the engine REST
 * API too) and the {@link TaskCompletionValidator} the BPMN declares (for a deployment without the application). The
 * first one that runs {@link #evaluate evaluates} the rules; it then tells the later ones, on this thread and only for
 * this task, that the completion passed:
 *
 * <ul>
 *   <li>{@link #checkedByApplication(String, Supplier)} around the engine's {@code complete} call, by the application's
 *       command that already checked (and kept) the submission;
 *   <li>{@link #passed(String)} by the application's listener inside the engine, taken by {@link
 *       #takePassed(String)} in the BPMN-declared validator that runs after it.
 * </ul>
 *
 * A refused completion throws and leaves no mark; a listener that evaluates {@link #forget forgets} an older mark
 * first, so a mark left by a completion rolled back later can never excuse another one.
 */
public final class CompletionCheck {

  /** What the completions of this thread's running command have passed: task id to who checked. */
  private static final ThreadLocal<Map<String, Boolean>> CHECKED =
      ThreadLocal.withInitial(HashMap::new);

  private static volatile Observer observer;

  private CompletionCheck() {}

  /** Told of each evaluation of the completion rules (a test counts them per task). */
  public interface Observer {
    void evaluated(String taskId, String taskKey);

    /**
     * Told of each computation of a self-review's {@link SelfReviewRules#outcome}, with the variables it read (they
     * name the member and the year).
     */
    default void outcomeComputed(Map<String, ?> variables) {}
  }

  /** Sets (or, with null, removes) the one observer of evaluations. */
  public static void observe(Observer newObserver) {
    observer = newObserver;
  }

  /**
   * The completion rules for a task's completion ({@link TaskCompletionRules#judge}): {@link
   * TaskCompletionRules#check} for the engine's variables, or {@link TaskCompletionRules#checkKeptByApplication} for
   * values the application keeps itself; with a self-review's outcome, which its keeper takes.
   */
  public static CompletionJudgement evaluate(
      String taskId, String taskKey, Map<String, ?> variables, boolean keptByApplication) {
    Observer current = observer;
    if (current != null) {
      current.evaluated(taskId, taskKey);
    }
    return TaskCompletionRules.judge(taskKey, variables, keptByApplication);
  }

  /** Tells the observer of a self-review's outcome computed ({@link SelfReviewRules#outcome}). */
  static void outcomeComputed(Map<String, ?> variables) {
    Observer current = observer;
    if (current != null) {
      current.outcomeComputed(variables);
    }
  }

  /**
   * Runs the engine's completion of a task whose submission the application has checked (and kept) already: the
   * listeners inside the engine do not check it again.
   */
  public static <T> T checkedByApplication(String taskId, Supplier<T> completion) {
    Map<String, Boolean> checked = CHECKED.get();
    checked.put(taskId, Boolean.TRUE);
    try {
      return completion.get();
    } finally {
      checked.remove(taskId);
    }
  }

  /** Whether the running completion of the task was checked (and kept) by the application before the engine. */
  public static boolean checkedByApplication(String taskId) {
    return Boolean.TRUE.equals(CHECKED.get().get(taskId));
  }

  /** The completion of the task passed the rules inside the engine: the BPMN-declared validator need not check it. */
  public static void passed(String taskId) {
    CHECKED.get().putIfAbsent(taskId, Boolean.FALSE);
  }

  /** Forgets an earlier mark of the task made inside the engine (before evaluating its completion anew). */
  public static void forget(String taskId) {
    CHECKED.get().remove(taskId, Boolean.FALSE);
  }

  /** Whether the completion was passed before (by the application or a listener), taking a listener's mark. */
  public static boolean takePassed(String taskId) {
    Boolean by = CHECKED.get().get(taskId);
    if (Boolean.FALSE.equals(by)) {
      CHECKED.get().remove(taskId);
    }
    return by != null;
  }
}
