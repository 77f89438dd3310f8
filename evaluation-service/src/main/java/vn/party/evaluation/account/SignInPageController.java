package vn.party.evaluation.account;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.party.evaluation.portal.PortalPage;

/** The sign-in page: the demo's note, and the wait of a sign-in the throttle held back. */
@Controller
@PortalPage
public class SignInPageController {

  private final Environment environment;
  private final SignInThrottle throttle;

  public SignInPageController(Environment environment, SignInThrottle throttle) {
    this.environment = environment;
    this.throttle = throttle;
  }

  /** The demo profile says on the sign-in page that its passwords need not be changed at first sign-in (issue 12). */
  @GetMapping("/login")
  public String login(
      @RequestParam(name = "throttled", required = false) String throttled,
      @RequestParam(name = "whose", required = false) String whose,
      Model model) {
    model.addAttribute("demo", environment.acceptsProfiles(Profiles.of("demo")));
    // a held-back sign-in's wait: only one the throttle could have asked for (the address is
    // anyone's to write)
    SignInWaitNotice.of(throttled, whose, throttle.longestWaitSeconds())
        .ifPresent(notice -> model.addAttribute("throttledNotice", notice));
    return "portal/login";
  }
}
