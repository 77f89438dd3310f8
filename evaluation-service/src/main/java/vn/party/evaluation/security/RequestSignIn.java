package vn.party.evaluation.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Optional;

/**
 * What a sign-in read besides the user and the groups (issue 15): whether the password must be changed first, so that
 * the filter asking it ({@code account.PasswordChangeRequiredFilter}) does not read it again in the same request. The
 * sign-in leaves it as its authentication's details; the domain API, which signs its caller in with each request
 * (stateless, HTTP Basic), hands it to the request ({@link EngineAuthenticationFilter}). A page session's later
 * requests read the account afresh ({@link SessionRights}), which hands what it read on the same way; the digest of
 * the stored password hash signed in with (never the hash) is what the session compares with then.
 */
public record RequestSignIn(String userId, boolean mustChangePassword, String passwordDigest)
    implements Serializable {

  private static final String ATTRIBUTE = RequestSignIn.class.getName();

  /** Hands this request's own sign-in to the filters after it. */
  void handTo(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  /**
   * Whether this request's own sign-in, as that user, found that they must change their password first; empty when
   * the request signed nobody in as that user (a session's request, another door).
   */
  public static Optional<Boolean> mustChangePassword(HttpServletRequest request, String userId) {
    return request.getAttribute(ATTRIBUTE) instanceof RequestSignIn signIn
            && signIn.userId().equals(userId)
        ? Optional.of(signIn.mustChangePassword())
        : Optional.empty();
  }
}
