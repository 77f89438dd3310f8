package vn.party.evaluation.complaint.flow;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.ProcessKeys;

/**
 * The engine calls of taking a complaint ({@code ComplaintService}): the re-appraisal's process started, the open
 * form's complaints brought up to date, and the facts the finished evaluation recorded, so that the service imports
 * nothing from the engine. The caller decides who acts (the system, {@code SystemAccess}).
 */
@Component
public class ReappraisalProcess {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  public ReappraisalProcess(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /** Starts a member's re-appraisal; its instance id. */
  public String start(String businessKey, Map<String, Object> variables) {
    return runtimeService
        .startProcessInstanceByKey(ProcessKeys.MEMBER_REAPPRAISAL, businessKey, variables)
        .getId();
  }

  /** Sets a variable of a running process. */
  public void setVariable(String processInstanceId, String name, Object value) {
    runtimeService.setVariable(processInstanceId, name, value);
  }

  /** The named variables a process instance (running or ended) held, from the history; those set to a value only. */
  public Map<String, Object> historicValues(String processInstanceId, Collection<String> names) {
    Map<String, Object> values = new HashMap<>();
    historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableNameIn(names.toArray(String[]::new))
        .list()
        .stream()
        .filter(variable -> variable.getValue() != null)
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return values;
  }
}
