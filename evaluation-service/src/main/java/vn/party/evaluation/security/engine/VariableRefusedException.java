package vn.party.evaluation.security.engine;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.exception.RestException;
import vn.party.evaluation.process.validation.FieldError;

/**
 * A person's command wrote variables it may not write. A {@link RestException} with status 400 on purpose: the engine
 * REST resources wrap any {@code ProcessEngineException} of a variable write into a 500 (and a completion's
 * {@code BadUserRequestException} too), but pass a {@code RestException}'s own status on, in every path form and in
 * the webapps' copy of the API. The domain API catches it and answers with the same fields.
 */
public class VariableRefusedException extends RestException {

  private final transient List<FieldError> errors;

  public VariableRefusedException(List<FieldError> errors) {
    super(
        Response.Status.BAD_REQUEST,
        errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
