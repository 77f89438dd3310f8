package vn.party.evaluation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit's and Admin's own APIs ({@code /camunda/api/cockpit/...}, {@code /camunda/api/admin/...}) only for a session
 * signed in to that application: the webapps check the application at sign-in, but their plugin APIs answered any
 * signed-in session, so a member signed in to Tasklist could read Cockpit's statistics and instance lists (found by
 * {@code GeneratedAuthorizationMatrixTest}, issue 12). The sign-in and first-setup resources stay as the webapps have
 * them. The data behind were still filtered by the engine's authorizations; this closes the door itself (403).
 */
public class WebappAppAccessFilter extends OncePerRequestFilter {

  private static final Pattern APP_API = Pattern.compile("^/camunda/api/(cockpit|admin)/(.*)$");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher =
        APP_API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (matcher.matches()
        && !matcher.group(2).startsWith("auth/")
        && !matcher.group(2).startsWith("setup/")
        && !mayUse(request.getSession(false), matcher.group(1))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }

  /** No session: the webapps' own answer (401); a session signed in without the application: refused. */
  private static boolean mayUse(HttpSession session, String app) {
    if (session == null) {
      return true;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null || authentications.getAuthentications().isEmpty()) {
      return true;
    }
    return authentications.getAuthentications().stream()
        .allMatch(user -> user.isAuthorizedForApp(app));
  }
}
