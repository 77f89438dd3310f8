package vn.party.evaluation.security.engine;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A person acted on a task about themselves: claimed, was handed or completed the branch review, the committee's
 * decision, a re-rating or a re-appraisal of their own evaluation. A {@link RestException} with status 403, so that
 * the engine REST API (both path forms, the webapps' copy) answers 403 with this reason; the domain API and the pages
 * answer with the same reason in the reader's language ({@code error.own-case}).
 */
public class OwnCaseRefusedException extends RestException {

  public static final String MESSAGE_KEY = "error.own-case";

  public OwnCaseRefusedException() {
    super(
        Response.Status.FORBIDDEN,
        "Không tự quyết định việc của mình: việc này là về chính bạn / "
            + "You cannot decide your own evaluation: this task is about you");
  }
}
