package vn.party.evaluation.account.flow;

import java.util.function.Function;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import vn.party.evaluation.account.EmailChanges;

/**
 * The engine's side of telling an account's e-mail change to the address it was (seventh session's outsider, 5b), for
 * the identity provider that saves every user ({@code account.ThrottledIdentityProvider}): which save is of an account
 * already stored, and what the change was.
 */
public final class SavedUsers {

  private SavedUsers() {}

  /**
   * The account's profile as stored (first name, last name, e-mail) when the save is of an account saved before;
   * null for one being created (the engine inserts a user whose revision is 0), which is not read at all — the roster
   * import creates thousands in one command.
   */
  public static String[] storedBefore(User user, Function<String, String[]> storedProfile) {
    if (user instanceof UserEntity entity && entity.getRevision() == 0) {
      return null;
    }
    return storedProfile.apply(user.getId());
  }

  /** Tells the address the account had, when the save changed it; who saved it, when a person did. */
  public static void tellEmailChange(
      EmailChanges emails, User user, String storedEmail, Authentication authentication) {
    emails.changed(
        user.getId(),
        storedEmail,
        user.getEmail(),
        authentication == null ? null : authentication.getUserId());
  }
}
