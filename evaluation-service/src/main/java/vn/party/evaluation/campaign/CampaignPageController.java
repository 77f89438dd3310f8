package vn.party.evaluation.campaign;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * A campaign's progress as a page: members started while the launch runs (the page refreshes itself until the
 * launch is done), then members decided, per level, and those not rated. Who may read it: as the API.
 */
@Controller
@PortalPage
public class CampaignPageController {

  private final Campaigns campaigns;
  private final CampaignService service;
  private final vn.party.evaluation.finalization.Finalizations finalizations;

  public CampaignPageController(Campaigns campaigns, CampaignService service,
      vn.party.evaluation.finalization.Finalizations finalizations) {
    this.campaigns = campaigns;
    this.service = service;
    this.finalizations = finalizations;
  }

  @GetMapping("/app/campaigns/{organizationId}/{year}")
  public String progress(@PathVariable String organizationId, @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user, Model model) {
    var id = campaigns.idOf(organizationId, year)
        .orElseThrow(() -> ApiException.notFound("error.report.not-found", organizationId, year));
    model.addAttribute("campaign", service.get(id, user));
    model.addAttribute("finalization", finalizations.of(id).orElse(null));
    return "campaign/progress";
  }
}
