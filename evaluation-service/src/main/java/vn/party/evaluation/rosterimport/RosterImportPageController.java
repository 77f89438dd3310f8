package vn.party.evaluation.rosterimport;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * The roster import as pages: {@code /app/roster-import} (the template, the export, the upload) and
 * {@code /app/roster-import/{id}} (the preview with every problem by row and column in both languages; "write all"
 * with a progress bar, then the new accounts' one-time passwords, shown once). The upload and the commit are sent by
 * the page's script (the file as the body, the CSRF token as a header), through the same service as the API.
 */
@Controller
@PortalPage
public class RosterImportPageController {

  private final RosterImportService service;
  private final JdbcClient jdbc;
  private final RosterTemplate template;

  public RosterImportPageController(
      RosterImportService service, JdbcClient jdbc, RosterTemplate template) {
    this.service = service;
    this.jdbc = jdbc;
    this.template = template;
  }

  @GetMapping("/app/roster-import/template.{format}")
  @ResponseBody
  public ResponseEntity<byte[]> template(@PathVariable String format) {
    return file("mau-danh-sach-dang-vien", format, null);
  }

  @GetMapping("/app/roster-import/export.{format}")
  @ResponseBody
  public ResponseEntity<byte[]> export(
      @PathVariable String format,
      @RequestParam String org,
      @AuthenticationPrincipal CurrentUser user) {
    if (!RosterImportService.mayImport(org, user)) {
      throw ApiException.forbidden();
    }
    return file("danh-sach-dang-vien-" + org, format, org);
  }

  private ResponseEntity<byte[]> file(String name, String format, String organizationId) {
    byte[] body =
        switch (format) {
          case "xlsx" -> template.xlsx(organizationId);
          case "csv" -> template.csv(organizationId);
          default -> throw ApiException.notFound("error.not-found");
        };
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "xlsx".equals(format) ? RosterImportController.XLSX : "text/csv;charset=UTF-8"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format + "\"")
        .body(body);
  }

  record Organization(String id, String name) {}

  @GetMapping("/app/roster-import")
  public String start(
      @RequestParam(required = false) String org,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    List<Organization> organizations =
        jdbc
            .sql("select id, name from evaluation.organization order by name")
            .query(Organization.class)
            .list()
            .stream()
            .filter(o -> RosterImportService.mayImport(o.id(), user))
            .toList();
    if (organizations.isEmpty()) {
      throw ApiException.forbidden();
    }
    String chosen =
        org != null
            ? org
            : user.groups().stream()
                .map(Groups::organizationOfCommittee)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(organizations.get(0).id());
    if (organizations.stream().noneMatch(o -> o.id().equals(chosen))) {
      throw ApiException.forbidden();
    }
    model.addAttribute("organizations", organizations);
    model.addAttribute("organizationId", chosen);
    model.addAttribute("recent", service.recent(chosen, user));
    return "rosterimport/start";
  }

  @PostMapping("/app/roster-import/upload")
  @ResponseBody
  public ResponseEntity<RosterImportService.Preview> upload(
      @RequestParam String org,
      @RequestParam(required = false) String fileName,
      @RequestBody(required = false) byte[] content,
      @AuthenticationPrincipal CurrentUser user) {
    return ResponseEntity.ok(service.preview(org, fileName, content, user));
  }

  @GetMapping("/app/roster-import/{id}")
  public String preview(
      @PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("preview", service.preview(id, user));
    return "rosterimport/preview";
  }

  @GetMapping("/app/roster-import/{id}/progress")
  @ResponseBody
  public RosterImportService.Progress progress(
      @PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
    return service.progress(id, user);
  }

  @PostMapping("/app/roster-import/{id}/commit")
  @ResponseBody
  public RosterImportService.Result commit(
      @PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
    return service.commit(id, user);
  }
}
