package vn.party.evaluation.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sign-in page's warning after a sign-in was held back ({@code /login?throttled=3&whose=account}). The address
 * is anyone's to write (twelfth session's outsider, MEDIUM 3: any text, -5 or 99999999999 seconds stood in the
 * warning of a trusted page): only a whole number of seconds the throttle can have asked for is told, and whose wait
 * only as one of the three fixed sentences; anything else is no warning at all.
 *
 * @param messageKey the sentence: the account's wait, the address's, or both
 * @param seconds how long, 1 to the throttle's longest wait
 */
public record SignInWaitNotice(String messageKey, long seconds) {

  private static final Pattern WHOLE_SECONDS = Pattern.compile("[1-9][0-9]{0,8}");

  /** The notice the page's parameters ask for, if they are one the throttle could have sent. */
  public static Optional<SignInWaitNotice> of(String seconds, String whose, long longestSeconds) {
    if (seconds == null || !WHOLE_SECONDS.matcher(seconds).matches()) {
      return Optional.empty();
    }
    long value = Long.parseLong(seconds);
    if (value > longestSeconds) {
      return Optional.empty();
    }
    return Optional.of(new SignInWaitNotice(SignInThrottle.HeldBack.messageKey(whose), value));
  }
}
