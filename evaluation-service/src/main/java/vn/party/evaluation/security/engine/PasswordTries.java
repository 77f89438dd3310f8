package vn.party.evaluation.security.engine;

/**
 * Whether a password may be tried for an account now, and what a try found: the sign-in throttle, as the engine's
 * password check counts it ({@code account.ThrottledIdentityProvider}), for a sign-in that checks the password
 * without an engine command ({@link PersonSignIn}). Kept by the accounts ({@code account.ThrottledPasswordTries}).
 */
public interface PasswordTries {

  /** Whether a password may be tried for this account from the caller's address now (no wait running). */
  boolean mayTry(String userId);

  /** The right password: the account's failures are forgotten. */
  void matched(String userId);

  /** A wrong password, or no such account: counted for the account and the caller's address. */
  void missed(String userId);
}
