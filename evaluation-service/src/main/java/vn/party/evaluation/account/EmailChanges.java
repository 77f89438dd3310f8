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
   * Data of {@code account.email-changed}: whose address changed, the address it was, who changed it (a user id; left
   * out when no person did — the roster import names its importer, for its adoptions too) and, when the same change
   * renamed the account, the name it had ({@code previousName}, AsyncAPI 0.4.0): the previous address is greeted by
   * it, not by the name the change gave (eighth session's outsider, 3a).
   */
  public record AccountEmailChanged(
      String userId,
      String previousEmail,
      @JsonInclude(JsonInclude.Include.NON_NULL) String changedBy,
      @JsonInclude(JsonInclude.Include.NON_NULL) String previousName) {}

  private final Outbox outbox;

  public EmailChanges(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Tells {@code previous} that the account's address is now {@code now}: nothing when there was no address before,
   * or it is the same one (spaces and letter case aside).
   */
  public void changed(String userId, String previous, String now, String changedBy) {
    changed(userId, previous, now, changedBy, null);
  }

  /** As {@link #changed(String, String, String, String)}; {@code previousName}: the name before, when it changed. */
  public void changed(
      String userId, String previous, String now, String changedBy, String previousName) {
    if (previous == null || previous.isBlank() || normalized(previous).equals(normalized(now))) {
      return;
    }
    outbox.publish(
        ACCOUNT_EMAIL_CHANGED,
        userId,
        new AccountEmailChanged(
            userId,
            previous.strip(),
            blankToNull(changedBy),
            blankToNull(previousName) == null ? null : cut(previousName.strip(), 300)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** At most {@code max} code points (the schema's limit; a first and a last name are 255 each). */
  private static String cut(String value, int max) {
    return value.codePointCount(0, value.length()) <= max
        ? value
        : value.substring(0, value.offsetByCodePoints(0, max));
  }

  private static String normalized(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
