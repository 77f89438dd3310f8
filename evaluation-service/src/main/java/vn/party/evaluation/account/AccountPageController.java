package vn.party.evaluation.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.SessionRights;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * Passwords on the people's pages: change one's own ({@code /app/password}, where an account that must change its
 * password is sent), a one-time password for a member (administrators, the grassroots committee: a button on the
 * member's page), and the administrators' list of throttled sign-ins ({@code /app/admin/sign-ins}), and the
 * record of password resets for administrators and auditors ({@code /app/audit/password-resets}).
 */
@Controller
@PortalPage
public class AccountPageController {

  private final Accounts accounts;
  private final SignInThrottle throttle;
  private final SignInThrottleNotices notices;
  private final PasswordResets resets;
  private final SessionRights sessionRights;

  public AccountPageController(
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

  @GetMapping("/app/password")
  public String form(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("required", accounts.mustChangePassword(user.userId()));
    model.addAttribute("errors", Map.of());
    return "account/password";
  }

  @PostMapping("/app/password")
  public String change(
      @RequestParam(required = false) String currentPassword,
      @RequestParam(required = false) String newPassword,
      @RequestParam(required = false) String confirmPassword,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (newPassword != null && !newPassword.equals(confirmPassword)) {
      errors.put("confirmPassword", "reason.password-mismatch");
    }
    if (errors.isEmpty()) {
      try {
        accounts.changePassword(user.userId(), currentPassword, newPassword);
        // the person's own change: this session keeps going (SessionRights)
        sessionRights.passwordChanged(request, user.userId());
        redirect.addFlashAttribute("notice", "ui.password.changed");
        return "redirect:/app/password";
      } catch (ApiException e) {
        for (FieldProblem problem : e.problems()) {
          errors.putIfAbsent(problem.field(), "reason." + problem.reason());
        }
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
          // the account waits after failed sign-ins: told as the sign-in page tells it (how long)
          Object seconds = e.arguments()[0];
          response.setStatus(429);
          response.setHeader("Retry-After", String.valueOf(seconds));
          model.addAttribute("throttledSeconds", seconds);
          model.addAttribute("required", accounts.mustChangePassword(user.userId()));
          model.addAttribute("errors", errors);
          return "account/password";
        }
      }
    }
    response.setStatus(400);
    model.addAttribute("required", accounts.mustChangePassword(user.userId()));
    model.addAttribute("errors", errors);
    return "account/password";
  }

  @PostMapping("/app/members/{memberId}/password-reset")
  public String reset(
      @PathVariable String memberId, @AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("userId", memberId);
    model.addAttribute("oneTimePassword", accounts.resetPassword(memberId, user));
    return "account/one-time";
  }

  @GetMapping("/app/admin/sign-ins")
  public String signIns(@AuthenticationPrincipal CurrentUser user, Model model) {
    requireAdmin(user);
    List<SignInThrottleNotices.Notice> latest = notices.latest(200);
    // each notice is when a key started to wait; what holds now is the throttle's (tenth session's
    // outsider, LOW 10: the first wait read as the wait in force)
    Map<Long, SignInThrottle.Wait> now = new HashMap<>();
    for (SignInThrottleNotices.Notice notice : latest) {
      throttle
          .inForce(SignInThrottle.Kind.valueOf(notice.kind()), notice.subject())
          .ifPresent(wait -> now.put(notice.id(), wait));
    }
    model.addAttribute("notices", latest);
    model.addAttribute("inForce", now);
    return "account/sign-ins";
  }

  @PostMapping("/app/admin/sign-ins/release")
  public String release(@RequestParam String userId, @AuthenticationPrincipal CurrentUser user) {
    requireAdmin(user);
    throttle.release(SignInThrottle.Kind.ACCOUNT, userId);
    return "redirect:/app/admin/sign-ins";
  }

  /** Issue 12: every password set by someone else, read only, for the administrators and the auditors. */
  @GetMapping("/app/audit/password-resets")
  public String passwordResets(@AuthenticationPrincipal CurrentUser user, Model model) {
    if (!user.isAdmin() && !user.isAuditor()) {
      throw ApiException.forbidden();
    }
    List<PasswordResets.PasswordReset> latest = resets.latest(200);
    model.addAttribute("resets", latest);
    model.addAttribute("beforeImport", PasswordResets.beforeARosterImport(latest));
    return "account/password-resets";
  }

  private static void requireAdmin(CurrentUser user) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden();
    }
  }
}
