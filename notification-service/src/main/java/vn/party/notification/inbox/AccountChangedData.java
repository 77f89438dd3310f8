package vn.party.notification.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Data of {@code vn.party.evaluation.account.changed} (issue 12): whose password was set, how, and — when it was not
 * the holder — by whom ({@code changedBy}, a user id; optional). The holder is the one told, at the address the
 * directory has for them; the event names no address.
 */
public record AccountChangedData(
    @NotBlank @Size(max = 100) String userId,
    @NotNull Change change,
    @Size(min = 1, max = 100) String changedBy)
    implements EventPayload {

  /** What happened to the password. */
  public enum Change {
    /** Set by someone else (a reset, a roster import, an administrator through the engine): change it first. */
    ONE_TIME_PASSWORD,
    /** Changed by the holder. */
    PASSWORD_CHANGED
  }
}
