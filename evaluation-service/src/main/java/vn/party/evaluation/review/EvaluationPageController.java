package vn.party.evaluation.review;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.rerating.Reratings;
import vn.party.evaluation.security.CurrentUser;

/**
 * One evaluation as a page: the three levels side by side (differences marked), the comments, and the whole
 * timeline of who did what and when. The member sees their own; committees, auditors and administrators as the
 * API allows ({@link EvaluationAccess}). Read-only.
 */
@Controller
@PortalPage
public class EvaluationPageController {

  private final EvaluationAccess access;
  private final EvaluationRecords records;
  private final Timeline timeline;
  private final Reratings reratings;

  public EvaluationPageController(EvaluationAccess access, EvaluationRecords records, Timeline timeline,
      Reratings reratings) {
    this.access = access;
    this.records = records;
    this.timeline = timeline;
    this.reratings = reratings;
  }

  @GetMapping("/app/evaluations")
  public String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("evaluations", records.ofMember(user.userId()));
    return "review/mine";
  }

  @GetMapping("/app/evaluations/{year}/{memberId}")
  public String show(@PathVariable int year, @PathVariable String memberId,
      @AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("evaluation", access.readable(year, memberId, user));
    model.addAttribute("timeline", timeline.of(year, memberId));
    model.addAttribute("reratings", reratings.of(year, memberId));
    return "review/evaluation";
  }
}
