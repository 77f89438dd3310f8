package vn.party.evaluation.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;

/**
 * A change of the address a person's notices go to is told to the address it was (seventh session's outsider, 5b: a
 * member's address changed by the roster import, then on the account, then a password reset — the notice went only to
 * the new address, and the member never knew). Published as {@code vn.party.evaluation.account.email-changed}, in the
 * caller's transaction: notification-service tells the holder, at the directory's (new) address, and mails the
 * previous one. Told by the roster import (the roster's address) and by {@link ThrottledIdentityProvider#saveUser} (the
 * account's, whatever the door: the engine REST API, Camunda Admin, the application's own writes).
 */
@Component
public class EmailChanges {

  public static final String ACCOUNT_EMAIL_CHANGED = EventTypes.ACCOUNT_EMAIL_CHANGED;

  /**
   * Data of {@code account.email-changed}: whose address changed, the address it was, and who changed it (a user id;
   * left out when no person did, e.g. the roster import's own writes run as the system — the import names its
   * importer).
   */
  public record AccountEmailChanged(
      String userId,
      String previousEmail,
      @JsonInclude(JsonInclude.Include.NON_NULL) String changedBy) {}

  private final Outbox outbox;

  public EmailChanges(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Tells {@code previous} that the account's address is now {@code now}: nothing when there was no address before,
   * or it is the same one (spaces and letter case aside).
   */
  public void changed(String userId, String previous, String now, String changedBy) {
    if (previous == null || previous.isBlank() || normalized(previous).equals(normalized(now))) {
      return;
    }
    outbox.publish(
        ACCOUNT_EMAIL_CHANGED,
        userId,
        new AccountEmailChanged(
            userId, previous.strip(), changedBy == null || changedBy.isBlank() ? null : changedBy));
  }

  private static String normalized(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
