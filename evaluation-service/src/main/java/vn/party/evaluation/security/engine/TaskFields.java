package vn.party.evaluation.security.engine;

import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A task saved whole by a person ({@code PUT /engine-rest/task/{id}} in both path forms, Tasklist's own update when
 * one sets a due or follow-up date, {@code TaskService.saveTask}) — outsider's re-attack of 2026-12-07, sixth
 * session, finding 3: a seat holder with an UPDATE grant made their self-review the sub-task of another member's
 * task; completing that one deleted the self-review (the process waited in it for good), and the same PUT cleared the
 * due date.
 *
 * <ul>
 *   <li>No person sets or changes a task's parent, on any task: the product has no sub-tasks (nor standalone tasks:
 *       {@code UserCommandGuard#createsTask}), so a parent only ever ties one case's task to another's life.
 *   <li>On a task of the application's processes, what the process set is the process's: name, description,
 *       priority, due and follow-up dates, delegation state, case instance and tenant. The due dates are the
 *       campaign's (its deadlines and reminders); a person's own note of a date has no place in the product. Who
 *       holds the task (assignee, owner) is judged by the seats ({@link TaskSeats}), as for {@code /assignee}.
 * </ul>
 *
 * Judged after the seat (a person without one gets the answer for no task), against the task as stored, read as the
 * engine; a PUT that sends the task back unchanged passes.
 */
final class TaskFields {

  private TaskFields() {}

  /** Whether the command changes a task field that no person changes. */
  static boolean refused(Command<?> command, CommandExecutor executor) {
    if (!(command instanceof SaveTaskCmd)
        || !(CommandWrites.fieldOf(command, "task") instanceof TaskEntity sent)
        || sent.getId() == null) {
      return false;
    }
    return Boolean.TRUE.equals(
        AsEngine.task(executor, sent.getId(), stored -> stored != null && changes(sent, stored)));
  }

  private static boolean changes(TaskEntity sent, TaskEntity stored) {
    if (!Objects.equals(sent.getParentTaskId(), stored.getParentTaskId())) {
      return true;
    }
    ProcessDefinitionEntity definition =
        stored.getProcessDefinitionId() == null ? null : stored.getProcessDefinition();
    if (definition == null || !TaskSeats.APPLICATION_PROCESSES.contains(definition.getKey())) {
      return false;
    }
    return !Objects.equals(sent.getName(), stored.getName())
        || !Objects.equals(sent.getDescription(), stored.getDescription())
        || sent.getPriority() != stored.getPriority()
        || !sameTime(sent.getDueDate(), stored.getDueDate())
        || !sameTime(sent.getFollowUpDate(), stored.getFollowUpDate())
        || !Objects.equals(sent.getDelegationState(), stored.getDelegationState())
        || !Objects.equals(sent.getCaseInstanceId(), stored.getCaseInstanceId())
        || !Objects.equals(sent.getTenantId(), stored.getTenantId());
  }

  private static boolean sameTime(Date a, Date b) {
    return a == null ? b == null : b != null && a.getTime() == b.getTime();
  }
}
