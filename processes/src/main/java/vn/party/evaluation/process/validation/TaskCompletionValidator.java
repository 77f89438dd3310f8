package vn.party.evaluation.process.validation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import vn.party.evaluation.process.flow.CompletionRulesInEngine;

/**
 * {@code complete} task listener that refuses a completion breaking {@link TaskCompletionRules}.
 *
 * <p>Throwing rolls the whole completion back, so the task stays open and no variable is kept.
 * {@link FormFieldValidationException} is the exception the engine REST API turns into HTTP 400
 * (with {@link TaskCompletionValidationPlugin} installed, see there why). Its message names each
 * refused field with its reason, e.g. {@code decidedLevel: required}; its detail is the {@code
 * List<FieldError>}. Accepted variables are left exactly as submitted.
 *
 * <p>A completion checked once already ({@link CompletionCheck}: by the application before the engine, or by its
 * listener inside it) is not checked again; the check itself is {@link CompletionRulesInEngine}'s.
 *
 * <p>Declared in the BPMN with {@code camunda:class}, so it needs no bean in the application.
 */
public class TaskCompletionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CompletionRulesInEngine.checkUnlessPassed(task);
  }
}
