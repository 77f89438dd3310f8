package vn.party.notification.preference;

import java.time.Instant;

/** A user's choices about notifications. {@code updatedAt} is null for the defaults (nothing stored). */
public record Preference(String userId, boolean emailEnabled, Instant updatedAt) {

  /** What applies to a user who never chose: e-mails on. */
  public static Preference defaults(String userId) {
    return new Preference(userId, true, null);
  }
}
