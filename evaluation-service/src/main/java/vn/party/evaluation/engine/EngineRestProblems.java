package vn.party.evaluation.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;
import vn.party.evaluation.security.engine.IdentityLengths;
import vn.party.evaluation.security.engine.JobRunRefusedException;
import vn.party.evaluation.security.engine.PersonRefusedException;
import vn.party.evaluation.security.engine.SeatOnlyRefusedException;
import vn.party.evaluation.security.engine.TaskSeats;
import vn.party.evaluation.security.engine.VariableRefusedException;
import vn.party.evaluation.web.ExpectedType;
import vn.party.evaluation.web.FieldErrorProblems;
import vn.party.evaluation.web.MessageBundle;

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
 *   <li>bad input the engine refuses (issue 12, finding 11: its 400s named Java classes, "Cannot convert value 'x'
 *       of type 'Integer' to java type java.lang.Integer", and the parameter or variable only inside that text) is
 *       the problem /api/v1 gives: 400, {@code errors: [{field, reason, message}]} naming the query parameter
 *       ({@code dueAfter}, {@code sortBy}, {@code priority}), the variable ({@code variables.a},
 *       {@code processVariables.a}; the engine names only its type and value, so it is found in the body, kept by
 *       {@link RequestBody}) or the body's field ({@code messageName}; {@code body} for what is not JSON), the
 *       texts in the request's language ({@link #badInput});</li>
 *   <li>variables the guard refuses (written outside a task's form, not on the completed task's form, transient or
 *       of a value the form does not take: {@code VariableRefusedException}) as /api/v1 refuses the same command,
 *       each field with its stable reason and a sentence in Vietnamese then English ({@link #variablesRefused});</li>
 *   <li>a completion the completion rules refuse (a section too short, a level above its cap, the engine's
 *       {@code FormFieldValidationException}) as /api/v1 refuses it, each field with its reason and the domain API's
 *       sentence in Vietnamese then English ({@link #completionRefused});</li>
 *   <li>everything else as the engine answers it, as a problem whose
 *       {@code type} is the status's name, not the engine's exception class, and without the engine's text when it
 *       names a class ({@link #INTERNALS}).</li>
 * </ul>
 * The body keeps the engine's {@code message} (Tasklist shows it) and adds the problem details' {@code status},
 * {@code title} and {@code detail} (RFC 9457).
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

  /** The engine's refusal of an empty filter name ({@code FilterEntity.setName}), which names the field in English. */
  private static final String FILTER_NAME_EMPTY = "Filter name must not be null or empty";

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
    VariableRefusedException variables = find(error, VariableRefusedException.class);
    if (variables != null) {
      // a variable written or a completion sent with variables the form does not take: the refusal
      // of the other doors, in words (tenth session's outsider, LOW 8: "x: unknown-field", code
      // null)
      log.info("engine REST: variables refused: {}", variables.getMessage());
      return variablesRefused(variables.errors());
    }
    List<FieldError> completion = completionRefused(error);
    if (completion != null) {
      // the completion rules refused (a section too short, a level above its cap): the engine's
      // text was "Cannot submit task form …: strengths: section-too-short (…)", no errors[], no
      // English (eleventh session's outsider, MEDIUM 3)
      log.info("engine REST: completion refused: {}", completion);
      return completionRefused(completion);
    }
    List<Map<String, String>> fields = badInput(error);
    if (fields != null) {
      // issue 12, finding 11: the engine's text named Java classes and named the parameter or
      // variable only inside it; the same problem as /api/v1, naming it
      log.info("engine REST: bad input {}: {}", fields, error.getMessage());
      return badRequest(fields);
    }
    if (engine.getStatus() < 500) {
      return engineAnswer(engine, error);
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

  /**
   * What no answer shows (issue 12, finding 11): a Java class or package name, an exception's name, a stack frame,
   * SQL. An engine answer holding one is replaced by a problem without text of the engine.
   */
  static final Pattern INTERNALS =
      Pattern.compile(
          "java\\.|javax\\.|jakarta\\.|org\\.camunda|com\\.fasterxml|org\\.apache|org\\.glassfish"
              + "|org\\.postgresql|[Ee]xception|\\bat [a-z]+\\.[a-z]+\\.[a-z]"
              + "|\\b(?:select|SELECT)\\b.*\\b(?:from|FROM)\\b|\\b(?:act|ACT)_[a-zA-Z]{2}_");

  /** The engine's own words for a query parameter it could not read: the parameter's name is the first quoted. */
  private static final Pattern QUERY_PARAMETER =
      Pattern.compile("Cannot set query parameter '([A-Za-z][A-Za-z0-9_]{0,99})' to value");

  /** A sorting parameter's value the engine does not know ("sortBy parameter has invalid value: bogus"). */
  private static final Pattern INVALID_PARAMETER_VALUE =
      Pattern.compile("^([A-Za-z][A-Za-z0-9_]{0,99}) parameter has invalid value");

  private static final String SORTING_INCOMPLETE = "Only a single sorting parameter specified";

  /** A variable's value its declared type cannot read: the value and the type (names no variable). */
  private static final Pattern VARIABLE_VALUE =
      Pattern.compile(
          "Cannot convert value '(.*)' of type '([^']{0,100})' to java type", Pattern.DOTALL);

  /** A variable of a type the engine does not know. */
  private static final Pattern VARIABLE_TYPE =
      Pattern.compile("Unsupported value type '([^']{0,100})'");

  /** A serialized (Object, Json, Xml) variable whose value is not text. */
  private static final Pattern SERIALIZED_VALUE =
      Pattern.compile(
          "Must provide 'null' or String value for value of SerializableValue type '([^']{0,100})'");

  /** The variable named by the path ({@code .../variables/{name}}, {@code .../localVariables/{name}/data}). */
  private static final Pattern VARIABLE_IN_PATH =
      Pattern.compile("/(?:variables|localVariables)/([^/]+)(?:/data)?/?$");

  /**
   * The parameters or variables at fault in an engine refusal of bad input, each with a reason as /api/v1 gives
   * them; null when the error is no such refusal. The engine's text is read here only to find the name: a query
   * parameter it could not convert or sort by, a variable whose value its type cannot read or whose type it does not
   * know (found in the body by its type and value), a body that is not JSON or not of the expected shape; and the
   * fields of a user, group, tenant or filter that do not fit the engine's columns ({@link IdentityLengths}).
   */
  static List<Map<String, String>> badInput(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IdentityLengths.Refused refused) {
        // a user, group, tenant or filter not fitting the engine's columns, named by the guard
        return refused.errors();
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (message.startsWith(FILTER_NAME_EMPTY)) {
        // the engine's own check of a filter's name, before any command (seventh session's
        // outsider)
        return List.of(field("name", FieldError.REQUIRED));
      }
      Matcher query = QUERY_PARAMETER.matcher(message);
      if (query.find()) {
        return List.of(field(query.group(1), conversionReason(t)));
      }
      Matcher value = INVALID_PARAMETER_VALUE.matcher(message);
      if (value.find()) {
        return List.of(field(value.group(1), "invalid"));
      }
      if (message.startsWith(SORTING_INCOMPLETE)) {
        Map<String, String[]> parameters = currentParameters();
        return List.of(
            field(parameters.containsKey("sortBy") ? "sortOrder" : "sortBy", FieldError.REQUIRED));
      }
      Matcher variable = VARIABLE_VALUE.matcher(message);
      if (variable.find()) {
        return List.of(
            expecting(
                field(variable(variable.group(2), variable.group(1)), "wrong-type"),
                variable.group(2)));
      }
      Matcher type = VARIABLE_TYPE.matcher(message);
      if (type.find()) {
        return List.of(field(variable(type.group(1), null), "unknown-type"));
      }
      Matcher serialized = SERIALIZED_VALUE.matcher(message);
      if (serialized.find()) {
        return List.of(expecting(field(variable(serialized.group(1), null), "wrong-type"), "text"));
      }
    }
    JsonMappingException mismatch =
        bodyUnread(error) ? find(error, JsonMappingException.class) : null;
    if (mismatch != null && !mismatch.getPath().isEmpty()) {
      Map<String, String> field =
          field(
              fieldPath(mismatch),
              mismatch instanceof UnrecognizedPropertyException
                  ? FieldError.UNKNOWN_FIELD
                  : mismatch instanceof InvalidFormatException ? "invalid-format" : "wrong-type");
      String expected =
          mismatch instanceof MismatchedInputException input
              ? ExpectedType.of(input.getTargetType())
              : null;
      return List.of(expected == null ? field : expecting(field, expected));
    }
    if (bodyUnread(error)) {
      return List.of(field("body", "malformed"));
    }
    return null;
  }

  /**
   * Whether the request's body could not be read as the resource expects (Jackson's own exception, as the reader
   * threw it or as Jersey wrapped it), not a JSON error of the engine's work (a stored variable read back).
   */
  private static boolean bodyUnread(Throwable error) {
    return !(error instanceof RestException)
        && (error instanceof JsonProcessingException
            || error.getCause() instanceof JsonProcessingException);
  }

  /** Why a query parameter could not be read: a date's or a filter's format, a number, a flag, else its value. */
  private static String conversionReason(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    String all = text.toString();
    if (all.contains("java.util.Date") || all.contains("KEY_OPERATOR_VALUE")) {
      return "invalid-format";
    }
    if (Pattern.compile("java\\.lang\\.(Integer|Long|Short|Double|Float)|java\\.math\\.")
        .matcher(all)
        .find()) {
      return FieldError.NOT_A_NUMBER;
    }
    if (all.contains("java.lang.Boolean")) {
      return FieldError.NOT_A_FLAG;
    }
    return "invalid";
  }

  /** Where in the body a value did not fit, as /api/v1 names fields: {@code processVariables.a}. */
  private static String fieldPath(JsonMappingException mismatch) {
    String path =
        mismatch.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return shown(path, "body");
  }

  /**
   * The variable the engine refused, by the path in the body of the variable of this type (and value, when the
   * engine names it): {@code variables.a}, {@code processVariables.a}; for a body that is the variable itself, its
   * name in the URL. The engine names no variable.
   */
  private static String variable(String type, String value) {
    JsonNode body = currentBody();
    String path = null;
    if (body != null) {
      path = variablePath(body, "", type, value);
      if (path == null && value != null) {
        path = variablePath(body, "", type, null);
      }
    }
    if (path == null || path.isEmpty()) {
      HttpServletRequest request = currentRequest();
      Matcher named = VARIABLE_IN_PATH.matcher(request == null ? "" : request.getRequestURI());
      if (named.find()) {
        return shown(URLDecoder.decode(named.group(1), StandardCharsets.UTF_8), "variables");
      }
      return "variables";
    }
    return shown(path, "variables");
  }

  private static String variablePath(JsonNode node, String path, String type, String value) {
    if (node.isObject()) {
      JsonNode declared = node.get("type");
      if (declared != null
          && declared.isTextual()
          && declared.asText().equals(type)
          && (value == null || valueOf(node.get("value")).equals(value))) {
        return path;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> child = it.next();
        String found =
            variablePath(
                child.getValue(),
                path.isEmpty() ? child.getKey() : path + "." + child.getKey(),
                type,
                value);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = variablePath(node.get(i), path + "[" + i + "]", type, value);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String valueOf(JsonNode value) {
    return value == null || value.isNull()
        ? "null"
        : value.isTextual() ? value.asText() : value.toString();
  }

  /** A name as it may be shown: the reader's own text, unless it holds what no answer repeats. */
  private static String shown(String name, String otherwise) {
    if (name == null
        || name.isBlank()
        || TextCharacters.problem(name) != null
        || INTERNALS.matcher(name).find()) {
      return otherwise;
    }
    return name.length() > 100 ? name.substring(0, 100) : name;
  }

  /** The refusal with the type its sentence says was expected ({@link EngineRestWords#EXPECTED}). */
  private static Map<String, String> expecting(Map<String, String> field, String type) {
    field.put(EngineRestWords.EXPECTED, type);
    return field;
  }

  private static Map<String, String> field(String name, String reason) {
    Map<String, String> field = new LinkedHashMap<>();
    field.put("field", name);
    field.put("reason", reason);
    return field;
  }

  /**
   * Any other refusal as the engine answers it, as a problem: its
   * {@code type} the status's name, not the engine's exception class; the engine's message kept unless it holds
   * internal text (a class name), then the problem's general detail.
   */
  private static Response engineAnswer(Response engine, Throwable error) {
    int status = engine.getStatus();
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Bad Request" : known.getReasonPhrase();
    Map<String, Object> body = new LinkedHashMap<>();
    Object entity = engine.getEntity();
    if (entity != null) {
      try {
        Map<?, ?> engineBody = JSON.convertValue(entity, Map.class);
        engineBody.forEach((k, v) -> body.put(String.valueOf(k), v));
      } catch (IllegalArgumentException e) {
        body.clear();
      }
    }
    body.remove("type");
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      text = "Exception";
    }
    if (INTERNALS.matcher(text).find()) {
      log.info("engine REST: {} refused ({}): {}", status, error.getClass().getSimpleName(), text);
      return problem(status, title, status == 400 ? INVALID : title);
    }
    Object message = body.get("message");
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", title.replace(" ", ""));
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", message == null ? title : message);
    problem.putAll(body);
    problem.put("status", status);
    return json(status, problem);
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

  /**
   * 400 naming each refused parameter or variable and why ({@link EngineRestQueryParameters}, {@link #badInput}), as
   * /api/v1 answers: {@code errors: [{field, reason, message}]} (with {@code maxLength}, also in the message, for a
   * value longer than the engine's column: {@link IdentityLengths}), the detail and messages in the request's language
   * (Vietnamese unless another is asked for). The engine's {@code message}, which Tasklist shows, says it all.
   */
  static Response badRequest(List<Map<String, String>> errors) {
    Locale locale = currentLocale();
    boolean malformed = errors.stream().allMatch(e -> "malformed".equals(e.get("reason")));
    String detail = text(malformed ? "error.malformed" : "error.invalid", locale);
    List<Map<String, Object>> named = new ArrayList<>();
    for (Map<String, String> error : errors) {
      Map<String, Object> withMessage = new LinkedHashMap<>(error);
      withMessage.remove(EngineRestWords.EXPECTED);
      String max = error.get(IdentityLengths.MAX_LENGTH);
      if (max != null) {
        // a column's length (IdentityLengths): named, as a number and in the message
        withMessage.put(IdentityLengths.MAX_LENGTH, Integer.valueOf(max));
      }
      // the field by its label and what was expected (twelfth session's outsider, LOW 12: raw
      // names, no expected value)
      withMessage.put("message", WORDS.sentence(error, locale));
      named.add(withMessage);
    }
    return badRequest(detail, " ", named);
  }

  /** 400 in the engine's error form, with the fields named in {@code errors} and their sentences in the message. */
  private static Response badRequest(
      String detail, String beforeSentences, List<Map<String, Object>> named) {
    return problem(
        detail,
        detail
            + beforeSentences
            + named.stream().map(e -> (String) e.get("message")).collect(Collectors.joining(" ")),
        named);
  }

  /** 400 in the engine's error form: the detail, the message a person reads, the fields named. */
  private static Response problem(String detail, String message, List<Map<String, Object>> named) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "BadRequest");
    body.put("title", "Bad Request");
    body.put("status", 400);
    body.put("detail", detail);
    body.put("message", message);
    body.put("errors", named);
    return json(400, body);
  }

  static final String VARIABLES_REFUSED =
      "Biến không được ghi (xem errors) / The variables were not written (see errors)";

  /**
   * 400 for variables refused by the guard ({@link VariableRefusedException}): a variable written outside a task's
   * form, a completion's variable the form does not take, a transient or ill-typed value. As /api/v1 answers the same
   * command: {@code errors: [{field, reason, message}]}, the field the variable's name, the reason a stable code
   * ({@code written-by-completion-only} outside a completion, {@code unknown-field}, …), the message a sentence naming the field by its label, Vietnamese first then English, as
   * this door's other refusals; no raw {@code field: reason} text and no {@code code: null}.
   */
  static Response variablesRefused(List<FieldError> refused) {
    return refusedInWords(
        VARIABLES_REFUSED,
        refused,
        (error, locale) -> sentence(error.field(), error.reason(), locale));
  }

  static final String COMPLETION_REFUSED =
      "Công việc chưa được hoàn thành (xem errors) / The task was not completed (see errors)";

  /**
   * The completion rules' refusal ({@link FieldError}s, the detail of the engine's {@link FormFieldValidationException}
   * the processes' completion listener throws) in the chain, or null (the engine's own form field checks, whose
   * detail is no such list, stay the engine's answer).
   */
  private static List<FieldError> completionRefused(Throwable error) {
    FormFieldValidationException refusal = find(error, FormFieldValidationException.class);
    if (refusal != null
        && refusal.getDetail() instanceof List<?> list
        && !list.isEmpty()
        && list.stream().allMatch(FieldError.class::isInstance)) {
      return list.stream().map(FieldError.class::cast).toList();
    }
    return null;
  }

  /**
   * 400 for a completion the completion rules refuse, as /api/v1 refuses it: {@code errors: [{field, reason,
   * message}]}, each message the domain API's sentence ({@link FieldErrorProblems}: the field by its label, a
   * section by its title, a cap, quota or vote with its figures) in Vietnamese, then English; the {@code message}
   * Tasklist shows says them all.
   */
  static Response completionRefused(List<FieldError> refused) {
    // Tasklist shows only the message, in its red box after its own English lead (twelfth
    // session's outsider, 8): every sentence in Vietnamese, then every one in English, without the
    // detail's "(xem errors)", which names a part of the answer no person sees there
    BiFunction<FieldError, Locale, String> sentence =
        (error, locale) -> PROBLEMS.of(error, locale).message();
    return problem(COMPLETION_REFUSED, completionRefusedMessage(refused), named(refused, sentence));
  }

  /** What a person reads of a refused completion: the sentences in Vietnamese, then in English. */
  static String completionRefusedMessage(List<FieldError> refused) {
    return COMPLETION_REFUSED_VI
        + refused.stream()
            .map(error -> PROBLEMS.of(error, Locale.forLanguageTag("vi")).message())
            .collect(Collectors.joining(" "))
        + " / "
        + COMPLETION_REFUSED_EN
        + refused.stream()
            .map(error -> PROBLEMS.of(error, Locale.ENGLISH).message())
            .collect(Collectors.joining(" "));
  }

  private static final String COMPLETION_REFUSED_VI = "Công việc chưa được hoàn thành: ";
  private static final String COMPLETION_REFUSED_EN = "The task was not completed: ";

  /** The 400 of refused fields, each with its sentence in Vietnamese then English. */
  private static Response refusedInWords(
      String detail, List<FieldError> refused, BiFunction<FieldError, Locale, String> sentence) {
    return badRequest(detail, ": ", named(refused, sentence));
  }

  /** Each refused field with its reason and its sentence in Vietnamese, then English. */
  private static List<Map<String, Object>> named(
      List<FieldError> refused, BiFunction<FieldError, Locale, String> sentence) {
    Locale vi = Locale.forLanguageTag("vi");
    List<Map<String, Object>> named = new ArrayList<>();
    for (FieldError error : refused) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("field", error.field());
      field.put("reason", error.reason());
      field.put(
          "message", sentence.apply(error, vi) + " / " + sentence.apply(error, Locale.ENGLISH));
      named.add(field);
    }
    return named;
  }

  /**
   * A refused variable's sentence in one language: the reason, naming the variable by its form's label, else as a
   * variable ("biến “x”"), not by its bare name.
   */
  private static String sentence(String field, String reason, Locale locale) {
    return text("reason." + reason, locale, WORDS.variableLabel(field, locale));
  }

  /** The application's texts (messages.properties: Vietnamese; messages_en: English). */
  private static final ResourceBundleMessageSource MESSAGES = MessageBundle.TEXTS;

  /** The sentences of engine REST's own refusals (a parameter, a body's field, a variable). */
  private static final EngineRestWords WORDS = new EngineRestWords(MESSAGES);

  /** The domain API's sentences for the completion rules' refusals, from the same texts. */
  private static final FieldErrorProblems PROBLEMS = new FieldErrorProblems(MESSAGES);

  private static String text(String key, Locale locale, Object... arguments) {
    return MESSAGES.getMessage(key, arguments, key, locale);
  }

  /** The request's language as /api/v1 takes it: Vietnamese unless an Accept-Language asks otherwise. */
  private static Locale currentLocale() {
    HttpServletRequest request = currentRequest();
    return request == null || request.getHeader("Accept-Language") == null
        ? Locale.forLanguageTag("vi")
        : request.getLocale();
  }

  /** The servlet request being answered (Spring's request context spans both doors' servlets), or null. */
  private static HttpServletRequest currentRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
  }

  private static Map<String, String[]> currentParameters() {
    HttpServletRequest request = currentRequest();
    return request == null ? Map.of() : request.getParameterMap();
  }

  /** The JSON body of the request being answered, as {@link RequestBody} kept it, or null. */
  private static JsonNode currentBody() {
    HttpServletRequest request = currentRequest();
    Object body = request == null ? null : request.getAttribute(RequestBody.ATTRIBUTE);
    if (body instanceof byte[] bytes) {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Keeps a copy of a JSON request body (up to {@link #LIMIT}) while the engine reads it, so that a refusal of a
   * variable can name the variable: the engine's text names only its type and value.
   */
  public static class RequestBody implements ReaderInterceptor {

    static final String ATTRIBUTE = RequestBody.class.getName();
    private static final int LIMIT = 1 << 20;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
      MediaType type = context.getMediaType();
      if (type != null && type.getSubtype() != null && type.getSubtype().endsWith("json")) {
        InputStream in = context.getInputStream();
        byte[] head = in.readNBytes(LIMIT + 1);
        if (head.length <= LIMIT) {
          context.setProperty(ATTRIBUTE, head);
          context.setInputStream(new ByteArrayInputStream(head));
        } else {
          context.setInputStream(new SequenceInputStream(new ByteArrayInputStream(head), in));
        }
      }
      return context.proceed();
    }
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
