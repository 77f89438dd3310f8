package vn.party.evaluation.movement.flow;

import static vn.party.evaluation.process.ProcessVariables.BRANCH_COMMITTEE_GROUP;
import static vn.party.evaluation.process.ProcessVariables.BRANCH_ID;
import static vn.party.evaluation.process.ProcessVariables.FORM_KIND;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.party.evaluation.security.SystemAccess;

/**
 * The engine side of a movement's effect on a running evaluation (the rules are in {@code RunningCampaignEffects}):
 * ending the member's evaluation process, moving its open tasks to another branch committee, changing its form, and
 * telling the campaign that a decision stage is complete. Runs in the caller's transaction, as the application (the
 * person recording the movement has been checked by the movement's rule; the engine refuses variable writes by
 * people outside a task form).
 */
@Component
public class RunningEvaluationProcesses {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final SystemAccess system;

  public RunningEvaluationProcesses(
      RuntimeService runtimeService, TaskService taskService, SystemAccess system) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.system = system;
  }

  /** Ends the process with the reason (kept in the engine's history as the delete reason); its open tasks go. */
  public void end(String processInstanceId, String reason) {
    if (processInstanceId == null) {
      return;
    }
    system.call(
        () -> {
          if (runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .count()
              > 0) {
            runtimeService.deleteProcessInstance(processInstanceId, reason, false, true);
          }
          return null;
        });
  }

  /** The branch the evaluation belongs to, and the candidate group of its open tasks of the old branch committee. */
  public void moveToBranch(
      String processInstanceId, String branchId, String fromGroup, String toGroup) {
    if (processInstanceId == null) {
      return;
    }
    system.call(
        () -> {
          // The branch decides the branch review's committee
          // (taskGroups.branchCommittee(branchId)). An
          // instance started
          // before issue 15 runs its own diagram version, which reads the group from its variable:
          // that one moves too.
          Map<String, Object> variables = new HashMap<>();
          variables.put(BRANCH_ID, branchId);
          if (runtimeService.getVariable(processInstanceId, BRANCH_COMMITTEE_GROUP) != null) {
            variables.put(BRANCH_COMMITTEE_GROUP, toGroup);
          }
          runtimeService.setVariables(processInstanceId, variables);
          for (Task task :
              taskService
                  .createTaskQuery()
                  .processInstanceId(processInstanceId)
                  .taskCandidateGroup(fromGroup)
                  .includeAssignedTasks()
                  .list()) {
            taskService.deleteCandidateGroup(task.getId(), fromGroup);
            taskService.addCandidateGroup(task.getId(), toGroup);
            if (task.getAssignee() != null) { // claimed by someone of the old branch committee
              taskService.setAssignee(task.getId(), null);
            }
          }
          return null;
        });
  }

  public void formKind(String processInstanceId, String formKind) {
    if (processInstanceId != null) {
      system.call(
          () -> {
            runtimeService.setVariable(processInstanceId, FORM_KIND, formKind);
            return null;
          });
    }
  }

  /** The campaign waiting for a complete decision stage hears it (as after the stage's last decision). */
  public void stageComplete(String message, String campaignBusinessKey) {
    system.call(
        () -> {
          runtimeService
              .createMessageCorrelation(message)
              .processInstanceBusinessKey(campaignBusinessKey)
              .correlateAll();
          return null;
        });
  }
}
