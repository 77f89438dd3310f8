package vn.party.evaluation.unit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.unit.UnitApi.DissolutionRequest;
import vn.party.evaluation.unit.UnitApi.MergerRequest;
import vn.party.evaluation.unit.UnitApi.NewUnitRequest;
import vn.party.evaluation.unit.UnitApi.SeatRequest;
import vn.party.evaluation.unit.UnitApi.SeatView;
import vn.party.evaluation.unit.UnitApi.UnitChangeRequest;
import vn.party.evaluation.unit.UnitApi.UnitDetailView;
import vn.party.evaluation.unit.UnitApi.UnitView;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Tổ chức đảng / organization tree")
public class UnitController {

  private static final String REFUSALS =
      " 400 with errors[{field, reason, message}]: required, unknown, invalid-kind, "
          + "wrong-parent-kind, unit-dissolved, unit-taken, invalid-format, in-future, too-long, control-characters, "
          + "unit-not-empty, unit-under-evaluation, last-branch-committee-seat, last-organization-committee-seat, not-on-committee, merge-kind, merge-self, before-opening, invalid-body, invalid-role, inspection-not-here, "
          + "unknown-person, not-a-member-here, probationary-on-committee, member-not-active, member-suspended, "
          + "nothing-to-change. 403: administrators, and "
          + "the grassroots committee for its own organization's units (not the organization's creation, merger or "
          + "dissolution; never the committee above); auditors never. Every change is in the unit's history.";

  private final UnitService service;
  private final UnitMapper mapper;

  public UnitController(UnitService service, UnitMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  @GetMapping
  @Operation(
      summary =
          "Cây tổ chức / the organization tree, parents before children (dissolved units too)",
      description = "Everybody signed in.")
  public List<UnitView> tree() {
    return mapper.toViews(service.tree());
  }

  @GetMapping("/{id}")
  @Operation(
      summary =
          "Một đơn vị: cấp ủy, đơn vị trực thuộc, lịch sử / a unit with its committees, children and "
              + "history",
      description = "Everybody signed in.")
  public UnitDetailView get(@PathVariable String id) {
    Unit unit = service.get(id);
    return new UnitDetailView(
        mapper.toView(unit),
        mapper.toSeatViews(service.committee(id)),
        mapper.toViews(service.children(id)),
        mapper.toHistoryViews(service.history(id)));
  }

  @PostMapping
  @Operation(
      summary = "Thành lập đơn vị / create a unit",
      description = "kind, parentId, name, code, openedOn, reason." + REFUSALS)
  public ResponseEntity<UnitView> create(
      @RequestBody NewUnitRequest request, @AuthenticationPrincipal CurrentUser user) {
    Unit unit = service.create(request, user);
    return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id()))
        .body(mapper.toView(unit));
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Đổi tên, mã, ngày thành lập / rename, change the code or opening date",
      description = "Fields left out stay; reason required." + REFUSALS)
  public UnitView change(
      @PathVariable String id,
      @RequestBody UnitChangeRequest request,
      @AuthenticationPrincipal CurrentUser user) {
    return mapper.toView(service.change(id, request, user));
  }

  @PostMapping("/{id}/dissolution")
  @Operation(summary = "Giải thể / dissolve a unit with nothing left in it", description = REFUSALS)
  public UnitView dissolve(
      @PathVariable String id,
      @RequestBody DissolutionRequest request,
      @AuthenticationPrincipal CurrentUser user) {
    return mapper.toView(service.dissolve(id, request, user));
  }

  @PostMapping("/{id}/merger")
  @Operation(
      summary =
          "Hợp nhất vào đơn vị khác / merge into another unit of the same kind and organization",
      description =
          "Members (branches) or units (sub-committees) go over, each move recorded." + REFUSALS)
  public UnitView merge(
      @PathVariable String id,
      @RequestBody MergerRequest request,
      @AuthenticationPrincipal CurrentUser user) {
    return mapper.toView(service.merge(id, request, user));
  }

  @PutMapping("/{id}/committee")
  @Operation(
      summary = "Phân công cấp ủy, ủy ban kiểm tra / seat a person on the unit's committee",
      description =
          "personId, body (COMMITTEE | INSPECTION), role (SECRETARY | DEPUTY | MEMBER), reason. The engine "
              + "groups follow; a party member's roster leadership and headOf too."
              + REFUSALS)
  public SeatView seat(
      @PathVariable String id,
      @RequestBody SeatRequest request,
      @AuthenticationPrincipal CurrentUser user) {
    return mapper.toView(service.seat(id, request, user));
  }

  @DeleteMapping("/{id}/committee/{personId}")
  @Operation(
      summary = "Thôi cấp ủy / take a person off the unit's committee",
      description = REFUSALS)
  public ResponseEntity<Void> unseat(
      @PathVariable String id,
      @PathVariable String personId,
      @RequestParam(required = false) String body,
      @RequestParam(required = false) String reason,
      @AuthenticationPrincipal CurrentUser user) {
    service.unseat(id, personId, body, reason, user);
    return ResponseEntity.noContent().build();
  }
}
