package vn.party.evaluation.process;

import static vn.party.evaluation.process.ProcessVariables.DECIDED_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.DECISION;
import static vn.party.evaluation.process.ProcessVariables.DECISION_COMMENT;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Each committee decision starts blank. After a return, the previous decision (RETURN and its reason) would
 * otherwise be pre-filled in the form and could be submitted again, or recorded as the comment of the approval.
 * The returned reason stays in the evaluation's history; the branch saw it while the case was with them.
 */
public class FreshDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().removeVariables(List.of(DECISION, DECIDED_LEVEL, DECISION_COMMENT));
  }
}
