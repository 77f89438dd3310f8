package vn.party.evaluation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The domain API's 401: the HTTP Basic challenge, with a problem document like every other refusal of the API
 * (issue 16: every error answer is RFC 9457 problem details, as the OpenAPI document says).
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final ObjectMapper objectMapper;
  private final MessageSource messages;

  public ProblemAuthenticationEntryPoint(ObjectMapper objectMapper, MessageSource messages) {
    this.objectMapper = objectMapper;
    this.messages = messages;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            messages.getMessage(
                "error.unauthenticated",
                null,
                "Authentication required (HTTP Basic).",
                callersLocale(request)));
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader("WWW-Authenticate", "Basic realm=\"party-evaluation\"");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), problem);
  }

  /**
   * Vietnamese unless the caller asks for another language: this runs in the security filters, before Spring MVC has
   * set the request's locale, where the JVM's default would answer in English.
   */
  private static Locale callersLocale(HttpServletRequest request) {
    return request.getHeader("Accept-Language") == null
        ? Locale.forLanguageTag("vi")
        : request.getLocale();
  }
}
