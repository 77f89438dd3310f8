package vn.party.evaluation.portal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import vn.party.evaluation.security.CurrentUser;

/** Sign-in and the landing page: each person starts where their December job is. */
@Controller
@PortalPage
public class PortalController {

  @GetMapping("/login")
  public String login() {
    return "portal/login";
  }

  @GetMapping("/app")
  public String home(@AuthenticationPrincipal CurrentUser user) {
    return user.isAuditor() ? "redirect:/app/audit" : "redirect:/app/tasks";
  }
}
