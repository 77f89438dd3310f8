package vn.party.evaluation.security.engine;

import java.util.function.Function;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The guard's own look-ups, run as the engine: in a command of their own, without the person's authorizations
 * (whether the person may see a task is the judged command's check, not the look-up's).
 */
final class AsEngine {

  private AsEngine() {}

  static <T> T call(CommandExecutor executor, Function<CommandContext, T> work) {
    return executor.execute(context -> context.runWithoutAuthorization(() -> work.apply(context)));
  }

  /** What {@code read} makes of the task (null when there is no such task). */
  static <T> T task(CommandExecutor executor, String taskId, Function<TaskEntity, T> read) {
    return call(executor, context -> read.apply(context.getTaskManager().findTaskById(taskId)));
  }
}
