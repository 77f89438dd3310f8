package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;

/**
 * The interceptor alone. With the plugin in the engine, the process tests (RefusedCompletionTest)
 * see the unwrapped exception; without it they would see ENGINE-03051 wrapping it.
 */
class TaskCompletionValidationPluginTest {

  private final TaskCompletionValidationPlugin.UnwrapFormFieldValidation interceptor =
      new TaskCompletionValidationPlugin.UnwrapFormFieldValidation();

  @Test
  void aRefusalWrappedByTheEngineReachesTheCallerUnwrapped() {
    FormFieldValidationException refusal =
        new FormFieldValidationException(
            List.of(new FieldError("decidedLevel", FieldError.REQUIRED)), "decidedLevel: required");
    interceptor.setNext(
        failingWith(
            new ProcessEngineException(
                "ENGINE-03051 There was an exception while invoking the TaskListener",
                new ProcessEngineException("Exception while invoking TaskListener", refusal))));

    assertThatThrownBy(() -> interceptor.execute(commandContext -> null)).isSameAs(refusal);
  }

  @Test
  void anyOtherFailurePassesThroughUntouched() {
    ProcessEngineException failure = new ProcessEngineException("database unavailable");
    interceptor.setNext(failingWith(failure));

    assertThatThrownBy(() -> interceptor.execute(commandContext -> null)).isSameAs(failure);
  }

  private static CommandExecutor failingWith(RuntimeException failure) {
    return new CommandExecutor() {
      @Override
      public <T> T execute(Command<T> command) {
        throw failure;
      }
    };
  }
}
