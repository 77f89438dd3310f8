package vn.party.notification.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers authentication failures with an RFC 7807 problem in the caller's language: 401 with a
 * Basic challenge, 429 with Retry-After when evaluation-service holds this sign-in back after too many failures, or
 * 503 when evaluation-service could not tell whether the credentials are right.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "notification-service";

  private final ObjectMapper objectMapper;
  private final MessageSource messages;
  private final LocaleResolver localeResolver;

  ProblemAuthenticationEntryPoint(
      ObjectMapper objectMapper, MessageSource messages, LocaleResolver localeResolver) {
    this.objectMapper = objectMapper;
    this.messages = messages;
    this.localeResolver = localeResolver;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    Locale locale = localeResolver.resolveLocale(request);
    if (exception instanceof AuthenticationServiceException) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "10");
      write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          messages.getMessage("auth.unavailable.title", null, locale),
          messages.getMessage("auth.unavailable", null, locale));
      return;
    }
    if (exception instanceof SignInHeldBackException heldBack) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(heldBack.retryAfterSeconds()));
      long minutes = Math.max(1, (heldBack.retryAfterSeconds() + 59) / 60);
      write(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          messages.getMessage("auth.held-back.title", null, locale),
          messages.getMessage("auth.held-back", new Object[] {minutes}, locale));
      return;
    }
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    String detail =
        exception instanceof BadCredentialsException ? "auth.bad-credentials" : "auth.required";
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        messages.getMessage("auth.title", null, locale),
        messages.getMessage(detail, null, locale));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    Locale locale = localeResolver.resolveLocale(request);
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        messages.getMessage("error.forbidden.title", null, locale),
        messages.getMessage("error.forbidden", null, locale));
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
