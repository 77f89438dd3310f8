package vn.party.evaluation.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.RequestSignIn;

/**
 * An account whose password was set by someone else (initial, one-time, reset) does nothing else before changing it:
 * the pages send it to {@code /app/password}; the domain API and the engine REST API answer 403 with the reason
 * {@code password-change-required} and where to change it ({@code POST /api/v1/me/password}). Runs after the
 * sign-in of each door (Spring Security for the pages and the API, the engine's filter for engine REST).
 */
public class PasswordChangeRequiredFilter extends PasswordGateFilter {

  private final PasswordFlags flags;
  private final IdentityService identityService;

  public PasswordChangeRequiredFilter(
      PasswordFlags flags, IdentityService identityService, MessageSource messages) {
    super(messages);
    this.flags = flags;
    this.identityService = identityService;
  }

  @Override
  protected void filter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
      throws ServletException, IOException {
    String userId = signedIn(path);
    if (userId == null || allowed(path, request.getMethod()) || !mustChange(request, userId)) {
      chain.doFilter(request, response);
      return;
    }
    if (path.equals("/app") || path.startsWith("/app/")) {
      response.sendRedirect(request.getContextPath() + "/app/password");
      return;
    }
    refuseUntilPasswordChanged(request, response);
  }

  /** As this request's own sign-in read it (issue 15: not read twice), else read now. */
  private boolean mustChange(HttpServletRequest request, String userId) {
    return RequestSignIn.mustChangePassword(request, userId)
        .orElseGet(() -> flags.mustChange(userId));
  }

  private String signedIn(String path) {
    if (path.startsWith("/engine-rest/")) {
      Authentication engine = identityService.getCurrentAuthentication();
      return engine == null ? null : engine.getUserId();
    }
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
        ? user.userId()
        : null;
  }

  private static boolean allowed(String path, String method) {
    return path.equals("/app/password")
        || path.equals("/logout")
        || path.equals("/login")
        || path.startsWith("/assets/")
        || path.equals("/error")
        || isPasswordChange(path, method);
  }
}
