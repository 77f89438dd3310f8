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
import vn.party.evaluation.web.ApiException;

/** Passwords over the domain API: change one's own, reset a member's, the administrators' sign-in notices, and the
 * record of password resets (administrators and auditors). */
@RestController
@Tag(name = "Tài khoản / accounts")
public class AccountController {

  public record PasswordChange(String currentPassword, String newPassword) {}

  public record OneTimePassword(String userId, String oneTimePassword, boolean mustChange) {}

  private final AccountDesk desk;

  public AccountController(AccountDesk desk) {
    this.desk = desk;
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
    // the person's own change: a session the request came with keeps going (SessionRights)
    desk.changeOwnPassword(user, change.currentPassword(), change.newPassword(), request);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/accounts/{userId}/password-reset")
  @Operation(
      summary =
          "Cấp mật khẩu dùng một lần / issue a one-time password (administrators; the grassroots "
              + "committee for its members); 404 for an account that does not exist or is not the caller's to reset")
  public OneTimePassword reset(
      @PathVariable String userId, @AuthenticationPrincipal CurrentUser user) {
    return new OneTimePassword(userId, desk.resetPassword(userId, user), true);
  }

  @GetMapping("/api/v1/admin/sign-in-throttles")
  @Operation(
      summary =
          "Đăng nhập bị làm chậm / accounts and addresses that started to wait (administrators)",
      description =
          "Each notice is when a key started to wait; inForce is its wait in force when the list was read"
              + " (the answer's Date header; absent: none).")
  public List<SignInWaits> throttled(@AuthenticationPrincipal CurrentUser user) {
    return desk.waits(user);
  }

  @DeleteMapping("/api/v1/admin/sign-in-throttles/accounts/{userId}")
  @Operation(
      summary = "Bỏ chờ / lift an account's wait at once (administrators)",
      description =
          "204: the account was waiting and may sign in at once. 404 with a problem "
              + "(\"Tài khoản X không đang phải chờ.\"): nothing was waiting, the wait being over "
              + "or no such account.")
  public ResponseEntity<Void> release(
      @PathVariable String userId, @AuthenticationPrincipal CurrentUser user) {
    if (!desk.release(userId, user)) {
      throw ApiException.notFound("error.sign-in.not-waiting", userId);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/admin/password-resets")
  @Operation(
      summary =
          "Mật khẩu được cấp lại / passwords set by someone else: who, for whom, when, newest first "
              + "(administrators and auditors; issue 12)")
  public List<PasswordResets.PasswordReset> passwordResets(
      @AuthenticationPrincipal CurrentUser user) {
    return desk.passwordResets(user);
  }
}
