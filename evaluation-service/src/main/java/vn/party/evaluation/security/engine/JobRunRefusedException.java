package vn.party.evaluation.security.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A person ran a timer of the application's processes before it is due ({@link ProcessControlCommands}): the
 * process-control refusal, as an {@link AuthorizationException} because the engine REST API's job resource ({@code
 * POST /job/{id}/execute}) passes on only that with its type; any other exception it turns into a bare 404 or 500
 * text. {@code EngineRestProblems} answers it as every process-control refusal: the administrator is told why,
 * anyone else gets the answer for what does not exist.
 */
public class JobRunRefusedException extends AuthorizationException {

  public JobRunRefusedException() {
    super(PersonRefusedException.processControl().getMessage());
  }
}
