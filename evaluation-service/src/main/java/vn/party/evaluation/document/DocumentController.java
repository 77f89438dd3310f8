package vn.party.evaluation.document;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.party.evaluation.collective.CollectiveAccess;
import vn.party.evaluation.collective.CollectiveEvaluations;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.record.EvaluationAccess;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.selfreview.SelfReviews;
import vn.party.evaluation.web.ApiException;

/**
 * The official documents to download, as PDF (to print and sign) or DOCX (to edit first): who may read the record
 * may download its document — the member's self-review as the evaluation page, the minutes by the branch's own
 * committee and the committees of its organization, the decision by the organization's committees, the collective's
 * self-review as its page; auditors and administrators all of them.
 */
@Controller
@PortalPage
public class DocumentController {

  private static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final OfficialDocuments documents;
  private final EvaluationAccess evaluations;
  private final SelfReviews selfReviews;
  private final CollectiveAccess collectiveAccess;
  private final CollectiveEvaluations collectives;
  private final DocumentFacts facts;

  DocumentController(
      OfficialDocuments documents,
      EvaluationAccess evaluations,
      SelfReviews selfReviews,
      CollectiveAccess collectiveAccess,
      CollectiveEvaluations collectives,
      DocumentFacts facts) {
    this.documents = documents;
    this.evaluations = evaluations;
    this.selfReviews = selfReviews;
    this.collectiveAccess = collectiveAccess;
    this.collectives = collectives;
    this.facts = facts;
  }

  @GetMapping("/app/documents/self-review/{year}/{memberId}.{format:pdf|docx}")
  public ResponseEntity<byte[]> selfReview(
      @PathVariable int year,
      @PathVariable String memberId,
      @PathVariable String format,
      @AuthenticationPrincipal CurrentUser user) {
    EvaluationRecord record = evaluations.readable(year, memberId, user);
    return send(
        documents.selfReview(record, selfReviews.latest(year, memberId).orElse(null)), format);
  }

  @GetMapping("/app/documents/minutes/{branchId}/{year}.{format:pdf|docx}")
  public ResponseEntity<byte[]> minutes(
      @PathVariable String branchId,
      @PathVariable int year,
      @PathVariable String format,
      @AuthenticationPrincipal CurrentUser user) {
    String organization =
        facts.branch(branchId).map(DocumentFacts.Unit::organizationId).orElse(null);
    boolean allowed =
        user.isAuditor()
            || user.isAdmin()
            || user.inBranchCommittee(branchId)
            || organization != null
                && (user.inOrganizationCommittee(organization)
                    || user.inSuperiorCommitteeOf(organization)
                    || user.inspects(organization));
    if (!allowed) {
      throw ApiException.forbidden();
    }
    return send(documents.minutes(branchId, year), format);
  }

  @GetMapping("/app/documents/decision/{organizationId}/{year}.{format:pdf|docx}")
  public ResponseEntity<byte[]> decision(
      @PathVariable String organizationId,
      @PathVariable int year,
      @PathVariable String format,
      @AuthenticationPrincipal CurrentUser user) {
    if (!user.inspects(organizationId)
        && !user.isAdmin()
        && !user.inOrganizationCommittee(organizationId)
        && !user.inSuperiorCommitteeOf(organizationId)) {
      throw ApiException.forbidden();
    }
    return send(documents.decision(organizationId, year, user.userId()), format);
  }

  @GetMapping("/app/documents/collective/{year}/{collectiveId}.{format:pdf|docx}")
  public ResponseEntity<byte[]> collective(
      @PathVariable int year,
      @PathVariable String collectiveId,
      @PathVariable String format,
      @AuthenticationPrincipal CurrentUser user) {
    collectiveAccess.view(year, collectiveId, user);
    return send(documents.collective(collectives.find(year, collectiveId).orElseThrow()), format);
  }

  private static ResponseEntity<byte[]> send(OfficialDocument document, String format) {
    boolean pdf = "pdf".equals(format);
    byte[] body = pdf ? OfficialPdf.write(document) : OfficialDocx.write(document);
    return ResponseEntity.ok()
        .contentType(pdf ? MediaType.APPLICATION_PDF : DOCX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(document.fileName() + "." + format)
                .build()
                .toString())
        .body(body);
  }
}
