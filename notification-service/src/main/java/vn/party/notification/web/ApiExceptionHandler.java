package vn.party.notification.web;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is an RFC 7807 problem in the caller's language. Spring MVC's own
 * exceptions and {@code ErrorResponseException}s are handled by the base class, with texts from
 * the message bundles ({@code problemDetail.*}); the rest never shows a stack trace.
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
  @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class,
      TransactionSystemException.class})
  ProblemDetail databaseUnavailable(NestedRuntimeException e, Locale locale) {
    log.warn("Database error while serving a request: {}", e.getMostSpecificCause().getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "error.database", locale);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, Locale locale) {
    log.error("Unexpected error while serving a request", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", locale);
  }

  private ProblemDetail problem(HttpStatus status, String code, Locale locale) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, null, locale));
    problem.setTitle(messages.getMessage(code + ".title", null, locale));
    return problem;
  }
}
