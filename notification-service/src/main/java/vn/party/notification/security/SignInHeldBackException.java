package vn.party.notification.security;

import org.springframework.security.core.AuthenticationException;

/**
 * evaluation-service holds sign-ins of this account or address back for a while (its 429): passed on to the caller
 * as the same 429 with the same wait, rather than as a wrong password, so that a person knows to wait.
 */
class SignInHeldBackException extends AuthenticationException {

  private final long retryAfterSeconds;

  SignInHeldBackException(long retryAfterSeconds) {
    super("Too many failed sign-ins; try again in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
