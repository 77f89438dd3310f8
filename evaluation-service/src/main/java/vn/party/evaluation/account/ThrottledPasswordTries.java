package vn.party.evaluation.account;

import org.springframework.stereotype.Component;
import vn.party.evaluation.security.engine.PasswordTries;

/**
 * The sign-in throttle for a password checked outside the engine's command ({@code security.engine.PersonSignIn}):
 * the same keys and counts as {@link ThrottledIdentityProvider#checkPassword}, the account and the caller's address
 * ({@link ClientAddress}), so that no door tries passwords past a wait or without counting a failure.
 */
@Component
class ThrottledPasswordTries implements PasswordTries {

  private final SignInThrottle throttle;

  ThrottledPasswordTries(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean mayTry(String userId) {
    return throttle.waitFor(userId, ClientAddress.current()).isEmpty();
  }

  @Override
  public void matched(String userId) {
    throttle.succeeded(userId);
  }

  @Override
  public void missed(String userId) {
    throttle.failed(userId, ClientAddress.current());
  }
}
