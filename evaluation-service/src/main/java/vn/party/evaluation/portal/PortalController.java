package vn.party.evaluation.portal;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.party.evaluation.security.CurrentUser;

/** Sign-in and the landing page: each person starts where their December job is. */
@Controller
@PortalPage
public class PortalController {

  private final Environment environment;

  public PortalController(Environment environment) {
    this.environment = environment;
  }

  /** The demo profile says on the sign-in page that its passwords need not be changed at first sign-in (issue 12). */
  @GetMapping("/login")
  public String login(Model model) {
    model.addAttribute("demo", environment.acceptsProfiles(Profiles.of("demo")));
    return "portal/login";
  }

  @GetMapping("/app")
  public String home(@AuthenticationPrincipal CurrentUser user) {
    return user.isAuditor() ? "redirect:/app/audit" : "redirect:/app/tasks";
  }
}
