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

  /** Someone else handing the task to the member it is about: said to them, not as if it were their own case. */
  public static final String HANDED_KEY = "error.own-case.handed";

  private final String messageKey;

  public OwnCaseRefusedException() {
    this(
        MESSAGE_KEY,
        "Không tự quyết định việc của mình: việc này là về chính bạn / "
            + "You cannot decide your own evaluation: this task is about you");
  }

  private OwnCaseRefusedException(String messageKey, String engineText) {
    super(Response.Status.FORBIDDEN, engineText);
    this.messageKey = messageKey;
  }

  /** The task was to be handed (assignee, owner, delegate, candidate) to the member it is about. */
  public static OwnCaseRefusedException handedToSubject() {
    return new OwnCaseRefusedException(
        HANDED_KEY,
        "Không giao việc này cho chính người được kiểm điểm / "
            + "This task cannot be handed to the member it is about");
  }

  /** The reason's key in the message bundles. */
  public String messageKey() {
    return messageKey;
  }
}
