package vn.party.evaluation.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.engine.JobRunRefusedException;
import vn.party.evaluation.security.engine.PersonRefusedException;
import vn.party.evaluation.security.engine.SeatOnlyRefusedException;
import vn.party.evaluation.security.engine.TaskSeats;

/**
 * The engine REST API's answer to every error, in place of the engine's own mappers (issue 12, outsider's findings):
 * <ul>
 *   <li>no oracle: a refusal by the engine's authorizations names no resource (it named the process instance of
 *       another member's evaluation), and for anyone but an administrator "no such thing" (an unknown process
 *       instance, a business key no process waits on) is the same 403 — so a stranger cannot tell another member's
 *       case from a missing one;</li>
 *   <li>no 5xx for bad input: what the engine answered 500 for (a variable's data the declared type cannot read, deleting a
 *       process's task, a signal to an execution not waiting for it, an unknown id) is a 4xx, without the engine's or
 *       Jackson's internal text; a database failure stays a 500, without text;</li>
 *   <li>a body that is not JSON, or not of the expected shape, is the same 400 without Jackson's text (it named the
 *       engine's internal classes), whether or not the task it names exists; an unknown task is the same 403;</li>
 *   <li>the same at the webapps' copy of the API ({@code /camunda/api/engine}, Tasklist's and Cockpit's door,
 *       {@link WebappEngineRestApplication});</li>
 *   <li>a task command by a person holding no seat on the task ({@link SeatOnlyRefusedException}) is that same 403:
 *       a task one may not act on and one that does not exist answer alike, for the administrator too;</li>
 *   <li>input the database refuses (a NUL, a negative LIMIT) is a 400, a row that exists already (the same membership
 *       twice) a 409, not a 500 (issue 12, outsiders' recheck; query parameters are checked before, naming the
 *       parameter: {@link EngineRestQueryParameters});</li>
 *   <li>everything else as the engine answers it (a completion refused naming its fields, say).</li>
 * </ul>
 * The body keeps the engine's {@code type} and {@code message} (Tasklist reads them) and adds the problem details'
 * {@code status}, {@code title} and {@code detail} (RFC 9457).
 */
public class EngineRestProblems implements ExceptionMapper<Throwable> {

