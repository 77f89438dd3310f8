package vn.party.evaluation.process.flow;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import vn.party.evaluation.process.validation.CompletionCheck;
import vn.party.evaluation.process.validation.CompletionJudgement;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.process.validation.TaskCompletionValidator;

/**
 * The engine's side of {@link CompletionCheck}: the completion rules for a task being completed inside the engine,
 * at most once per completion. The only place of the rules' check that touches the engine's API (the listeners call
 * it).
 *
 * <p>A refusal is the {@link FormFieldValidationException} the engine REST API answers with 400 (with {@link
 * vn.party.evaluation.process.validation.TaskCompletionValidationPlugin}): its message names each refused field with
 * its reason, e.g. {@code decidedLevel: required}; its detail is the {@code List<FieldError>}.
 */
public final class CompletionRulesInEngine {

  private CompletionRulesInEngine() {}

  /**
   * For the listener the BPMN declares ({@link TaskCompletionValidator}): the rules, unless this completion passed
   * them already (checked by the application before the engine, or by its listener inside it).
   */
  public static void checkUnlessPassed(DelegateTask task) {
    String taskId = task.getId();
    if (CompletionCheck.takePassed(taskId)) {
      return;
    }
    List<FieldError> errors =
        CompletionCheck.evaluate(taskId, task.getTaskDefinitionKey(), task.getVariables(), false)
            .errors();
    if (!errors.isEmpty()) {
      throw refusal(errors);
    }
  }

  /**
   * For an application's listener that runs before the BPMN's own: the rules (the BPMN's listener is then told they
   * passed), unless {@code trustApplication} and the application checked this completion before the engine.
   *
   * @param refused told of the refused fields before the refusal is thrown (to record it)
   * @return whether the rules ran here (false: the application checked them before the engine)
   */
  public static boolean check(
      DelegateTask task, boolean trustApplication, Consumer<List<FieldError>> refused) {
    return judge(task, trustApplication, refused).isPresent();
  }

  /**
   * {@link #check}, with what the rules found when they ran here (a self-review's outcome, for its keeper).
   *
   * @return the judgement, which passed; empty: the application checked the completion before the engine
   */
  public static Optional<CompletionJudgement> judge(
      DelegateTask task, boolean trustApplication, Consumer<List<FieldError>> refused) {
    String taskId = task.getId();
    if (trustApplication && CompletionCheck.checkedByApplication(taskId)) {
      return Optional.empty();
    }
    CompletionCheck.forget(taskId);
    CompletionJudgement judgement =
        CompletionCheck.evaluate(taskId, task.getTaskDefinitionKey(), task.getVariables(), false);
    if (!judgement.passed()) {
      refused.accept(judgement.errors());
      throw refusal(judgement.errors());
    }
    CompletionCheck.passed(taskId);
    return Optional.of(judgement);
  }

  /** The refusal of a completion for these errors (see the class). */
  public static FormFieldValidationException refusal(List<FieldError> errors) {
    String message = errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    return new FormFieldValidationException(errors, message);
  }

  /** Whether the rules cover the task (a task without rules is not checked). */
  public static boolean covers(DelegateTask task) {
    return TaskCompletionRules.covers(task.getTaskDefinitionKey());
  }
}
