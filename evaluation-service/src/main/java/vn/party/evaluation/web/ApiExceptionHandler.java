package vn.party.evaluation.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;
import vn.party.evaluation.security.engine.OwnCaseRefusedException;
import vn.party.evaluation.security.engine.PersonRefusedException;
import vn.party.evaluation.security.engine.SeatOnlyRefusedException;

/**
 * Every refusal of the domain API as RFC 7807 problem details with {@code errors: [{field, reason, message}]},
 * messages in the caller's language (Vietnamese unless English is asked for).
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;
  private final FieldErrorProblems fieldErrors;
  private final ObjectMapper json;

  public ApiExceptionHandler(
      MessageSource messages, FieldErrorProblems fieldErrors, ObjectMapper json) {
    this.messages = messages;
    this.fieldErrors = fieldErrors;
    this.json = json;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    List<FieldProblem> problems =
        e.problems().stream()
            .map(p -> p.message() != null ? p : field(p.field(), p.reason(), p.bounds()))
            .toList();
    return problem(e.status(), message(e.messageKey(), e.arguments()), problems);
  }

  /** A body that breaks its Bean Validation rules, checked by Spring ({@code @Valid}) or by a controller itself. */
  @ExceptionHandler(BindException.class)
  ResponseEntity<ProblemDetail> invalid(BindException e) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> field(error.getField(), reasonOf(error.getCode()), bounds(error)))
            .toList();
    return problem(HttpStatus.BAD_REQUEST, message("error.invalid"), problems);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      // a field the body's type does not have ({@link StrictTextJson}): refused, not ignored
      return problem(HttpStatus.BAD_REQUEST, message("error.invalid"), List.of(unknown(unknown)));
    }
    if (e.getCause() instanceof JsonMappingException mismatch && !mismatch.getPath().isEmpty()) {
      // every value of the wrong type, not only the first Jackson met (fourteenth session, MEDIUM
      // 7)
      List<TypedBodyProblems.Mismatch> all = TypedBodyProblems.of(json);
      if (!all.isEmpty()) {
        return problem(
            HttpStatus.BAD_REQUEST,
            message("error.invalid"),
            all.stream()
                .map(m -> typed(m.field(), mismatchReason(m.cause()), targetType(m.cause())))
                .toList());
      }
      return problem(
          HttpStatus.BAD_REQUEST,
          message("error.invalid"),
          List.of(typed(fieldPath(mismatch), mismatchReason(mismatch), targetType(mismatch))));
    }
    if (e.getCause() instanceof JsonParseException parse
        && parse.getOriginalMessage() != null
        && parse.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
      // the same field twice ({"selfProposedLevel":"GOOD","selfProposedLevel":"EXCELLENT"}):
      // refused, not "last wins"
      String name =
          parse.getOriginalMessage().substring(DUPLICATE_FIELD.length()).replaceFirst("'$", "");
      return problem(
          HttpStatus.BAD_REQUEST,
          message("error.invalid"),
          List.of(field(name.length() > 100 ? name.substring(0, 100) : name, "duplicate-field")));
    }
    if (e.getCause() instanceof MismatchedInputException) {
      // valid JSON of another kind ([…], "…", 1): every JSON body of the API is one object
      return problem(
          HttpStatus.BAD_REQUEST,
          message("error.not-an-object"),
          List.of(
              new FieldProblem("body", "malformed", message("reason.malformed.not-an-object"))));
    }
    return problem(
        HttpStatus.BAD_REQUEST, message("error.malformed"), List.of(field("body", "malformed")));
  }

  /**
   * A field the body does not take, named as sent (neutralised, at most 100 characters) with the fields it takes: a
   * misspelt {@code reson} must not read as if the text had been recorded.
   */
  private FieldProblem unknown(UnrecognizedPropertyException unknown) {
    String path = fieldPath(unknown);
    String name = unknown.getPropertyName() == null ? path : unknown.getPropertyName();
    String shown =
        TextCharacters.neutralised(name.length() > 100 ? name.substring(0, 100) + "…" : name);
    String known =
        unknown.getKnownPropertyIds() == null
            ? ""
            : unknown.getKnownPropertyIds().stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
    String field = path.length() > 100 ? path.substring(0, 100) : path;
    return known.isEmpty()
        ? new FieldProblem(field, FieldError.UNKNOWN_FIELD, message("reason.unknown-field", shown))
        : new FieldProblem(
            field, FieldError.UNKNOWN_FIELD, message("reason.unknown-field.known", shown, known));
  }

  /** How Jackson's strict duplicate detection names the field ({@code spring.jackson.parser}). */
  private static final String DUPLICATE_FIELD = "Duplicate field '";

  /** Where in the body a value did not fit, as the problems name fields: {@code entries[0].votes}. */
  public static String fieldPath(JsonMappingException mismatch) {
    return mismatch.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /**
   * {@code invalid-format} for a value of the right kind in the wrong shape (a date), else {@code wrong-type} (a
   * number or a flag where text belongs: {@link StrictTextJson}).
   */
  public static String mismatchReason(JsonMappingException mismatch) {
    return mismatch instanceof InvalidFormatException format
            && !CharSequence.class.isAssignableFrom(
                format.getTargetType() == null ? Object.class : format.getTargetType())
        ? "invalid-format"
        : "wrong-type";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> pathType(MethodArgumentTypeMismatchException e) {
    if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
      return problem(
          HttpStatus.BAD_REQUEST,
          message("error.invalid"),
          List.of(oneOf(e.getName(), e.getRequiredType())));
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        message("error.invalid"),
        List.of(typed(e.getName(), "wrong-type", e.getRequiredType())));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message("error.media-type"), List.of());
  }

  /**
   * No answer in the type asked for ({@code Accept: text/csv}): says what was asked for and what the address answers
   * (session 13's outsider, LOW 16: "Không thực hiện được yêu cầu" said neither). The refusal itself comes as
   * problem details, as every refusal does.
   */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    String asked = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
    String served =
        e.getSupportedMediaTypes().stream()
            .filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
            .map(MediaType::toString)
            .distinct()
            .collect(Collectors.joining(", "));
    return problem(
        HttpStatus.NOT_ACCEPTABLE,
        message(
            "error.not-acceptable",
            TextCharacters.neutralised(
                asked.length() > 200 ? asked.substring(0, 200) + "…" : asked),
            served.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : served),
        List.of());
  }

  /**
   * The engine's own completion check refused (the API checked first, but a fact may have arrived in between): the
   * same fields and reasons as the API's check would give.
   */
  @ExceptionHandler(FormFieldValidationException.class)
  ResponseEntity<ProblemDetail> engineValidation(FormFieldValidationException e) {
    Object detail = e.getDetail();
    if (detail instanceof List<?> list
        && !list.isEmpty()
        && list.stream().allMatch(FieldError.class::isInstance)) {
      return problem(
          HttpStatus.BAD_REQUEST,
          message("error.invalid"),
          fieldErrors.of(list.stream().map(FieldError.class::cast).toList()));
    }
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
  }

  @ExceptionHandler(TaskAlreadyClaimedException.class)
  ResponseEntity<ProblemDetail> alreadyClaimed(TaskAlreadyClaimedException e) {
    return problem(HttpStatus.CONFLICT, message("error.task.claimed"), List.of());
  }

  /** Recusal: the person the task is about acted on it (through the engine, e.g. a meeting's completions). */
  @ExceptionHandler(OwnCaseRefusedException.class)
  ResponseEntity<ProblemDetail> ownCase(OwnCaseRefusedException e) {
    return problem(HttpStatus.FORBIDDEN, message(e.messageKey()), List.of());
  }

  /** A command no person may give through the engine (seat groups, the inspection committee's tasks). */
  @ExceptionHandler(PersonRefusedException.class)
  ResponseEntity<ProblemDetail> personRefused(PersonRefusedException e) {
    return problem(HttpStatus.FORBIDDEN, message(e.messageKey()), List.of());
  }

  /** Seats: a task of the processes is worked on and handed only by and to its committee's members. */
  @ExceptionHandler(SeatOnlyRefusedException.class)
  ResponseEntity<ProblemDetail> seatOnly(SeatOnlyRefusedException e) {
    return problem(HttpStatus.FORBIDDEN, message(e.messageKey()), List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> engineForbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, message("error.forbidden"), List.of());
  }

  @ExceptionHandler({NotFoundException.class, NullValueException.class})
  ResponseEntity<ProblemDetail> engineNotFound(RuntimeException e) {
    return problem(HttpStatus.NOT_FOUND, message("error.not-found"), List.of());
  }

  /**
   * Two requests changed the same thing at the same instant (e.g. the same task completed through two nodes): the
   * engine lets one commit and rolls the other back whole. The loser answered 500 until the resilience test
   * TwoEvaluationNodesTest (local-stack) raced completions on two nodes; it is a conflict, not a server error.
   */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingException e) {
    log.info("concurrent change refused: {}", e.getMessage());
    return problem(HttpStatus.CONFLICT, message("error.concurrent-change"), List.of());
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> databaseAway(RuntimeException e) {
    log.warn("database unavailable: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, message("error.unavailable"), List.of());
  }

  private FieldProblem field(String field, String reason) {
    return new FieldProblem(field, reason, message("reason." + reason, label(field)));
  }

  /**
   * The reason's message saying the range or the length allowed where the check knows it (outsider's re-attack of
   * 2026-12-07, LOW 10: "ngoài khoảng cho phép" said nothing of the range), as the pages word it ({@link
   * FieldProblem#shown}).
   */
  private FieldProblem field(String field, String reason, List<Long> bounds) {
    String message =
        new FieldProblem(field, reason, null, bounds)
            .shown(messages, label(field), LocaleContextHolder.getLocale());
    return new FieldProblem(field, reason, message);
  }

  /** A value of the wrong type or shape, saying what was expected ({@code type.*}) where it is one of ours. */
  private FieldProblem typed(String field, String reason, Class<?> expected) {
    String type = ExpectedType.of(expected);
    if (type == null) {
      return field(field, reason);
    }
    return new FieldProblem(
        field,
        reason,
        message("reason." + reason + ".expected", label(field), message("type." + type)));
  }

  /**
   * A parameter that must be one of an enum's names ({@code ?reason=FOO} on the unmatched events): named by its
   * type's label ({@code field.unmatched-reason}, not the adjustment's "reason"), with the values it takes.
   */
  private FieldProblem oneOf(String name, Class<?> type) {
    String kebab =
        type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    String label =
        messages.getMessage("field." + kebab, null, null, LocaleContextHolder.getLocale());
    String values =
        Arrays.stream(type.getEnumConstants())
            .map(value -> ((Enum<?>) value).name())
            .collect(Collectors.joining(", "));
    return new FieldProblem(
        name,
        "wrong-type",
        message("reason.wrong-type.one-of", label != null ? label : label(name), values));
  }

  /**
   * How a person reads the field or parameter ({@code field.*}): of the whole path, else of its last name
   * ({@code entries[0].votes}: the votes), else the name as sent.
   */
  private String label(String field) {
    Locale locale = LocaleContextHolder.getLocale();
    String label = messages.getMessage("field." + field, null, null, locale);
    if (label == null) {
      String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
      label = messages.getMessage("field." + last, null, null, locale);
    }
    return label != null ? label : field;
  }

  private static Class<?> targetType(JsonMappingException mismatch) {
    return mismatch instanceof MismatchedInputException input ? input.getTargetType() : null;
  }

  /** The limits the broken constraint sets, where Bean Validation checked the field. */
  private static List<Long> bounds(ObjectError error) {
    return error.contains(ConstraintViolation.class)
        ? ConstraintBounds.of(error.unwrap(ConstraintViolation.class))
        : List.of();
  }

  /** Bean Validation constraint names → the API's reason codes. */
  private static String reasonOf(String constraint) {
    if (constraint == null) {
      return "invalid";
    }
    return switch (constraint) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      case "Size" -> "too-long";
      case "Pattern" -> "invalid-format";
      case "Min", "Max", "Range" -> "out-of-range";
      case "NotAfterCurrentYear" -> "future-year";
      default -> "invalid";
    };
  }

  private String message(String key, Object... arguments) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, arguments, key, locale);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String detail, List<FieldProblem> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).body(body);
  }
}
