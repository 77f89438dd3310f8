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
  private final vn.party.evaluation.complaint.ComplaintFile.Reader complaintFiles;
  private final vn.party.evaluation.complaint.ComplaintIntake complaintIntake;
  private final vn.party.evaluation.finalization.LevelAdjustments adjustments;
  private final org.springframework.context.MessageSource messages;
  private final vn.party.evaluation.portal.PortalTime time;
  private final vn.party.evaluation.selfreview.SelfReviews selfReviews;
  private final vn.party.evaluation.portal.PeoplesWords words;

  public EvaluationPageController(EvaluationAccess access, EvaluationRecords records, Timeline timeline,
      Reratings reratings, org.springframework.context.MessageSource messages,
      vn.party.evaluation.portal.PortalTime time, vn.party.evaluation.complaint.ComplaintFile.Reader complaintFiles,
      vn.party.evaluation.complaint.ComplaintIntake complaintIntake,
      vn.party.evaluation.finalization.LevelAdjustments adjustments,
      vn.party.evaluation.selfreview.SelfReviews selfReviews, vn.party.evaluation.portal.PeoplesWords words) {
    this.words = words;
    this.complaintFiles = complaintFiles;
    this.complaintIntake = complaintIntake;
    this.adjustments = adjustments;
    this.selfReviews = selfReviews;
    this.messages = messages;
    this.time = time;
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
    EvaluationRecord evaluation = access.readable(year, memberId, user);
    model.addAttribute("evaluation", evaluation);
    model.addAttribute("timeline", timeline.of(year, memberId));
    model.addAttribute("reratings", reratings.of(year, memberId));
    model.addAttribute("complaintFile", complaintFiles.of(year, memberId));
    // the member sees the complaint form while the window is open
    var announcement = complaintFiles.announcement(evaluation.campaignId());
    model.addAttribute("complaintOpen", user.userId().equals(memberId) && announcement
        .filter(a -> a.open(java.time.OffsetDateTime.now())).isPresent());
    model.addAttribute("complaintWindowEnd", announcement.map(a -> a.windowEnd()).orElse(null));
    model.addAttribute("adjustments", adjustments.of(year, memberId));
    model.addAttribute("selfReview", selfReviews.latest(year, memberId).orElse(null));
    model.addAttribute("selfReviewFields", vn.party.evaluation.process.validation.TaskCompletionRules.fields(
        vn.party.evaluation.process.ProcessKeys.SELF_REVIEW));
    return "review/evaluation";
  }

  /** The member's complaint from the page (the same rules as the API); back to the record with a notice. */
  @org.springframework.web.bind.annotation.PostMapping("/app/evaluations/{year}/{memberId}/complaints")
  public String complain(@PathVariable int year, @PathVariable String memberId,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String grounds,
      @AuthenticationPrincipal CurrentUser user,
      org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
    complaintIntake.complain(year, memberId, grounds == null ? null : grounds.replace("\r\n", "\n"), user);
    flash.addFlashAttribute("notice", "notice.complaint-received");
    return "redirect:/app/evaluations/" + year + "/" + memberId;
  }

  /** The member's full record of the year as a PDF, for the file or an inspection. */
  @GetMapping("/app/evaluations/{year}/{memberId}.pdf")
  public org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable int year, @PathVariable String memberId,
      @AuthenticationPrincipal CurrentUser user) {
    EvaluationRecord record = access.readable(year, memberId, user);
    byte[] pdf = EvaluationRecordPdf.write(record, adjustments.of(year, memberId), reratings.of(year, memberId),
        complaintFiles.of(year, memberId), timeline.of(year, memberId), selfReviews.latest(year, memberId).orElse(null),
        messages, org.springframework.context.i18n.LocaleContextHolder.getLocale(), time, words);
    return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment().filename(memberId + "-" + year + ".pdf")
                .build().toString())
        .body(pdf);
  }
}
