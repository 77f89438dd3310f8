package vn.party.evaluation.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.campaign.CampaignApi.CampaignView;
import vn.party.evaluation.campaign.CampaignApi.CreateCampaignRequest;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Đợt đánh giá / campaigns")
public class CampaignController {

  private final CampaignService service;
  private final CampaignRequestCheck check;

  public CampaignController(CampaignService service, CampaignRequestCheck check) {
    this.service = service;
    this.check = check;
  }

  @PostMapping
  @Operation(
      summary =
          "Mở đợt đánh giá của một tổ chức cơ sở đảng / open an organization's yearly campaign",
      description =
          "201 with the campaign; 409 when the organization already has a campaign that year.")
  public ResponseEntity<CampaignView> open(
      @RequestBody CreateCampaignRequest request, @AuthenticationPrincipal CurrentUser user) {
    // who may not open this organization's campaign learns nothing about the body (issue 12,
    // outsider's re-attack L3); who may open none is refused before it is read (CampaignOpeners)
    if (request.organizationId() != null
        && !CampaignOpeners.mayOpen(request.organizationId(), user)) {
      throw ApiException.forbidden();
    }
    // checked with the deadlines that were no dates: every problem at once
    check.check(request, UnreadableDeadlines.ofThisRequest());
    CampaignView campaign = service.open(request, user);
    return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id())).body(campaign);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Tiến độ đợt đánh giá / campaign progress")
  public CampaignView get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
    return service.get(id, user);
  }
}
