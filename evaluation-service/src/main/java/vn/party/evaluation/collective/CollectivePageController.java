package vn.party.evaluation.collective;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.security.CurrentUser;

/**
 * One collective's rating as a page, read-only: its self-review (Mẫu 01), the decision, the cap in force and why,
 * and its whole history — for auditors and the committees the API allows ({@link CollectiveAccess}).
 */
@Controller
@PortalPage
public class CollectivePageController {

  private final CollectiveAccess access;

  public CollectivePageController(CollectiveAccess access) {
    this.access = access;
  }

  @GetMapping("/app/collectives/{year}/{collectiveId}")
  public String show(
      @PathVariable int year,
      @PathVariable String collectiveId,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    model.addAttribute("collective", access.view(year, collectiveId, user));
    return "collective/show";
  }
}
