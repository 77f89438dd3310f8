package vn.party.evaluation.selfreview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.record.EvaluationAccess;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/** The submitted self-review, for whoever may read the evaluation (the member, the branch, the committee, auditors). */
@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "Kết quả đánh giá / evaluations")
public class SelfReviewController {

  private final EvaluationAccess access;
  private final SelfReviews reviews;
  private final SelfReviewMapper mapper;

  SelfReviewController(EvaluationAccess access, SelfReviews reviews, SelfReviewMapper mapper) {
    this.access = access;
    this.reviews = reviews;
    this.mapper = mapper;
  }

  @GetMapping("/{year}/{memberId}/self-review")
  @Operation(
      summary = "Bản tự kiểm điểm đã nộp / the submitted self-review",
      description =
          "Sections I–VII as submitted, kept unchanged, with the hash of the content, the points (366) and "
              + "the level the member's own assessment gives. 404 before it is submitted.")
  public SelfReviewView get(
      @PathVariable int year,
      @PathVariable String memberId,
      @AuthenticationPrincipal CurrentUser user) {
    EvaluationRecord evaluation = access.readable(year, memberId, user);
    // the member by name, as a reader knows them (outsider's fifth session, finding 13)
    String member = evaluation.memberName() == null ? memberId : evaluation.memberName();
    return reviews
        .latest(year, memberId)
        .map(mapper::toView)
        .orElseThrow(() -> ApiException.notFound("error.self-review.not-found", year, member));
  }
}
