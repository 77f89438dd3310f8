package vn.party.evaluation.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.SessionRights;
import vn.party.evaluation.web.ApiException;

/**
 * What the API ({@link AccountController}) and the pages ({@link AccountPageController}) do with accounts, each with
 * its rights check in one place: every door reaches the same handler.
 */
@Component
public class AccountDesk {

  /** How many sign-in waits and password resets a list shows, newest first. */
  private static final int LATEST = 200;

  private final Accounts accounts;
  private final SignInThrottle throttle;
  private final SignInThrottleNotices notices;
  private final PasswordResets resets;
  private final SessionRights sessionRights;

  public AccountDesk(
      Accounts accounts,
      SignInThrottle throttle,
      SignInThrottleNotices notices,
      PasswordResets resets,
      SessionRights sessionRights) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.notices = notices;
    this.resets = resets;
    this.sessionRights = sessionRights;
  }

  /** One's own password; the session the request came with keeps going ({@link SessionRights}). */
  public void changeOwnPassword(
      CurrentUser user, String currentPassword, String newPassword, HttpServletRequest request) {
    accounts.changePassword(user.userId(), currentPassword, newPassword);
    sessionRights.passwordChanged(request, user.userId());
  }

  public boolean mustChangePassword(CurrentUser user) {
    return accounts.mustChangePassword(user.userId());
  }

  /** A one-time password for a member (administrators; the grassroots committee for its members). */
  public String resetPassword(String userId, CurrentUser user) {
    return accounts.resetPassword(userId, user);
  }

  /** The accounts and addresses that started to wait (administrators). */
  public List<SignInThrottleNotices.Notice> throttled(CurrentUser user) {
    requireAdmin(user);
    return notices.latest(LATEST);
  }

  /** The same for the API: each notice with the wait in force now. */
  public List<SignInWaits> waits(CurrentUser user) {
    List<SignInThrottleNotices.Notice> latest = throttled(user);
    Map<Long, SignInThrottle.Wait> inForce = waitsInForce(latest);
    return latest.stream()
        .map(notice -> new SignInWaits(notice, inForce.get(notice.id())))
        .toList();
  }

  /**
   * Which of the notices' waits hold now, by notice id: each notice is when a key started to wait, what holds now is
   * the throttle's (tenth session's outsider, LOW 10: the first wait read as the wait in force).
   */
  public Map<Long, SignInThrottle.Wait> waitsInForce(List<SignInThrottleNotices.Notice> latest) {
    Map<Long, SignInThrottle.Wait> now = new HashMap<>();
    for (SignInThrottleNotices.Notice notice : latest) {
      throttle
          .inForce(SignInThrottle.Kind.valueOf(notice.kind()), notice.subject())
          .ifPresent(wait -> now.put(notice.id(), wait));
    }
    return now;
  }

  /**
   * Lifts an account's wait at once (administrators). False when nothing was waiting (the wait was over, or no such
   * account): the administrator is told so, not answered as if a wait had been lifted (twelfth session's outsider,
   * LOW 6). The failures counted so far are forgotten either way.
   */
  public boolean release(String userId, CurrentUser user) {
    requireAdmin(user);
    boolean waiting = throttle.inForce(SignInThrottle.Kind.ACCOUNT, userId).isPresent();
    throttle.release(SignInThrottle.Kind.ACCOUNT, userId);
    return waiting;
  }

  /** Every password set by someone else, newest first: administrators and auditors (issue 12). */
  public List<PasswordResets.PasswordReset> passwordResets(CurrentUser user) {
    if (!user.isAdmin() && !user.isAuditor()) {
      throw ApiException.forbidden();
    }
    return resets.latest(LATEST);
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden();
    }
  }
}
