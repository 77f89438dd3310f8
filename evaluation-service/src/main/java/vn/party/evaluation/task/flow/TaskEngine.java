package vn.party.evaluation.task.flow;

import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.security.SystemAccess;
import vn.party.evaluation.security.engine.CompletionWithDerivedValues;
import vn.party.evaluation.security.engine.PersonsRequest;

/**
 * The engine's task calls of the task feature ({@code TaskWork}), so that the domain code imports nothing from the
 * engine. Calls run as the signed-in user (the engine's authorizations decide what they see and may do) unless the
 * method says "as the system".
 */
@Component
public class TaskEngine {

  /** What the domain reads of an engine task. */
  public record EngineTask(
      String id,
      String taskKey,
      String name,
      String assignee,
      Date created,
      Date due,
      String processInstanceId) {}

  private final TaskService taskService;
  private final HistoryService historyService;
  private final SystemAccess systemAccess;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  public TaskEngine(
      TaskService taskService,
      HistoryService historyService,
      SystemAccess systemAccess,
      ProcessEngineConfigurationImpl engineConfiguration) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.systemAccess = systemAccess;
    this.engineConfiguration = engineConfiguration;
  }

  /**
   * Runs one request's calls of this adapter in one engine command context ({@link PersonsRequest}): the task, its
   * execution, definition, links and variables read once instead of once per call; each call still judged by the
   * engine's guard as the person's own.
   */
  public <T> T inOneCommand(Supplier<T> work) {
    return PersonsRequest.run(engineConfiguration.getCommandExecutorTxRequired(), work);
  }

  /** The task, if the user may see it. */
  public Optional<EngineTask> visible(String taskId) {
    return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult())
        .map(TaskEngine::engineTask);
  }

  /**
   * Whether the task was completed by this user (as the system, from the engine's history): the answer to a second
   * submission of one's own task, which no longer exists (a double click, two tabs).
   */
  public boolean completedBy(String taskId, String userId) {
    return systemAccess.call(
        () ->
            historyService
                    .createHistoricTaskInstanceQuery()
                    .taskId(taskId)
                    .taskAssignee(userId)
                    .finished()
                    .count()
                > 0);
  }

  /** Whether the task exists at all (as the system: whoever asks). */
  public boolean existsForSystem(String taskId) {
    return systemAccess.call(() -> taskService.createTaskQuery().taskId(taskId).count() > 0);
  }

  /**
   * The open tasks: all of them when {@code everyone}, else the user's own and (when they have groups) their groups'
   * tasks, earliest due first, at most {@code max}.
   */
  public List<EngineTask> active(
      String userId, Collection<String> groups, boolean everyone, int max) {
    if (everyone) {
      return page(applicationTasks(), max);
    }
    List<EngineTask> own = page(applicationTasks().taskAssignee(userId), max);
    List<String> offeringGroups = offeringGroups(groups);
    if (offeringGroups.isEmpty()) {
      return own;
    }
    // Two indexed queries, not one with "assignee or candidate group": the engine's OR over the
    // identity-link join read every open task (10 ms of PostgreSQL per list at 11,000 open tasks
    // in the bench, most of an API completion's database time), and it grows with the year's tasks.
    List<EngineTask> offered =
        page(applicationTasks().taskCandidateGroupIn(offeringGroups).includeAssignedTasks(), max);
    return earliestDueFirst(own, offered, max);
  }

  /**
   * The user's groups a step of the processes can be offered to: all but the members' group, which every member holds
   * and no step is offered to (the processes offer their steps to committees' groups, and no person links a group to a
   * task: {@code UserCommandGuard}). A member without a committee seat has no group's tasks to look for: the list is
   * their own tasks, one query, not two (issue 15: a task query is ~7 % of a GET + POST's CPU, its dynamic SQL
   * built anew each time).
   */
  static List<String> offeringGroups(Collection<String> groups) {
    return groups.stream().filter(group -> !Groups.MEMBERS.equals(group)).toList();
  }

  /**
   * Earliest due first (no due date last, as PostgreSQL sorts), then the oldest, then by id: one order whatever the
   * database returns first, so that paging neither skips nor repeats a task (eleventh session's outsider, LOW 14).
   */
  private static final Comparator<EngineTask> EARLIEST_DUE_FIRST =
      Comparator.comparing(EngineTask::due, Comparator.nullsLast(Comparator.<Date>naturalOrder()))
          .thenComparing(EngineTask::created, Comparator.nullsLast(Comparator.<Date>naturalOrder()))
          .thenComparing(EngineTask::id);

  /** The two lists as one, each task once, earliest due first (no due date last, as PostgreSQL sorts), at most max. */
  static List<EngineTask> earliestDueFirst(List<EngineTask> a, List<EngineTask> b, int max) {
    Map<String, EngineTask> byId = new LinkedHashMap<>();
    a.forEach(task -> byId.putIfAbsent(task.id(), task));
    b.forEach(task -> byId.putIfAbsent(task.id(), task));
    return byId.values().stream().sorted(EARLIEST_DUE_FIRST).limit(max).toList();
  }

  private TaskQuery applicationTasks() {
    // the application's processes only: a standalone task (created in the engine, not by a step)
    // is none of the product's (outsider's fifth session, finding 8)
    return taskService
        .createTaskQuery()
        .active()
        .processDefinitionKeyIn(ProcessKeys.APPLICATION_PROCESSES.toArray(String[]::new));
  }

  private static List<EngineTask> page(TaskQuery query, int max) {
    return query
        .orderByDueDate()
        .asc()
        .orderByTaskCreateTime()
        .asc()
        .orderByTaskId()
        .asc()
        .listPage(0, max)
        .stream()
        .map(TaskEngine::engineTask)
        .toList();
  }

  public Map<String, Object> variables(String taskId, Collection<String> names) {
    return taskService.getVariables(taskId, names);
  }

  public Map<String, Object> variablesAsSystem(String taskId, Collection<String> names) {
    return systemAccess.call(() -> taskService.getVariables(taskId, names));
  }

  public Object variable(String taskId, String name) {
    return taskService.getVariable(taskId, name);
  }

  public Object variableAsSystem(String taskId, String name) {
    return systemAccess.call(() -> taskService.getVariable(taskId, name));
  }

  /** The group the task is offered to, if any. */
  public String candidateGroup(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .findFirst()
        .orElse(null);
  }

  /** The first candidate group of a task the engine is creating or assigning, or null. */
  public static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst()
        .orElse(null);
  }

  /** Claims the task for the user, or gives it back to its group ({@code userId} null). */
  public void claim(String taskId, String userId) {
    taskService.claim(taskId, userId);
  }

  /**
   * The person's completion with the form's fields ({@code submitted}) and the application's own write of what it
   * derived from them ({@code derived}), in one engine command ({@link CompletionWithDerivedValues}).
   */
  public void complete(String taskId, Map<String, Object> submitted, Map<String, Object> derived) {
    engineConfiguration
        .getCommandExecutorTxRequired()
        .execute(new CompletionWithDerivedValues(taskId, submitted, derived));
  }

  private static EngineTask engineTask(Task task) {
    return new EngineTask(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getAssignee(),
        task.getCreateTime(),
        task.getDueDate(),
        task.getProcessInstanceId());
  }
}
