package vn.party.evaluation.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.audit.HistoryEntry;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.complaint.ComplaintFile;
import vn.party.evaluation.record.EvaluationAccess;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.review.EvaluationApi.EvaluationView;
import vn.party.evaluation.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/evaluations")
@Tag(name = "Kết quả đánh giá / evaluations")
public class EvaluationController {

  private final EvaluationAccess access;
  private final Timeline timeline;
  private final EvaluationMapper mapper;

  private final ComplaintFile.Reader complaintFiles;

  public EvaluationController(
      EvaluationAccess access,
      Timeline timeline,
      EvaluationMapper mapper,
      ComplaintFile.Reader complaintFiles) {
    this.complaintFiles = complaintFiles;
    this.access = access;
    this.timeline = timeline;
    this.mapper = mapper;
  }

  @GetMapping("/{year}/{memberId}")
  @Operation(
      summary = "Kết quả đánh giá của một đảng viên trong năm / a member's evaluation in a year",
      description =
          "Status, the self-proposed, branch-proposed and decided levels, and who/when for each.")
  public EvaluationView get(
      @PathVariable int year,
      @PathVariable String memberId,
      @AuthenticationPrincipal CurrentUser user) {
    return mapper.toView(readable(year, memberId, user), complaintFiles.of(year, memberId));
  }

  @GetMapping("/{year}/{memberId}/history")
  @Operation(
      summary = "Lịch sử đánh giá / the evaluation's ordered timeline",
      description =
          "Every task created and completed, by whom, when, the values given, and the events received.")
  public List<HistoryEntry> history(
      @PathVariable int year,
      @PathVariable String memberId,
      @AuthenticationPrincipal CurrentUser user) {
    readable(year, memberId, user);
    return mapper.toHistory(timeline.of(year, memberId));
  }

  private EvaluationRecord readable(int year, String memberId, CurrentUser user) {
    return access.readable(year, memberId, user);
  }
}
