package vn.party.evaluation.reminder.flow;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine call of the deadline notices ({@code DeadlineNotices}) that no other adapter makes: what a due task's
 * process holds, so that the notices import nothing from the engine (the task's group is {@code TaskEngine}'s).
 */
@Component
public class DueTaskFacts {

  private final RuntimeService runtimeService;

  public DueTaskFacts(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The named variables of the task's process instance. */
  public Map<String, Object> processVariables(String processInstanceId, Collection<String> names) {
    return runtimeService.getVariables(processInstanceId, names);
  }
}
