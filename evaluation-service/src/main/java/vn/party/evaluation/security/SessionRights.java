package vn.party.evaluation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.party.evaluation.security.engine.PersonSignIn;

/**
 * A browser session's rights are the account's as it is now, not as it was at sign-in (outsider's finding: a
 * secretary removed from the branch committee still decided with a session opened before; an old session survived a
 * password reset, a password change, a deleted account).
 *
 * <p>Each request of a page session reads the account afresh ({@link PersonSignIn#current}: one query for the groups,
 * the must-change flag and the stored password hash) and runs with those groups ({@link #pages()}). The session ends
 * — the person signs in again — when the account no longer exists or its stored password hash is no longer the one
 * the session signed in with, except when the password was changed by this same session ({@link #passwordChanged}).
 * The session keeps a digest of the hash (SHA-256), never the hash. The webapps' sessions ({@code /camunda/api/**})
 * are checked the same way by {@code account.WebappSessionFilter}, with {@link #webappSignedIn} and {@link
 * #webappSignedWith}. Nothing is cached across requests.
 */
@Component
public class SessionRights {

  /** The digest of the stored password hash a page session signed in with, once its own change set it anew. */
  static final String PAGE_DIGEST = SessionRights.class.getName() + ".page";

  /** The webapps' sign-ins of this session: user id → digest of the stored password hash they signed in with. */
  private static final String WEBAPP_DIGESTS = SessionRights.class.getName() + ".webapps";

  private final PersonSignIn signIn;

  public SessionRights(PersonSignIn signIn) {
    this.signIn = signIn;
  }

  /** The account as it is now; empty when it no longer exists. */
  public Optional<PersonSignIn.SignedIn> current(String userId) {
    return signIn.current(userId);
  }

  /**
   * The person changed their own password in this request (the page {@code /app/password}, the API's {@code POST
   * /api/v1/me/password}): the session it came with, if any, keeps going, now with the new password.
   */
  public void passwordChanged(HttpServletRequest request, String userId) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    Optional<PersonSignIn.SignedIn> now = signIn.current(userId);
    if (now.isEmpty()) {
      return;
    }
    String digest = now.get().passwordDigest();
    if (signedInUser() != null && signedInUser().equals(userId)) {
      session.setAttribute(PAGE_DIGEST, digest);
    }
    Map<String, String> webapps = webappDigests(session);
    if (webapps != null && webapps.containsKey(userId)) {
      webapps.put(userId, digest);
      session.setAttribute(WEBAPP_DIGESTS, webapps);
    }
  }

  /** A webapp sign-in of this session just checked this user's password: remember the hash it checked. */
  public void webappSignedIn(HttpSession session, String userId, String passwordDigest) {
    Map<String, String> webapps = webappDigests(session);
    Map<String, String> updated = webapps == null ? new HashMap<>() : new HashMap<>(webapps);
    updated.put(userId, passwordDigest);
    session.setAttribute(WEBAPP_DIGESTS, updated);
  }

  /** The digest a webapp sign-in of this session remembered for the user, if any. */
  public Optional<String> webappSignedWith(HttpSession session, String userId) {
    Map<String, String> webapps = webappDigests(session);
    return webapps == null ? Optional.empty() : Optional.ofNullable(webapps.get(userId));
  }

  /** The users the webapps signed in in this session (their own {@code Authentications}); none without a session. */
  public List<String> webappUsers(HttpSession session) {
    if (session == null) {
      return List.of();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return List.of();
    }
    return authentications.getAuthentications().stream()
        .map(UserAuthentication::getIdentityId)
        .filter(id -> id != null)
        .distinct()
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> webappDigests(HttpSession session) {
    return session.getAttribute(WEBAPP_DIGESTS) instanceof Map<?, ?> map
        ? (Map<String, String>) map
        : null;
  }

  private static String signedInUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
        ? user.userId()
        : null;
  }

  /** The pages' filter: before the anonymous sign-in and the authorization of each request. */
  OncePerRequestFilter pages() {
    return new PagesFilter();
  }

  private final class PagesFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      HttpSession session = request.getSession(false);
      if (session != null
          && authentication != null
          && authentication.getPrincipal() instanceof CurrentUser user) {
        Optional<PersonSignIn.SignedIn> now = signIn.current(user.userId());
        String signedWith =
            session.getAttribute(PAGE_DIGEST) instanceof String own
                ? own
                : authentication.getDetails() instanceof RequestSignIn signedIn
                    ? signedIn.passwordDigest()
                    : null;
        if (now.isEmpty() || signedWith == null || !signedWith.equals(now.get().passwordDigest())) {
          // gone, or its password set anew since: this session ends, the person signs in again
          session.invalidate();
          SecurityContextHolder.clearContext();
        } else {
          PersonSignIn.SignedIn account = now.get();
          var fresh =
              new UsernamePasswordAuthenticationToken(
                  new CurrentUser(user.userId(), account.groups()),
                  null,
                  account.groups().stream()
                      .map(
                          g ->
                              new SimpleGrantedAuthority(
                                  CamundaIdentityAuthenticationProvider.GROUP_PREFIX + g))
                      .toList());
          RequestSignIn read =
              new RequestSignIn(user.userId(), account.mustChangePassword(), signedWith);
          fresh.setDetails(read);
          // this request's only: the session keeps what it signed in with, read afresh each time
          SecurityContext context = SecurityContextHolder.createEmptyContext();
          context.setAuthentication(fresh);
          SecurityContextHolder.setContext(context);
          // read once: the must-change filter after takes it from here
          read.handTo(request);
        }
      }
      chain.doFilter(request, response);
    }
  }
}
