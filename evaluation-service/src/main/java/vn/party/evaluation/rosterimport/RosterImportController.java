package vn.party.evaluation.rosterimport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.rosterimport.RosterImportService.Preview;
import vn.party.evaluation.rosterimport.RosterImportService.Progress;
import vn.party.evaluation.rosterimport.RosterImportService.Result;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

@RestController
@Tag(name = "Nhập danh sách đảng viên / roster import")
public class RosterImportController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final RosterImportService service;
  private final RosterTemplate template;

  public RosterImportController(RosterImportService service, RosterTemplate template) {
    this.service = service;
    this.template = template;
  }

  @GetMapping("/api/v1/roster-imports/template.{format}")
  @Operation(summary = "Mẫu danh sách đảng viên / the roster template (xlsx | csv)")
  public ResponseEntity<byte[]> template(@PathVariable String format) {
    return file("mau-danh-sach-dang-vien", format, null);
  }

  @GetMapping("/api/v1/organizations/{organizationId}/roster.{format}")
  @Operation(
      summary = "Xuất danh sách đảng viên theo mẫu / the roster in the template (xlsx | csv)",
      description = "Administrators and the organization's grassroots committee.")
  public ResponseEntity<byte[]> export(
      @PathVariable String organizationId,
      @PathVariable String format,
      @AuthenticationPrincipal CurrentUser user) {
    if (!RosterImportService.mayImport(organizationId, user)) {
      throw ApiException.forbidden();
    }
    return file("danh-sach-dang-vien-" + organizationId, format, organizationId);
  }

  @PostMapping(
      value = "/api/v1/organizations/{organizationId}/roster-imports",
      consumes = MediaType.ALL_VALUE)
  @Operation(
      summary = "Tải tệp lên và xem trước / upload a roster file and preview it",
      description =
          "The body is the file itself (XLSX or CSV: UTF-8 with or without BOM, or UTF-16 with BOM; ',' or "
              + "';'), fileName as a parameter. Nothing of a member is written: 201 with the counts (toCreate, toUpdate, "
              + "unchanged), every problem {row, column, heading, field, reason, message (vi), messageEn} and every "
              + "row whose new member takes over an existing sign-in {row, account, currentName, message (vi), "
              + "messageEn} (adoptions: a new one-time password, the roster's name and address). 413 over 40 MB.")
  public ResponseEntity<Preview> upload(
      @PathVariable String organizationId,
      @RequestParam(required = false) String fileName,
      @RequestBody(required = false) byte[] content,
      @AuthenticationPrincipal CurrentUser user) {
    Preview preview = service.preview(organizationId, fileName, content, user);
    return ResponseEntity.created(URI.create("/api/v1/roster-imports/" + preview.id()))
        .body(preview);
  }

  @GetMapping("/api/v1/roster-imports/{id}")
  @Operation(
      summary =
          "Xem trước lại / the preview of a kept file, checked against the roster as it is now")
  public Preview preview(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
    return service.preview(id, user);
  }

  @GetMapping("/api/v1/roster-imports/{id}/progress")
  @Operation(summary = "Tiến độ ghi / how far the commit is")
  public Progress progress(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
    return service.progress(id, user);
  }

  @PostMapping("/api/v1/roster-imports/{id}/commit")
  @Operation(
      summary = "Ghi toàn bộ / write all rows or none",
      description =
          "400 with the problems if the file has any now; 409 if already committed. The answer lists the "
              + "new accounts with their one-time passwords, once.")
  public Result commit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
    return service.commit(id, user);
  }

  private ResponseEntity<byte[]> file(String name, String format, String organizationId) {
    return switch (format) {
      case "xlsx" ->
          ResponseEntity.ok()
              .contentType(MediaType.parseMediaType(XLSX))
              .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
              .body(template.xlsx(organizationId));
      case "csv" ->
          ResponseEntity.ok()
              .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
              .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
              .body(template.csv(organizationId));
      default -> throw ApiException.notFound("error.not-found");
    };
  }
}
