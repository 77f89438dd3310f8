package vn.party.notification.web;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is an RFC 7807 problem in the caller's language. Spring MVC's own
 * exceptions and {@code ErrorResponseException}s are handled by the base class, with texts from
 * the message bundles ({@code problemDetail.*}); the rest never shows a stack trace. A refused request
 * body is a 400 naming each field in {@code errors: [{field, reason, message}]}, as evaluation-service
 * answers.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
    setMessageSource(messages);
  }

  /**
   * The database is away. Besides DataAccessException this covers the transaction manager's own exceptions: with
   * PostgreSQL stopped, a {@code @Transactional} call fails with CannotCreateTransactionException (no connection)
   * or TransactionSystemException (the rollback on a lost connection), which answered 500 before the resilience
   * test (local-stack, DatabaseOutageTest) found it.
   */
  @ExceptionHandler({
    DataAccessException.class,
    CannotCreateTransactionException.class,
    TransactionSystemException.class
  })
  ProblemDetail databaseUnavailable(NestedRuntimeException e, Locale locale) {
    log.warn("Database error while serving a request: {}", e.getMostSpecificCause().getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "error.database", locale);
  }

  /**
   * A query parameter the endpoint does not take ({@code GET /api/v1/notifications?size=5}): a 400 naming it
   * ({@code unknown-parameter}), not the default page without a word ({@link UnknownQueryParameters}). A name that
   * is not plain letters, digits, {@code _ . - [ ]} (at most 100) is not repeated.
   */
  @ExceptionHandler(UnknownQueryParameters.UnknownParameterException.class)
  ProblemDetail unknownParameter(
      UnknownQueryParameters.UnknownParameterException e, Locale locale) {
    List<FieldProblem> problems =
        e.names().stream()
            .map(name -> name.matches("[\\p{L}\\p{N}_.\\-\\[\\]]{1,100}") ? name : "(parameter)")
            .distinct()
            .map(name -> field(name, "unknown-parameter", locale))
            .toList();
    return invalid("error.invalid", problems, locale);
  }

  /** A body that breaks a Bean Validation rule, e.g. a required field left out or null. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldProblem> problems =
        ex.getBindingResult().getFieldErrors().stream()
            .map(error -> field(error.getField(), reasonOf(error.getCode()), locale))
            .distinct()
            .toList();
    return handleExceptionInternal(
        ex, invalid("error.invalid", problems, locale), headers, status, request);
  }

  /** A body that is not JSON, or has a value of the wrong type (named by its JSON path). */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail body;
    if (ex.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()
        && !(mapping.getCause() instanceof StreamReadException)) {
      String path =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String reason =
          mapping instanceof MismatchedInputException mismatch
                  && isBoolean(mismatch.getTargetType())
              ? "not-boolean"
              : "wrong-type";
      body = invalid("error.invalid", List.of(field(path, reason, locale)), locale);
    } else {
      body = invalid("error.malformed", List.of(field("body", "malformed", locale)), locale);
    }
    return handleExceptionInternal(ex, body, headers, status, request);
  }

  /**
   * A path or query parameter of the wrong type, e.g. {@code /api/v1/notifications/xyz/read}: Spring's own answer
   * was the English "Failed to convert 'id' with value: 'xyz'" (issue 12). A 400 in the caller's language naming
   * the parameter, as a refused body field is named.
   */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    String name =
        ex instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
    String value = String.valueOf(ex.getValue());
    if (value.length() > 100) {
      value = value.substring(0, 100) + "…";
    }
    String code = MethodArgumentTypeMismatchException.class.getName();
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            messages.getMessage("problemDetail." + code, new Object[] {name, value}, locale));
    body.setTitle(messages.getMessage("problemDetail.title." + code, null, locale));
    body.setProperty("errors", List.of(field(name, "wrong-type", locale)));
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  /**
   * A query parameter outside its bounds ({@code GET /api/v1/notifications?limit=-5}, {@code limit=100000}): a 400
   * naming it with the reason ({@code out-of-range}), as a refused body field is named (issue 12, outsider's
   * re-attack L4: Spring's answer named nothing).
   */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldProblem> problems =
        ex.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                field(
                                    parameterName(result.getMethodParameter()),
                                    parameterReason(error.getCodes()),
                                    locale)))
            .distinct()
            .toList();
    return handleExceptionInternal(
        ex, invalid("error.invalid", problems, locale), headers, HttpStatus.BAD_REQUEST, request);
  }

  /** The name the caller used: the request parameter's own name, else the method parameter's. */
  private static String parameterName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    return parameter.getParameterName() == null ? "parameter" : parameter.getParameterName();
  }

  /** A constraint's codes (the last is its name, {@code Min}) as the API's reason. */
  private static String parameterReason(String[] codes) {
    if (codes == null || codes.length == 0) {
      return "invalid";
    }
    return switch (codes[codes.length - 1]) {
      case "Min", "Max", "Range", "Positive", "PositiveOrZero" -> "out-of-range";
      default -> reasonOf(codes[codes.length - 1]);
    };
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, Locale locale) {
    log.error("Unexpected error while serving a request", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", locale);
  }

  private ProblemDetail invalid(String detailCode, List<FieldProblem> problems, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, messages.getMessage(detailCode, null, locale));
    problem.setTitle(messages.getMessage("error.invalid.title", null, locale));
    problem.setProperty("errors", problems);
    return problem;
  }

  private FieldProblem field(String field, String reason, Locale locale) {
    return new FieldProblem(
        field, reason, messages.getMessage("reason." + reason, new Object[] {field}, locale));
  }

  /** Bean Validation constraint names → the API's reason codes (the same as evaluation-service's). */
  private static String reasonOf(String constraint) {
    if (constraint == null) {
      return "invalid";
    }
    return switch (constraint) {
      case "NotNull", "NotBlank", "NotEmpty" -> "required";
      default -> "invalid";
    };
  }

  private static boolean isBoolean(Class<?> type) {
    return type == Boolean.class || type == boolean.class;
  }

  private ProblemDetail problem(HttpStatus status, String code, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, null, locale));
    problem.setTitle(messages.getMessage(code + ".title", null, locale));
    return problem;
  }
}