  private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);
  static final String FORBIDDEN =
      "Không có quyền, hoặc không có đối tượng này / Not allowed, or no such thing";
  static final String NOT_FOUND = "Không tìm thấy / Not found";
  static final String INVALID =
      "Yêu cầu không hợp lệ với dữ liệu hoặc trạng thái hiện tại của quy trình / "
          + "The request is not valid for this data or the process's current state";
  static final String CONFLICT =
      "Việc này vừa được xử lý cùng lúc ở nơi khác; hãy thử lại / "
          + "This was changed at the same moment elsewhere; try again";
  static final String FAILURE = "Lỗi hệ thống, hãy thử lại sau / Internal error, try again later";
  static final String BAD_PARAMETERS =
      "Tham số không hợp lệ (xem errors) / Invalid parameters (see errors)";
  static final String DUPLICATE = "Đã có rồi / It already exists";

  /**
   * PostgreSQL's answers to input it cannot take (issue 12, outsiders' recheck: each was a 500): a NUL in a text
   * (22021, 22P05), a negative LIMIT or OFFSET (2201W, 2201X), a number or text that does not fit (22003, 22001);
   * and a row that already exists (23505: the same membership added twice, a user or group id taken).
   */
  private static final Set<String> BAD_INPUT_STATES =
      Set.of("22021", "22P05", "2201W", "2201X", "22003", "22001");

  private static final String UNIQUE_VIOLATION = "23505";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the engine REST API's comment and attachment resources answer before any command when the person may not
   * read the task's history (no member or committee may): the same for a real task and for none.
   */
  private static final String NO_TASK_FOUND = "No task found for task id ";

  private final Supplier<IdentityService> identityService;
  private final Supplier<TaskSeats> seats;

  public EngineRestProblems(ProcessEngine engine) {
    this(() -> engine);
  }

  /** For the webapps' JAX-RS application, which Jersey makes by class name: the engine is looked up when needed. */
  EngineRestProblems(Supplier<ProcessEngine> engine) {
    this.identityService = () -> engine.get().getIdentityService();
    this.seats =
        () ->
            new TaskSeats(
                (ProcessEngineConfigurationImpl) engine.get().getProcessEngineConfiguration());
  }

  @Override
  public Response toResponse(Throwable error) {
    Response engine = ExceptionHandlerHelper.getInstance().getResponse(error);
    if (has(error, JobRunRefusedException.class)) {
      // a timer run before its time: as every process-control refusal below
      return administrator()
          ? problem(403, "Forbidden", PersonRefusedException.processControl().getMessage())
          : forbidden();
    }
    PersonRefusedException person = find(error, PersonRefusedException.class);
    if (person != null) {
      // a process of the evaluation steered or deleted from outside: for anyone but an
      // administrator the same
      // answer as for one that does not exist (no oracle); an administrator is told why
      return PersonRefusedException.PROCESS_CONTROL_KEY.equals(person.messageKey())
              && !administrator()
          ? forbidden()
          : problem(403, "Forbidden", person.getMessage());
    }
    String noteTask = noteTaskNotFound(error);
    if (noteTask != null) {
      // a comment or an attachment: a seat holder is told why (as the engine's guard tells them
      // when the command runs), anyone else gets the answer for no task (issue 12, outsider's
      // re-attack L3: "No task found" on one's own task)
      return holdsSeat(noteTask)
          ? problem(403, "Forbidden", PersonRefusedException.notes().getMessage())
          : administrator() ? problem(404, "Not Found", NOT_FOUND) : forbidden();
    }
    if (has(error, AuthorizationException.class)
        || refusedAsMissing(error)
        || (engine.getStatus() == 403 && restLayersOwnRefusal(error))) {
      return forbidden();
    }
    if (has(error, NullValueException.class)
        || has(error, NotFoundException.class)
        || (engine.getStatus() == 404 && has(error, RestException.class))
        || (has(error, MismatchingMessageCorrelationException.class) && !administrator())) {
      return administrator() ? problem(404, "Not Found", NOT_FOUND) : forbidden();
    }
    if (engine.getStatus() < 500) {
      return engine;
    }
    if (has(error, OptimisticLockingException.class)) {
      return problem(409, "Conflict", CONFLICT);
    }
    String state = sqlState(error);
    if (UNIQUE_VIOLATION.equals(state)) {
      log.info("engine REST: already exists: {}", error.getMessage());
      return problem(409, "Conflict", DUPLICATE);
    }
    if (state != null && BAD_INPUT_STATES.contains(state)) {
      log.info("engine REST: input the database refuses ({}): {}", state, error.getMessage());
      return problem(400, "Bad Request", INVALID);
    }
    if (has(error, SQLException.class)
        || has(error, DataAccessException.class)
        || has(error, PersistenceException.class)) {
      log.warn("engine REST: server failure", error);
      return problem(500, "Internal Server Error", FAILURE);
    }
    log.info(
        "engine REST: request refused ({}): {}",
        error.getClass().getSimpleName(),
        error.getMessage());
    return problem(400, "Bad Request", INVALID);
  }

  /** The same answer for "not allowed" and "no such thing": names only who asked (their own id), nothing else. */
  private Response forbidden() {
    Authentication authentication = identityService.get().getCurrentAuthentication();
    return problem(
        403,
        "Forbidden",
        authentication == null || authentication.getUserId() == null
            ? FORBIDDEN
            : FORBIDDEN + " (" + authentication.getUserId() + ")");
  }

  /**
   * A 403 the REST layer made of the engine's text (a task's deployed form: "The user … does not have … READ
   * permission on resource '…' of type 'Task'"), naming the task: the same answer as for a missing one. Not the
   * application's own refusals, which it wraps too (a completion's "Cannot complete task …: " + their reason).
   */
  private static boolean restLayersOwnRefusal(Throwable error) {
    boolean wrapper = false;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidRequestException) {
        wrapper = true;
      } else if (t instanceof RestException) {
        return false; // one of ours, with its reason
      }
    }
    return wrapper;
  }

  /**
   * The task id of the REST layer's own "No task found" before a comment or an attachment is written (a 400 of the
   * engine REST API's comment and attachment resources), or null.
   */
  private static String noteTaskNotFound(Throwable error) {
    if (error instanceof InvalidRequestException invalid
        && invalid.getStatus() == Response.Status.BAD_REQUEST
        && invalid.getMessage() != null
        && invalid.getMessage().startsWith(NO_TASK_FOUND)) {
      return invalid.getMessage().substring(NO_TASK_FOUND.length()).strip();
    }
    return null;
  }

  /** Whether the person asking holds a seat on this task of the processes ({@link TaskSeats}). */
  private boolean holdsSeat(String taskId) {
    Authentication authentication = identityService.get().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    List<String> groups =
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return !groups.contains(Groups.AUDITORS)
        && seats.get().mayWork(taskId, authentication.getUserId(), groups);
  }

  /** A task one holds no seat on: answered as one that does not exist ({@link SeatOnlyRefusedException}). */
  private static boolean refusedAsMissing(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SeatOnlyRefusedException refused && refused.answeredAsMissing()) {
        return true;
      }
    }
    return false;
  }

  private boolean administrator() {
    Authentication authentication = identityService.get().getCurrentAuthentication();
    return authentication != null
        && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.ADMINS);
  }

  /** The SQL state of the first database exception in the chain (a batch's next exceptions included), or null. */
  private static String sqlState(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (e.getSQLState() != null && !e.getSQLState().isBlank()) {
            return e.getSQLState();
          }
        }
      }
    }
    return null;
  }

  /** 400 naming each refused parameter and why ({@link EngineRestQueryParameters}). */
  static Response badRequest(List<Map<String, String>> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "BadRequest");
    body.put("title", "Bad Request");
    body.put("status", 400);
    body.put("detail", BAD_PARAMETERS);
    body.put("message", BAD_PARAMETERS);
    body.put("errors", errors);
    return json(400, body);
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Response problem(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", title.replace(" ", ""));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("message", detail);
    return json(status, body);
  }

  private static Response json(int status, Map<String, Object> body) {
    try {
      return Response.status(status)
          .type(MediaType.valueOf("application/problem+json"))
          .entity(JSON.writeValueAsString(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
