package vn.party.evaluation.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.party.evaluation.security.BodyReplayingRequest;

/**
 * The outer side of the throttle, in front of every door that takes a password: HTTP Basic anywhere
 * ({@code /api/**}, {@code /engine-rest/**}, …), the pages' form sign-in ({@code POST /login}) and the Camunda
 * webapps' sign-in ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A sign-in that must wait is
 * answered here, without checking the password: 429 with Retry-After (problem details), or for the pages' form a
 * redirect to the sign-in page saying how long to wait. The password check itself ({@link ThrottledIdentityProvider})
 * counts the failures and refuses too, so a door not named here gains a guesser nothing.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN =
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  private static final int MAX_LOGIN_BODY = 8 * 1024;

  private final SignInThrottle throttle;
  private final ClientAddress.TrustedProxies trustedProxies;
  private final MessageSource messages;
  private final PasswordFlags flags;
  private final IdentityService identityService;

  public SignInThrottleFilter(
      SignInThrottle throttle,
      Set<String> trustedProxies,
      MessageSource messages,
      PasswordFlags flags,
      IdentityService identityService) {
    this.throttle = throttle;
    // addresses or CIDR ranges (ClientAddress); an entry that is neither stops the start
    this.trustedProxies = ClientAddress.TrustedProxies.of(trustedProxies);
    this.messages = messages;
    this.flags = flags;
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = ClientAddress.of(request, trustedProxies);
    ClientAddress.set(address);
    try {
      HttpServletRequest forward = request;
      String path = request.getRequestURI().substring(request.getContextPath().length());
      String userId = basicUser(request);
      boolean pageForm = false;
      if (userId == null && "POST".equals(request.getMethod())) {
        if ("/login".equals(path)) {
          userId = request.getParameter("username");
          pageForm = true;
        } else if (WEBAPP_LOGIN.matcher(path).matches()) {
          // the webapps' sign-in body, read once here and given again to the webapp
          byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_BODY);
          forward = new BodyReplayingRequest(request, body);
          userId = formValue(body, "username");
          if (userId != null
              && throttle.waitFor(userId, address).isEmpty()
              && flags.mustChange(userId)) {
            webappSignInBeforeChange(userId, formValue(body, "password"), request, response);
            return;
          }
        }
      }
      if (userId != null || pageForm) {
        Optional<SignInThrottle.HeldBack> wait = throttle.holdBack(userId, address);
        if (wait.isPresent()) {
          refuse(request, response, wait.get(), pageForm);
          return;
        }
      }
      chain.doFilter(forward, response);
    } finally {
      ClientAddress.clear();
    }
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      SignInThrottle.HeldBack wait,
      boolean pageForm)
      throws IOException {
    long seconds = seconds(wait.duration());
    response.setHeader("Retry-After", Long.toString(seconds));
    if (pageForm) {
      response.sendRedirect(
          request.getContextPath() + "/login?throttled=" + seconds + "&whose=" + wait.whoseName());
      return;
    }
    String message =
        messages.getMessage(
            wait.messageKey(),
            new Object[] {seconds},
            "Too many failed sign-ins",
            FilterProblems.callersLocale(request));
    FilterProblems.write(
        response, 429, "Too Many Requests", message, ",\"retryAfterSeconds\":" + seconds);
  }

  /**
   * The webapps keep their own session, which the first-sign-in rule cannot reach once it exists: an account that
   * must change its password is not let in there. The password is checked here (once, counted by the throttle):
   * wrong → 401 as the webapp would answer; right → 403 saying where to change it.
   */
  private void webappSignInBeforeChange(
      String userId, String password, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (password == null || !identityService.checkPassword(userId, password)) {
      response.setStatus(401);
      return;
    }
    FilterProblems.passwordChangeRequired(request, response, messages, "/app/password");
  }

  /** A wait in whole seconds, at least one, as every door tells it (Retry-After, the messages). */
  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A value of a form-encoded body ({@code a=1&b=2}), or null. */
  private static String formValue(byte[] body, String name) {
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && name.equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
