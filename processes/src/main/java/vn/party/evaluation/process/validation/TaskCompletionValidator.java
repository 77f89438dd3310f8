package vn.party.evaluation.process.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * {@code complete} task listener that refuses a completion breaking {@link TaskCompletionRules}.
 *
 * <p>Throwing rolls the whole completion back, so the task stays open and no variable is kept.
 * {@link FormFieldValidationException} is the exception the engine REST API turns into HTTP 400
 * (with {@link TaskCompletionValidationPlugin} installed, see there why). Its message names each
 * refused field with its reason, e.g. {@code decidedLevel: required}; its detail is the {@code
 * List<FieldError>}. Accepted variables are left exactly as submitted.
 *
 * <p>Declared in the BPMN with {@code camunda:class}, so it needs no bean in the application.
 */
public class TaskCompletionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors =
        TaskCompletionRules.check(task.getTaskDefinitionKey(), task.getVariables());
    if (!errors.isEmpty()) {
      String message = errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
      throw new FormFieldValidationException(errors, message);
    }
  }
}
