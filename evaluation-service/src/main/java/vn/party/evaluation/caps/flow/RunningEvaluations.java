package vn.party.evaluation.caps.flow;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine calls of keeping a running evaluation's caps up to date when a fact arrives ({@code LevelCapService}),
 * so that the service imports nothing from the engine.
 */
@Component
public class RunningEvaluations {

  private final RuntimeService runtimeService;

  public RunningEvaluations(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The named variables of the evaluation's process, if it is still running. */
  public Optional<Map<String, Object>> variables(
      String processInstanceId, Collection<String> names) {
    if (processInstanceId == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()
            == 0) {
      return Optional.empty();
    }
    return Optional.of(runtimeService.getVariables(processInstanceId, names));
  }

  /** Sets variables of the evaluation's process. */
  public void setVariables(String processInstanceId, Map<String, Object> variables) {
    runtimeService.setVariables(processInstanceId, variables);
  }
}
