package vn.party.evaluation.security.engine;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A task of the application's processes is worked on only by a person in one of its candidate groups (its committee's
 * seat), or by the assignee the process set when it has none (the member's self-review): engine authorizations and the
 * administrators' group are not a seat (issue 12, outsider's recheck). A {@link RestException} with status 403.
 *
 * <p>{@link #notYours()} is answered by the engine REST API (both path forms, the webapps' copy) exactly as a task that
 * does not exist ({@code EngineRestProblems}: one 403 for forbidden and missing), so a refusal tells nobody that the
 * task is there; the domain API and the pages, which only reach it for a task the person may see, say why.
 */
public class SeatOnlyRefusedException extends RestException {

  /** The person holds no seat on the task. */
  public static final String NOT_YOURS_KEY = "error.task.seat-only";

  /** The task was to be handed to a user who holds no seat on it. */
  public static final String HANDED_KEY = "error.task.seat-only.handed";

  private final String messageKey;

  private SeatOnlyRefusedException(String messageKey, String reason) {
    super(Response.Status.FORBIDDEN, reason);
    this.messageKey = messageKey;
  }

  /** Acting on a task (or naming one that does not exist) without a seat on it. */
  public static SeatOnlyRefusedException notYours() {
    return new SeatOnlyRefusedException(
        NOT_YOURS_KEY,
        "Chỉ người trong cấp ủy được giao việc này mới thực hiện được / "
            + "Only a member of the committee this task belongs to may act on it");
  }

  /** Handing a task (assignee, owner, delegate, candidate) to a user outside its candidate groups. */
  public static SeatOnlyRefusedException handed() {
    return new SeatOnlyRefusedException(
        HANDED_KEY,
        "Chỉ giao việc này cho người trong cấp ủy được giao việc / "
            + "This task can be handed only to a member of the committee it belongs to");
  }

  /** Whether the engine REST API answers it as a missing task (see the class comment). */
  public boolean answeredAsMissing() {
    return NOT_YOURS_KEY.equals(messageKey);
  }

  /** The reason's key in the message bundles. */
  public String messageKey() {
    return messageKey;
  }
}
