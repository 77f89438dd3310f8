package vn.party.evaluation.review;

import java.time.OffsetDateTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.complaint.ComplaintFile;
import vn.party.evaluation.complaint.ComplaintIntake;
import vn.party.evaluation.document.OfficialDocuments;
import vn.party.evaluation.finalization.LevelAdjustments;
import vn.party.evaluation.portal.PeoplesWords;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.portal.PortalTime;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.record.EvaluationAccess;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.rerating.Reratings;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.selfreview.SelfReviews;

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
  private final ComplaintFile.Reader complaintFiles;
  private final ComplaintIntake complaintIntake;
  private final LevelAdjustments adjustments;
  private final MessageSource messages;
  private final PortalTime time;
  private final SelfReviews selfReviews;
  private final PeoplesWords words;
  private final OfficialDocuments documents;

  public EvaluationPageController(
      EvaluationAccess access,
      EvaluationRecords records,
      Timeline timeline,
      Reratings reratings,
      MessageSource messages,
      PortalTime time,
      ComplaintFile.Reader complaintFiles,
      ComplaintIntake complaintIntake,
      LevelAdjustments adjustments,
      SelfReviews selfReviews,
      PeoplesWords words,
      OfficialDocuments documents) {
    this.documents = documents;
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
  public String show(
      @PathVariable int year,
      @PathVariable String memberId,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    EvaluationRecord evaluation = access.readable(year, memberId, user);
    model.addAttribute("evaluation", evaluation);
    model.addAttribute("timeline", timeline.of(year, memberId));
    model.addAttribute("reratings", reratings.of(year, memberId));
    model.addAttribute("complaintFile", complaintFiles.of(year, memberId));
    // the member sees the complaint form while the window is open
    var announcement = complaintFiles.announcement(evaluation.campaignId());
    model.addAttribute(
        "complaintOpen",
        user.userId().equals(memberId)
            && announcement.filter(a -> a.open(OffsetDateTime.now())).isPresent());
    model.addAttribute("complaintWindowEnd", announcement.map(a -> a.windowEnd()).orElse(null));
    model.addAttribute("adjustments", adjustments.of(year, memberId));
    model.addAttribute("selfReview", selfReviews.latest(year, memberId).orElse(null));
    model.addAttribute("selfReviewFields", TaskCompletionRules.fields(ProcessKeys.SELF_REVIEW));
    return "review/evaluation";
  }

  /** The member's complaint from the page (the same rules as the API); back to the record with a notice. */
  @PostMapping("/app/evaluations/{year}/{memberId}/complaints")
  public String complain(
      @PathVariable int year,
      @PathVariable String memberId,
      @RequestParam(required = false) String grounds,
      @AuthenticationPrincipal CurrentUser user,
      RedirectAttributes flash) {
    complaintIntake.complain(
        year, memberId, grounds == null ? null : grounds.replace("\r\n", "\n"), user);
    flash.addFlashAttribute("notice", "notice.complaint-received");
    return "redirect:/app/evaluations/" + year + "/" + memberId;
  }

  /** The member's full record of the year as a PDF, for the file or an inspection. */
  @GetMapping("/app/evaluations/{year}/{memberId}.pdf")
  public ResponseEntity<byte[]> pdf(
      @PathVariable int year,
      @PathVariable String memberId,
      @AuthenticationPrincipal CurrentUser user) {
    EvaluationRecord record = access.readable(year, memberId, user);
    String fileName = pdfFileName(record);
    byte[] pdf =
        EvaluationRecordPdf.write(
            documents.branchHeader(record.branchId(), documents.today()),
            record,
            adjustments.of(year, memberId),
            reratings.of(year, memberId),
            complaintFiles.of(year, memberId),
            timeline.of(year, memberId),
            selfReviews.latest(year, memberId).orElse(null),
            messages,
            LocaleContextHolder.getLocale(),
            time,
            words);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''" + fileName)
        .body(pdf);
  }

  /**
   * "ho-so-nguyen-van-an-2026.pdf": the person's name folded to ASCII, not their id (fourteenth session's outsider,
   * item 4); the id only for a record without a name. Letters, digits and hyphens only: the same in {@code filename}
   * and {@code filename*}, nothing to quote or encode.
   */
  static String pdfFileName(EvaluationRecord record) {
    String name = record.memberName() == null ? "" : OfficialDocuments.slug(record.memberName());
    if (name.isEmpty()) {
      name = OfficialDocuments.slug(record.memberId());
    }
    return "ho-so-" + name + "-" + record.year() + ".pdf";
  }
}
