package vn.party.evaluation.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.SessionRights;
import vn.party.evaluation.web.ApiException;

/** Passwords over the domain API: change one's own, reset a member's, the administrators' sign-in notices, and the
 * record of password resets (administrators and auditors). */
@RestController
@Tag(name = "Tài khoản / accounts")
public class AccountController {

  public record PasswordChange(String currentPassword, String newPassword) {}

  public record OneTimePassword(String userId, String oneTimePassword, boolean mustChange) {}

  private final Accounts accounts;
  private final SignInThrottle throttle;
  private final SignInThrottleNotices notices;
  private final PasswordResets resets;
  private final SessionRights sessionRights;

  public AccountController(
      Accounts accounts,
      SignInThrottle throttle,
      SignInThrottleNotices notices,
      PasswordResets resets,
      SessionRights sessionRights) {
    this.sessionRights = sessionRights;
    this.resets = resets;
    this.accounts = accounts;
    this.throttle = throttle;
    this.notices = notices;
  }

  @PostMapping("/api/v1/me/password")
  @Operation(
      summary =
          "Đổi mật khẩu của mình / change one's own password (policy: ≥ 10 characters, not the user id, "
              + "not a common password)")
  public ResponseEntity<Void> change(
      @RequestBody PasswordChange change,
      @AuthenticationPrincipal CurrentUser user,
      HttpServletRequest request) {
    accounts.changePassword(user.userId(), change.currentPassword(), change.newPassword());
    // the person's own change: a session the request came with keeps going (SessionRights)
    sessionRights.passwordChanged(request, user.userId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/accounts/{userId}/password-reset")
  @Operation(
      summary =
          "Cấp mật khẩu dùng một lần / issue a one-time password (administrators; the grassroots "
              + "committee for its members); 404 for an account that does not exist or is not the caller's to reset")
  public OneTimePassword reset(
      @PathVariable String userId, @AuthenticationPrincipal CurrentUser user) {
    return new OneTimePassword(userId, accounts.resetPassword(userId, user), true);
  }

  @GetMapping("/api/v1/admin/sign-in-throttles")
  @Operation(
      summary =
          "Đăng nhập bị làm chậm / accounts and addresses that started to wait (administrators)")
  public List<SignInThrottleNotices.Notice> throttled(@AuthenticationPrincipal CurrentUser user) {
    requireAdmin(user);
    return notices.latest(200);
  }

  @DeleteMapping("/api/v1/admin/sign-in-throttles/accounts/{userId}")
  @Operation(summary = "Bỏ chờ / lift an account's wait at once (administrators)")
  public ResponseEntity<Void> release(
      @PathVariable String userId, @AuthenticationPrincipal CurrentUser user) {
    requireAdmin(user);
    throttle.release(SignInThrottle.Kind.ACCOUNT, userId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/admin/password-resets")
  @Operation(
      summary =
          "Mật khẩu được cấp lại / passwords set by someone else: who, for whom, when, newest first "
              + "(administrators and auditors; issue 12)")
  public List<PasswordResets.PasswordReset> passwordResets(
      @AuthenticationPrincipal CurrentUser user) {
    if (!user.isAdmin() && !user.isAuditor()) {
      throw ApiException.forbidden();
    }
    return resets.latest(200);
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden();
    }
  }
}
