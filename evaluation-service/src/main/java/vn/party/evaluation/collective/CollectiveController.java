package vn.party.evaluation.collective;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.collective.CollectiveApi.CollectiveView;
import vn.party.evaluation.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/collectives")
@Tag(name = "Xếp loại tập thể / collective ratings")
public class CollectiveController {

  private final CollectiveAccess access;

  public CollectiveController(CollectiveAccess access) {
    this.access = access;
  }

  @GetMapping("/{year}/{collectiveId}")
  @Operation(
      summary = "Kết quả xếp loại một tập thể trong năm / a collective's rating in a year",
      description =
          "A branch (chi bộ) or a grassroots organization: its self-review (Mẫu 01), the decided level, "
              + "the collective cap in force and the ordered history. Administrators, auditors, the organization's "
              + "committee and the committee above, and a branch's own committee. Who may read is checked first: "
              + "403 for anyone else, whether or not the collective exists (an outsider learns nothing of which "
              + "units exist); 404 only for those allowed to know — administrators and auditors for any id, a "
              + "committee for its own unit — when the unit does not exist or has no rating that year.")
  public CollectiveView get(
      @PathVariable int year,
      @PathVariable String collectiveId,
      @AuthenticationPrincipal CurrentUser user) {
    return access.view(year, collectiveId, user);
  }
}
