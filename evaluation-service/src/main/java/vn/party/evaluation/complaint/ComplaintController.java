package vn.party.evaluation.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.complaint.ComplaintApi.ComplaintRequest;
import vn.party.evaluation.complaint.ComplaintApi.ComplaintView;
import vn.party.evaluation.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/evaluations/{year}/{memberId}/complaints")
@Tag(name = "Khiếu nại / complaints")
public class ComplaintController {

  private final ComplaintIntake intake;

  public ComplaintController(ComplaintIntake intake) {
    this.intake = intake;
  }

  @PostMapping
  @Operation(
      summary = "Khiếu nại kết quả xếp loại đã công bố / complain about one's announced result",
      description =
          "Only the member about their own result, within the complaint window. 201 with the complaint; "
              + "the first complaint sends the case to re-appraisal by the committee above, later ones are attached to "
              + "it. 409 when the result is not announced yet or the window is closed; 404 without an evaluation.")
  public ResponseEntity<ComplaintView> complain(
      @PathVariable int year,
      @PathVariable String memberId,
      @RequestBody ComplaintRequest request,
      @AuthenticationPrincipal CurrentUser user) {
    ComplaintView view = intake.complain(year, memberId, request.grounds(), user);
    return ResponseEntity.created(
            URI.create("/api/v1/evaluations/" + year + "/" + memberId + "/complaints/" + view.id()))
        .body(view);
  }
}
