package vn.party.evaluation.account;

import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.security.engine.PasswordSetters;

/**
 * Passwords a person set through the engine's own doors — {@code POST /engine-rest/user/create}, {@code PUT
 * /engine-rest/user/{id}/credentials} (both path forms), Camunda Admin, a Java caller running as a person — told by
 * {@link ThrottledIdentityProvider#saveUser}, the one place where the engine saves a user. A password set by someone
 * else (an administrator for another account) must be changed at first sign-in, like the one-time passwords of
 * {@link Accounts}; a person who sets their own has changed it. Both are published as {@code account.changed}, as
 * {@link Accounts} does, and one set by someone else is recorded in {@link PasswordResets}. The application's own writes (one-time passwords, the roster import, the demo) run without a
 * person ({@code SystemAccess}) and say so themselves.
 */
@Component
public class PasswordsSetInEngine {

  private final PasswordFlags flags;
  private final Outbox outbox;

  public PasswordsSetInEngine(PasswordFlags flags, Outbox outbox) {
    this.flags = flags;
    this.outbox = outbox;
  }

  /** Runs inside the engine's command (and its transaction): the flag and the event commit with the password. */
  void saved(PasswordSetters.PasswordSet password) {
    boolean byOther = password.bySomeoneElse();
    if (byOther) {
      // issue 12: recorded for the administrators and auditors; the holder is told who set it
      flags.setBySomeoneElse(password.userId(), password.byUserId(), PasswordResets.Door.ENGINE);
    } else {
      flags.set(password.userId(), false, password.byUserId());
    }
    outbox.publish(
        Accounts.ACCOUNT_CHANGED,
        password.userId(),
        new Accounts.AccountChanged(
            password.userId(),
            byOther ? "ONE_TIME_PASSWORD" : "PASSWORD_CHANGED",
            byOther ? password.byUserId() : null));
  }
}
