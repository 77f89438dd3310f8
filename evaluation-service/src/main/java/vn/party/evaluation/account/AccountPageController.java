package vn.party.evaluation.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

  private final AccountDesk desk;

  public AccountPageController(AccountDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/app/password")
  public String form(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("required", desk.mustChangePassword(user));
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
        // the person's own change: this session keeps going (SessionRights)
        desk.changeOwnPassword(user, currentPassword, newPassword, request);
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
          // whose wait it is: the account's, or the network address's (others' failures)
          model.addAttribute("throttledKey", e.messageKey());
          model.addAttribute("required", desk.mustChangePassword(user));
          model.addAttribute("errors", errors);
          return "account/password";
        }
      }
    }
    response.setStatus(400);
    model.addAttribute("required", desk.mustChangePassword(user));
    model.addAttribute("errors", errors);
    return "account/password";
  }

  @PostMapping("/app/members/{memberId}/password-reset")
  public String reset(
      @PathVariable String memberId, @AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("userId", memberId);
    model.addAttribute("oneTimePassword", desk.resetPassword(memberId, user));
    return "account/one-time";
  }

  @GetMapping("/app/admin/sign-ins")
  public String signIns(@AuthenticationPrincipal CurrentUser user, Model model) {
    List<SignInThrottleNotices.Notice> latest = desk.throttled(user);
    model.addAttribute("notices", latest);
    model.addAttribute("inForce", desk.waitsInForce(latest));
    return "account/sign-ins";
  }

  @PostMapping("/app/admin/sign-ins/release")
  public String release(
      @RequestParam String userId,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes flash) {
    if (!desk.release(userId, user)) {
      // nothing was waiting: said so, rather than the list as if a wait had been lifted
      flash.addFlashAttribute("notWaiting", userId);
    }
    return "redirect:/app/admin/sign-ins";
  }

  /** Issue 12: every password set by someone else, read only, for the administrators and the auditors. */
  @GetMapping("/app/audit/password-resets")
  public String passwordResets(@AuthenticationPrincipal CurrentUser user, Model model) {
    List<PasswordResets.PasswordReset> latest = desk.passwordResets(user);
    model.addAttribute("resets", latest);
    model.addAttribute("beforeImport", PasswordResets.beforeARosterImport(latest));
    return "account/password-resets";
  }
}
