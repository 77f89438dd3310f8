package vn.party.evaluation.account.flow;

import java.util.function.Function;
import java.util.function.Supplier;
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

  /** Set while a caller that tells the change itself saves accounts ({@link #toldByCaller}). */
  private static final ThreadLocal<Boolean> TOLD_BY_CALLER = ThreadLocal.withInitial(() -> false);

  /** The person on whose behalf the system saves accounts ({@link #onBehalfOf}); null: nobody named. */
  private static final ThreadLocal<String> ON_BEHALF_OF = new ThreadLocal<>();

  private SavedUsers() {}

  /**
   * Runs {@code work}, whose saves' e-mail changes the caller tells itself: the roster import tells the roster's
   * previous address, naming its importer ({@code MemberSignIns.setEmails}), so the save tells nothing more — one
   * notice per change, not two.
   */
  static <T> T toldByCaller(Supplier<T> work) {
    boolean outer = TOLD_BY_CALLER.get();
    TOLD_BY_CALLER.set(true);
    try {
      return work.get();
    } finally {
      TOLD_BY_CALLER.set(outer);
    }
  }

  /**
   * Runs {@code work}, whose saves run as the system (no authentication: {@code SystemAccess}) for {@code person}: a
   * change they tell names that person. The roster import adopts a sign-in as the system, and its notice to the
   * previous address said "changed by the system" (eighth session's outsider, 3a); the importer is known.
   */
  static <T> T onBehalfOf(String person, Supplier<T> work) {
    String outer = ON_BEHALF_OF.get();
    ON_BEHALF_OF.set(person);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        ON_BEHALF_OF.remove();
      } else {
        ON_BEHALF_OF.set(outer);
      }
    }
  }

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

  /**
   * Tells the address the account had, when the save changed it; who saved it, when a person did (or the person the
   * system saved it for, {@link #onBehalfOf}); and the name the account had, when the same save renamed it (an
   * adoption by the roster import): the previous address is its holder's, greeted by that name, not the new one.
   *
   * @param stored the account's first name, last name and e-mail address as stored before the save
   */
  public static void tellEmailChange(
      EmailChanges emails, User user, String[] stored, Authentication authentication) {
    if (TOLD_BY_CALLER.get()) {
      return;
    }
    String by = authentication == null ? null : authentication.getUserId();
    String previousName = fullName(stored[0], stored[1]);
    emails.changed(
        user.getId(),
        stored[2],
        user.getEmail(),
        by != null ? by : ON_BEHALF_OF.get(),
        previousName.equals(fullName(user.getFirstName(), user.getLastName()))
            ? null
            : previousName);
  }

  private static String fullName(String firstName, String lastName) {
    return ((firstName == null ? "" : firstName.strip())
            + " "
            + (lastName == null ? "" : lastName.strip()))
        .strip();
  }
}
