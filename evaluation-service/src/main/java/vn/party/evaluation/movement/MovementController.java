package vn.party.evaluation.movement;

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
import vn.party.evaluation.movement.MovementService.Movement;
import vn.party.evaluation.movement.MovementService.Request;
import vn.party.evaluation.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/members/{memberId}/movements")
@Tag(name = "Biến động đảng viên / movements")
public class MovementController {

  private final MovementService service;

  public MovementController(MovementService service) {
    this.service = service;
  }

  @GetMapping
  @Operation(
      summary = "Các biến động của đảng viên / the member's movements, oldest first",
      description = "Whoever may read the member's roster.")
  public List<Movement> list(
      @PathVariable String memberId, @AuthenticationPrincipal CurrentUser user) {
    return service.of(memberId, user);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Ghi một biến động / record a movement",
      description =
          "kind: TRANSFER (toBranch) | TRANSFER_OUT | RECOGNITION | LEAVING | DEATH; on (yyyy-MM-dd, "
              + "default today); reason (required). Administrators and the member's grassroots committee. 400: required, "
              + "invalid-movement, member-not-active, in-future, invalid-format, unknown, unit-dissolved, same-branch, "
              + "already-official, too-long, last-organization-committee-seat.")
  public Movement record(
      @PathVariable String memberId,
      @RequestBody Request request,
      @AuthenticationPrincipal CurrentUser user) {
    return service.record(memberId, request, user);
  }
}
