package vn.party.evaluation.finalization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.finalization.AdjustmentApi.AdjustLevelRequest;
import vn.party.evaluation.finalization.AdjustmentApi.AdjustmentView;
import vn.party.evaluation.record.EvaluationAccess;
import vn.party.evaluation.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/evaluations/{year}/{memberId}/adjustments")
@Tag(name = "Kết quả đánh giá / evaluations")
public class AdjustmentController {

  private final LevelAdjuster adjuster;
  private final LevelAdjustments adjustments;
  private final EvaluationAccess access;
  private final AdjustmentMapper mapper;

  public AdjustmentController(
      LevelAdjuster adjuster,
      LevelAdjustments adjustments,
      EvaluationAccess access,
      AdjustmentMapper mapper) {
    this.adjuster = adjuster;
    this.adjustments = adjustments;
    this.access = access;
    this.mapper = mapper;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Điều chỉnh mức xếp loại khi chốt kết quả / adjust a decided level while finalizing",
      description =
          "Only the member's grassroots committee, only while its finalize-results task is open (409 "
              + "otherwise). 400: level missing or unknown, reason missing, the same level, or above the member's cap.")
  public AdjustmentView adjust(
      @PathVariable int year,
      @PathVariable String memberId,
      @RequestBody AdjustLevelRequest request,
      @AuthenticationPrincipal CurrentUser user) {
    // whoever may not read the member's evaluation gets the same 403 whether or not there is one: a
    // 404
    // told an outsider whether the member had an evaluation that year (issue 12, outsiders'
    // recheck)
    access.readable(year, memberId, user);
    return mapper.toView(adjuster.adjust(year, memberId, request, user));
  }

  @GetMapping
  @Operation(
      summary = "Các lần điều chỉnh mức xếp loại / the member's level adjustments, oldest first")
  public List<AdjustmentView> list(
      @PathVariable int year,
      @PathVariable String memberId,
      @AuthenticationPrincipal CurrentUser user) {
    access.readable(year, memberId, user);
    return mapper.toViews(adjustments.of(year, memberId));
  }
}
