package vn.party.evaluation.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import vn.party.evaluation.security.SessionRights;
import vn.party.evaluation.security.engine.PersonSignIn;

/**
 * The webapps' sessions (Tasklist, Cockpit, Admin: {@code /camunda/api/**}) under the same rules as the other doors
 * (outsider's finding: an old Tasklist session still submitted a self-review after an administrator's reset). Each
 * request of a signed-in session reads the account afresh ({@link SessionRights}): an account that must change its
 * password first gets the same 403 {@code password-change-required} as the engine REST API; the session ends (401,
 * sign in again) when the account is gone or its stored password hash is no longer the one the session signed in
 * with. The webapps' own sign-in and sign-out ({@code /camunda/api/admin/auth/...}) pass; a sign-in remembers the
 * digest of the hash it checked (never the hash).
 */
public class WebappSessionFilter extends PasswordGateFilter {

  private static final String AUTH = "/camunda/api/admin/auth/";
  private static final Pattern SIGN_IN =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  private final SessionRights sessionRights;

  public WebappSessionFilter(SessionRights sessionRights, MessageSource messages) {
    super(messages);
    this.sessionRights = sessionRights;
  }

  @Override
  protected void filter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
      throws ServletException, IOException {
    if (path.startsWith(AUTH)) {
      chain.doFilter(request, response);
      if (SIGN_IN.matcher(path).matches()) {
        rememberSignIn(request.getSession(false));
      }
      return;
    }
    HttpSession session = request.getSession(false);
    List<String> users = users(session);
    boolean mustChange = false;
    boolean ended = false;
    for (String userId : users) {
      Optional<PersonSignIn.SignedIn> now = sessionRights.current(userId);
      if (now.isEmpty()) {
        ended = true;
        continue;
      }
      String digest = now.get().passwordDigest();
      Optional<String> signedWith = sessionRights.webappSignedWith(session, userId);
      if (signedWith.isEmpty()) {
        // a session signed in before this filter was there: from now on
        sessionRights.webappSignedIn(session, userId, digest);
      } else if (!signedWith.get().equals(digest)) {
        ended = true;
      }
      mustChange |= now.get().mustChangePassword();
    }
    if (ended) {
      // gone, or its password set anew since: this session ends, the person signs in again
      session.invalidate();
    }
    if (mustChange) {
      refuseUntilPasswordChanged(request, response);
      return;
    }
    if (ended) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(request, response);
  }

  private void rememberSignIn(HttpSession session) {
    for (String userId : users(session)) {
      sessionRights
          .current(userId)
          .ifPresent(now -> sessionRights.webappSignedIn(session, userId, now.passwordDigest()));
    }
  }

  private List<String> users(HttpSession session) {
    return sessionRights.webappUsers(session);
  }
}
