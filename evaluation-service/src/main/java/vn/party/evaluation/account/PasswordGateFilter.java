package vn.party.evaluation.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The account filters that may stop a request until the password is changed (the first-sign-in rule, the webapps'
 * sessions): the path below the context and the one 403 {@code password-change-required} they answer, in one place.
 */
abstract class PasswordGateFilter extends OncePerRequestFilter {

  private static final String CHANGE_ENDPOINT = "/api/v1/me/password";

  private final MessageSource messages;

  PasswordGateFilter(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected final void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    filter(
        request,
        response,
        chain,
        request.getRequestURI().substring(request.getContextPath().length()));
  }

  /** The filter's own work, with the request's path below the context. */
  protected abstract void filter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
      throws ServletException, IOException;

  /** 403 {@code password-change-required}, in the caller's language, with where to change it. */
  protected final void refuseUntilPasswordChanged(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    FilterProblems.passwordChangeRequired(request, response, messages, CHANGE_ENDPOINT);
  }

  /** Where the password is changed (the one request the gate lets through by the API). */
  protected static boolean isPasswordChange(String path, String method) {
    return path.equals(CHANGE_ENDPOINT) && "POST".equals(method);
  }
}
