package vn.party.evaluation.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database outage is a 503 with a problem document, wherever it surfaces. Found by the resilience test
 * (local-stack, DatabaseOutageTest): with PostgreSQL stopped every domain API call answered 500, because the
 * credentials are checked against the engine's identity store before any controller runs (the exception left
 * Spring Security's filters, not the controller advice), and a request whose transaction lost its connection
 * failed on the rollback ("JDBC rollback failed", a TransactionSystemException the advice does not know).
 * This filter runs before Spring Security and the engine REST filter and turns any failure caused by the database
 * being unreachable into {@code 503} + {@code Retry-After}, in the caller's language; everything else passes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  private static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("vi");

  private final MessageSource messages;
  private final ObjectMapper objectMapper;

  public DatabaseUnavailableFilter(MessageSource messages, ObjectMapper objectMapper) {
    this.messages = messages;
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!isDatabaseUnavailable(e) || response.isCommitted()) {
        throw e;
      }
      log.warn(
          "database unavailable while serving {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          rootMessage(e));
      String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
      Locale locale = language == null || language.isBlank() ? DEFAULT_LOCALE : request.getLocale();
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              messages.getMessage("error.unavailable", null, "database unavailable", locale));
      problem.setInstance(URI.create(request.getRequestURI()));
      response.resetBuffer();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, "10");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      objectMapper.writeValue(response.getOutputStream(), problem);
    }
  }

  /** Whether {@code e} was caused by the database being unreachable (no connection, or the connection lost). */
  public static boolean isDatabaseUnavailable(Throwable e) {
    return isDatabaseUnavailable(e, 0);
  }

  private static boolean isDatabaseUnavailable(Throwable e, int depth) {
    for (Throwable t = e;
        t != null && depth < 30;
        t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P01..57P03: the server is shutting down or
      // starting up
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (t instanceof TransactionSystemException tse) {
        // a JDBC rollback fails only when the connection is gone; the original failure is kept
        // aside
        if (tse.getCause() instanceof SQLException
            || tse.getApplicationException() != null
                && isDatabaseUnavailable(tse.getApplicationException(), depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
