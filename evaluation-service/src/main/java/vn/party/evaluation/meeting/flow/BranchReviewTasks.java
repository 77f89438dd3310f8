package vn.party.evaluation.meeting.flow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.ProcessKeys;

/**
 * The engine's task calls of the branch meeting ({@code MeetingService}), as the signed-in user, so that the
 * meeting's domain code imports nothing from the engine.
 */
@Component
public class BranchReviewTasks {

  private final TaskService taskService;

  public BranchReviewTasks(TaskService taskService) {
    this.taskService = taskService;
  }

  /** The ids of the branch's open branch reviews (of the year, when given), at most {@code max}. */
  public List<String> openReviews(String branchId, Integer year, int max) {
    var query =
        taskService
            .createTaskQuery()
            .active()
            .taskDefinitionKey(ProcessKeys.BRANCH_REVIEW)
            .taskCandidateGroup(Groups.branchCommittee(branchId))
            .includeAssignedTasks();
    if (year != null) {
      query = query.processInstanceBusinessKeyLike(year + ":%");
    }
    return query.listPage(0, max).stream().map(Task::getId).toList();
  }

  public Object variable(String taskId, String name) {
    return taskService.getVariable(taskId, name);
  }

  public Map<String, Object> variables(String taskId, Collection<String> names) {
    return taskService.getVariables(taskId, names);
  }

  /** Whether the task is claimed by nobody. */
  public boolean unassigned(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee() == null;
  }
}
