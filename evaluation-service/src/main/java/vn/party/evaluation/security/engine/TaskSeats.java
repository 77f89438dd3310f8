package vn.party.evaluation.security.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.ProcessKeys;

/**
 * Who holds a seat on a task of the application's processes (issue 12, outsider's recheck): a person in one of the
 * task's candidate groups (the committee whose step it is), or, for a task without candidate groups, the assignee the
 * process itself sets (the member's own self-review). Engine authorizations and the administrators' group are no
 * seat: {@link UserCommandGuard} refuses every other person's work on the task ({@link SeatOnlyRefusedException}).
 *
 * <p>One read of a task's seats answers both checks of a domain API command ({@link #readOnce}): the application's,
 * before any value is judged (so that a refusal is recorded only for a person holding a seat), and the guard's, of the
 * engine command the application then runs for that person. Each applies its own person and groups to the same seats.
 */
@Component
public class TaskSeats {

  /** The seats read in the running {@link #readOnce} scope, by task id; null: no scope. */
  private static final ThreadLocal<Map<String, Seats>> READ = new ThreadLocal<>();

  /** The processes this application deploys: their tasks are worked on by seats only. */
  static final Set<String> APPLICATION_PROCESSES = ProcessKeys.APPLICATION_PROCESSES;

  /**
   * A task's seats. {@code application}: a task of {@link #APPLICATION_PROCESSES} (others are not judged here).
   * {@code processAssignee}: the assignee the task's definition sets (null: none).
   */
  record Seats(
      boolean application,
      Set<String> candidateGroups,
      String assignee,
      String owner,
      String processAssignee) {

    /** Whether the user, in these groups, holds a seat on the task. */
    boolean eligible(String userId, Collection<String> groups) {
      if (userId == null) {
        return false;
      }
      if (!candidateGroups.isEmpty()) {
        return groups.stream().anyMatch(candidateGroups::contains);
      }
      return userId.equals(processAssignee);
    }
  }

  private final ProcessEngineConfigurationImpl configuration;

  public TaskSeats(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /**
   * Whether the user may work on the task, as far as seats tell (the engine still checks its authorizations): true
   * for a task not of the application's processes, false for one that does not exist.
   */
  public boolean mayWork(String taskId, String userId, List<String> groups) {
    if (taskId == null) {
      return false;
    }
    Seats seats =
        AsEngine.task(
            configuration.getCommandExecutorTxRequired(),
            taskId,
            task -> task == null ? null : of(task));
    return seats != null && (!seats.application() || seats.eligible(userId, groups));
  }

  /**
   * Runs a person's work on tasks with each task's seats read once: {@link #mayWork} and the guard of the engine's
   * commands inside it ({@link UserCommandGuard}) take the same read rather than reading the seats again. For work
   * that holds the task's row lock (the domain API's completion, {@code TaskWork}): its seats cannot change in between,
   * since the candidate groups are the process's (a person's link command is refused) and the process assignee follows
   * from the member, set at launch.
   */
  public <T> T readOnce(Supplier<T> work) {
    if (READ.get() != null) {
      return work.get();
    }
    READ.set(new HashMap<>());
    try {
      return work.get();
    } finally {
      READ.remove();
    }
  }

  /**
   * The task's seats; inside a command, with the authorization checks off. In a {@link #readOnce} scope, the scope's
   * read of the task when there is one.
   */
  static Seats of(TaskEntity task) {
    Map<String, Seats> read = READ.get();
    if (read == null || task.getId() == null) {
      return read(task);
    }
    return read.computeIfAbsent(task.getId(), id -> read(task));
  }

  private static Seats read(TaskEntity task) {
    ProcessDefinitionEntity definition =
        task.getProcessDefinitionId() == null ? null : task.getProcessDefinition();
    boolean application = definition != null && APPLICATION_PROCESSES.contains(definition.getKey());
    Set<String> candidateGroups = new LinkedHashSet<>();
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        candidateGroups.add(link.getGroupId());
      }
    }
    return new Seats(
        application, candidateGroups, task.getAssignee(), task.getOwner(), processAssignee(task));
  }

  /** What the task's definition sets as its assignee (the self-review's {@code ${memberId}}; {@code ${memberUserId}} in instances started before issue 15), or null. */
  private static String processAssignee(TaskEntity task) {
    TaskDefinition definition = task.getTaskDefinition();
    Expression expression = definition == null ? null : definition.getAssigneeExpression();
    if (expression == null) {
      return null;
    }
    try {
      Object value = expression.getValue(task);
      return value == null ? null : value.toString();
    } catch (RuntimeException unresolvable) {
      return null; // a variable it names is gone: nobody is the process's assignee
    }
  }

  /** A user's groups, read as the engine; inside a command, with the authorization checks off. */
  static Set<String> groupsOf(CommandContext context, String userId) {
    Set<String> groups = new LinkedHashSet<>();
    for (Group group :
        context
            .getReadOnlyIdentityProvider()
            .createGroupQuery(context)
            .groupMember(userId)
            .list()) {
      groups.add(group.getId());
    }
    return groups;
  }
}
