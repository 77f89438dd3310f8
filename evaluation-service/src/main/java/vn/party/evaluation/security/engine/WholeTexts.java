package vn.party.evaluation.security.engine;

import java.util.Map;

/**
 * The whole long texts of the task completion the engine is running on this thread, for the code that keeps them in
 * the domain tables (the self-review's {@code SelfReviewKeeper}, called when the task completes). A completion through
 * Tasklist or the engine REST API may carry a self-review text of up to {@code TextLimits.SELF_REVIEW_LONG_TEXT}, more
 * than an engine variable holds: {@link UserCommandGuard} hands the engine {@code TextLimits.forEngine} of it and keeps
 * the whole text here for the length of the command. Not an engine variable (not even a transient one): the engine's
 * form history would write it to a {@code varchar(4000)}.
 */
public final class WholeTexts {

  private record Current(String taskId, Map<String, String> texts) {}

  private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

  private WholeTexts() {}

  /** The whole texts the engine got cut, by variable name, of the completion of this task; empty for any other. */
  public static Map<String, String> of(String taskId) {
    Current current = CURRENT.get();
    return current != null && current.taskId().equals(taskId) ? current.texts() : Map.of();
  }

  static void set(String taskId, Map<String, String> texts) {
    CURRENT.set(new Current(taskId, Map.copyOf(texts)));
  }

  static void clear() {
    CURRENT.remove();
  }
}
