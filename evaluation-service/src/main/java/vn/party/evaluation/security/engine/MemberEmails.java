package vn.party.evaluation.security.engine;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * A party member's e-mail address is the roster's (outsider's recheck of 2026-12-07, medium A): the administrator
 * pointed member5's sign-in at their own address through the engine ({@code PUT /user/member5/profile}), reset the
 * password — the notice went to the new address — and completed member5's self-review as member5, who was never told.
 * So no person saves a member's engine account (profile, credentials, a new account with the member's id) with an
 * address other than the one the roster holds; the address changes on the roster, where the change is recorded. An
 * address the account already has is kept as it is (a password change does not ask the roster).
 */
final class MemberEmails {

  private MemberEmails() {}

  /**
   * Whether the command gives a party member's account an address the roster does not hold for them. {@code stored}:
   * the account's address now (null: no account yet).
   */
  static boolean refused(
      Command<?> command,
      Function<String, Optional<String>> rosterEmail,
      Function<String, String> stored) {
    if (!(command instanceof SaveUserCmd)
        || !(CommandWrites.fieldOf(command, "user") instanceof User user)
        || user.getId() == null) {
      return false;
    }
    String sent = normalized(user.getEmail());
    return rosterEmail
        .apply(user.getId())
        .map(
            roster ->
                !normalized(roster).equals(sent)
                    && !sent.equals(normalized(stored.apply(user.getId()))))
        .orElse(false);
  }

  private static String normalized(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
