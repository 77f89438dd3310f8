package vn.party.evaluation.caps.flow;

import static vn.party.evaluation.process.ProcessVariables.MEMBER_ID;
import static vn.party.evaluation.process.ProcessVariables.YEAR;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.caps.LevelCapService;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;

/**
 * Brings the cap up to date whenever a user task of a member's evaluation is created, so that the member (self-review)
 * and the approvers (branch review, committee decision) see it on the form: with the facts received so far, and at the
 * decision also those the branch recorded. Runs in the engine's transaction (Spring eventing bridge, not skippable).
 */
@Component
class LevelCapRefresher {

  private static final Set<String> TASKS_SHOWING_THE_CAP =
      Set.of(
          ProcessKeys.SELF_REVIEW,
          ProcessKeys.BRANCH_REVIEW,
          ProcessKeys.COMMITTEE_DECISION,
          ProcessKeys.RERATING_DECISION,
          ProcessKeys.REAPPRAISAL_DECISION);

  private final LevelCapService caps;

  LevelCapRefresher(LevelCapService caps) {
    this.caps = caps;
  }

  @EventListener
  public void on(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        || !TASKS_SHOWING_THE_CAP.contains(task.getTaskDefinitionKey())
        || task.getVariable(MEMBER_ID) == null
        || task.getVariable(YEAR) == null) {
      return;
    }
    DelegateExecution execution = task.getExecution();
    Map<String, Object> updates =
        caps.refresh(
            ProcessVariables.year(execution),
            ProcessVariables.memberId(execution),
            execution::getVariables,
            task.getTaskDefinitionKey());
    if (!updates.isEmpty()) {
      execution.setVariables(updates);
    }
  }
}
