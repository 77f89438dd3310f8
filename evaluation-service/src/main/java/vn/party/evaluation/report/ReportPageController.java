package vn.party.evaluation.report;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.party.evaluation.document.OfficialDocuments;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * An organization's yearly summary: per branch and in total, counts and shares per level, those not rated and why,
 * the EXCELLENT quota, the year before; as a page, a spreadsheet and a PDF.
 */
@Controller
@PortalPage
public class ReportPageController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ReportAccess access;
  private final Reports reports;
  private final MessageSource messages;
  private final OfficialDocuments documents;

  public ReportPageController(
      ReportAccess access, Reports reports, MessageSource messages, OfficialDocuments documents) {
    this.documents = documents;
    this.access = access;
    this.reports = reports;
    this.messages = messages;
  }

  /**
   * The chooser; a committee member finds their own organization filled in, a branch committee its branches (an
   * organization's report is for the grassroots committee, auditors and administrators; a branch's also for the
   * branch committee).
   */
  @GetMapping("/app/reports")
  public String choose(
      @RequestParam(required = false) String organization,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String branch,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    if (branch != null && !branch.isBlank() && year != null) {
      return "redirect:/app/reports/branches/"
          + checkedId("branch", branch)
          + "/"
          + checkedYear(year);
    }
    if (organization != null && !organization.isBlank() && year != null) {
      return "redirect:/app/reports/"
          + checkedId("organization", organization)
          + "/"
          + checkedYear(year);
    }
    model.addAttribute(
        "organization",
        organization != null
            ? organization
            : user.groups().stream()
                .map(Groups::organizationOfCommittee)
                .flatMap(Optional::stream)
                .findFirst()
                .or(() -> user.inspectedOrganizations().stream().findFirst())
                .orElse(""));
    model.addAttribute("year", year != null ? year : Year.now().getValue());
    model.addAttribute(
        "mayReadOrganizations",
        user.isInspector()
            || user.isAdmin()
            || user.groups().stream().anyMatch(g -> Groups.organizationOfCommittee(g).isPresent()));
    model.addAttribute("branches", readableBranches(user));
    return "report/choose";
  }

  @GetMapping("/app/reports/{organization}/{year}")
  public String show(
      @PathVariable String organization,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    return page(
        model, access.readable(organization, checkedYear(year), user), "report/organization");
  }

  @GetMapping("/app/reports/{organization}/{year}.xlsx")
  public ResponseEntity<byte[]> xlsx(
      @PathVariable String organization,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user) {
    OrganizationReport report = access.readable(organization, checkedYear(year), user);
    return file(XlsxReport.write(report, labels()), XLSX, organization + "-" + year + ".xlsx");
  }

  @GetMapping("/app/reports/{organization}/{year}.pdf")
  public ResponseEntity<byte[]> pdf(
      @PathVariable String organization,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user) {
    OrganizationReport report = access.readable(organization, checkedYear(year), user);
    return file(
        PdfReport.write(
            documents.organizationHeader(organization, documents.today()), report, labels()),
        MediaType.APPLICATION_PDF,
        organization + "-" + year + ".pdf");
  }

  @GetMapping("/app/reports/branches/{branch}/{year}")
  public String branch(
      @PathVariable String branch,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    return page(model, access.readableBranch(branch, checkedYear(year), user), "report/branch");
  }

  @GetMapping("/app/reports/branches/{branch}/{year}.xlsx")
  public ResponseEntity<byte[]> branchXlsx(
      @PathVariable String branch,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user) {
    BranchReport report = access.readableBranch(branch, checkedYear(year), user);
    return file(XlsxReport.writeBranch(report, labels()), XLSX, branch + "-" + year + ".xlsx");
  }

  @GetMapping("/app/reports/branches/{branch}/{year}.pdf")
  public ResponseEntity<byte[]> branchPdf(
      @PathVariable String branch,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user) {
    BranchReport report = access.readableBranch(branch, checkedYear(year), user);
    return file(
        PdfReport.writeBranch(documents.branchHeader(branch, documents.today()), report, labels()),
        MediaType.APPLICATION_PDF,
        branch + "-" + year + ".pdf");
  }

  /** Branch id → name of the branches whose report the user may read. */
  private Map<String, String> readableBranches(CurrentUser user) {
    if (user.isAuditor() || user.isAdmin()) {
      return reports.branches(null);
    }
    Map<String, String> branches = new LinkedHashMap<>();
    user.groups().stream()
        .map(Groups::organizationOfCommittee)
        .flatMap(Optional::stream)
        .forEach(org -> branches.putAll(reports.branches(org)));
    user.inspectedOrganizations().forEach(org -> branches.putAll(reports.branches(org)));
    user.groups().stream()
        .map(Groups::branchOfCommittee)
        .flatMap(Optional::stream)
        .forEach(
            b ->
                branches.putIfAbsent(
                    b,
                    reports
                        .organizationOfBranch(b)
                        .map(reports::branches)
                        .map(all -> all.getOrDefault(b, b))
                        .orElse(b)));
    return branches;
  }

  /** An organization's report and a branch's are shown with the same levels and labels. */
  private String page(Model model, Object report, String view) {
    model.addAttribute("report", report);
    model.addAttribute("levels", Level.values());
    model.addAttribute("labels", labels());
    return view;
  }

  private ReportLabels labels() {
    return new ReportLabels(messages, LocaleContextHolder.getLocale());
  }

  /** An organization's or a branch's id as the chooser's form sent it (trimmed), refused in {@code field} if malformed. */
  private static String checkedId(String field, String id) {
    String trimmed = id.trim();
    if (!trimmed.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      throw ApiException.invalid(List.of(new FieldProblem(field, "invalid-format", null)));
    }
    return trimmed;
  }

  private static int checkedYear(int year) {
    if (year < 2018 || year > 2100) {
      throw ApiException.invalid(List.of(new FieldProblem("year", "out-of-range", null)));
    }
    return year;
  }

  private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(content);
  }
}
