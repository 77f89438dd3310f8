package vn.party.evaluation.finalization.flow;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.security.SystemAccess;

/**
 * The engine calls of the finalization's domain code ({@code LevelAdjuster}, the finalization page), as the system,
 * so that those classes import nothing from the engine.
 */
@Component
public class FinalizationProcess {

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final SystemAccess systemAccess;

  public FinalizationProcess(
      HistoryService historyService,
      RuntimeService runtimeService,
      TaskService taskService,
      SystemAccess systemAccess) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.systemAccess = systemAccess;
  }

  /** The id of the campaign process's open finalize-results task, or null. */
  public String openTask(String campaignProcessInstanceId) {
    if (campaignProcessInstanceId == null) {
      return null;
    }
    return systemAccess.call(
        () ->
            taskService
                .createTaskQuery()
                .processInstanceId(campaignProcessInstanceId)
                .taskDefinitionKey(ProcessKeys.FINALIZE_RESULTS)
                .active()
                .list()
                .stream()
                .map(task -> task.getId())
                .findFirst()
                .orElse(null));
  }

  /** Whether the campaign process's finalize-results task is open. */
  public boolean open(String campaignProcessInstanceId) {
    return campaignProcessInstanceId != null
        && systemAccess.call(
            () ->
                taskService
                        .createTaskQuery()
                        .processInstanceId(campaignProcessInstanceId)
                        .taskDefinitionKey(ProcessKeys.FINALIZE_RESULTS)
                        .active()
                        .count()
                    > 0);
  }

  /** The named variables a process instance (running or ended) holds, from the history. */
  public Map<String, Object> historicVariables(String processInstanceId, Collection<String> names) {
    Map<String, Object> values = new HashMap<>();
    systemAccess
        .call(
            () ->
                historyService
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .variableNameIn(names.toArray(String[]::new))
                    .list())
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return values;
  }

  /** Sets variables of the campaign process (the open task's quota figures). */
  public void setVariables(String processInstanceId, Map<String, Object> variables) {
    systemAccess.call(
        () -> {
          runtimeService.setVariables(processInstanceId, variables);
          return null;
        });
  }
}
