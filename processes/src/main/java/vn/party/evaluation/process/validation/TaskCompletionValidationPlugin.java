package vn.party.evaluation.process.validation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a completion refused by {@link TaskCompletionValidator} reach the caller as the {@link
 * FormFieldValidationException} it is. The deploying application registers it (a Spring bean of
 * this type is picked up by the Camunda Spring Boot starter).
 *
 * <p>Why: the engine wraps anything a task listener throws into a plain {@code
 * ProcessEngineException} (ENGINE-03051). The engine REST API only answers 400 for an unwrapped
 * {@code FormFieldValidationException}; the wrapped one becomes a 500, and Tasklist shows an
 * internal error instead of the refused field. The interceptor sits outside the transaction, so
 * it only changes what the caller sees: the rollback has already happened.
 */
public class TaskCompletionValidationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new UnwrapFormFieldValidation());
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Rethrows a {@link FormFieldValidationException} found in the cause chain of a failure. */
  static class UnwrapFormFieldValidation extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof FormFieldValidationException refusal) {
            throw refusal;
          }
        }
        throw e;
      }
    }
  }
}
