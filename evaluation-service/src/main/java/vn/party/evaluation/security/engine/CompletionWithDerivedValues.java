package vn.party.evaluation.security.engine;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A person's completion of a task together with the values the application derived from their submission (points,
 * derived level, caps), as one engine command: one read of the task, its execution and its definition, one
 * transaction, instead of a system write followed by the person's completion (issue 15: that second command cost
 * ~24 statements per completion).
 *
 * <p>{@link UserCommandGuard} judges {@link #personsCompletion()} alone, as it judges a completion from any other door:
 * the person's seat and the form's own fields. The derived values are the application's write: set on the task's
 * process without the person's authorizations and without an operation-log entry in the person's name. No door but
 * the application's Java code builds this command (the engine REST API and the webapps build only the engine's own).
 */
public final class CompletionWithDerivedValues implements Command<Void> {

  private final String taskId;
  private final Map<String, Object> derived;
  private final CompleteTaskCmd completion;

  public CompletionWithDerivedValues(
      String taskId, Map<String, Object> submitted, Map<String, Object> derived) {
    this.taskId = taskId;
    this.derived = new HashMap<>(derived);
    this.completion = new CompleteTaskCmd(taskId, submitted);
  }

  /** What the person does: the completion with the form's fields, judged like any other door's. */
  Command<?> personsCompletion() {
    return completion;
  }

  @Override
  public Void execute(CommandContext context) {
    if (!derived.isEmpty()) {
      context.runWithoutAuthorization(
          () -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
              throw new NotFoundException("no such task");
            }
            task.setVariables(derived);
            return null;
          });
    }
    completion.execute(context);
    return null;
  }
}
