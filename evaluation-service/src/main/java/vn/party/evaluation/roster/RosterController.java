package vn.party.evaluation.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.roster.RosterApi.MemberRosterView;
import vn.party.evaluation.roster.RosterApi.RosterChangeView;
import vn.party.evaluation.roster.RosterApi.RosterPatch;
import vn.party.evaluation.roster.RosterApi.RosterUpdateView;
import vn.party.evaluation.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/members/{memberId}")
@Tag(name = "Hồ sơ đảng viên / member roster")
public class RosterController {

  private static final String READERS =
      "Administrators, auditors, the grassroots committee of the member's "
          + "organization, the member's branch committee and the member.";

  private final RosterService service;
  private final RosterMapper mapper;
  private final RosterNotices notices;

  public RosterController(RosterService service, RosterMapper mapper, RosterNotices notices) {
    this.service = service;
    this.mapper = mapper;
    this.notices = notices;
  }

  @GetMapping
  @Operation(
      summary = "Thông tin đảng viên quyết định diện đánh giá / a member's roster facts",
      description = READERS)
  public MemberRosterView get(
      @PathVariable String memberId, @AuthenticationPrincipal CurrentUser user) {
    return mapper.toView(service.roster(memberId, user));
  }

  @PatchMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
  @Operation(
      summary =
          "Thay đổi thông tin đảng viên, kèm lý do / change a member's roster facts, with the reason",
      description =
          "Administrators and the grassroots committee of the member's organization only (403 otherwise; "
              + "auditors never). Any of membership (OFFICIAL | PROBATIONARY), admittedOn (yyyy-MM-dd, not in the future; "
              + "null: not on file), exempted, suspended, civilServant, leadershipPost (true | false), leadership "
              + "(BRANCH_COMMITTEE | ORGANIZATION_COMMITTEE | null), headOf (BRANCH: bí thư of the member's branch | "
              + "ORGANIZATION: bí thư of the member's grassroots organization | null), and the required reason (e.g. the "
              + "decision number). 400 with errors[{field, reason, message}]: unknown-field, not-a-flag, wrong-type, "
              + "invalid-format, in-future, out-of-range, invalid-membership, invalid-leadership, invalid-head-of, "
              + "probationary-on-committee (also a probationary head), required, too-long, control-characters, "
              + "nothing-to-change. Changed fields are recorded with their values before and after, in the same "
              + "transaction; values equal to the current ones record nothing. A unit has one head: making a member the "
              + "head of a unit that has another transfers it — the previous head's headOf becomes null, recorded on his "
              + "or her roster with the same reason, and the answer's previousHead names him or her. A change applies to "
              + "campaigns launched afterwards: a running campaign keeps the eligibility, form and heads it decided at "
              + "launch and a started evaluation keeps leadershipPost; civilServant (read at the unit-assessment check) "
              + "and leadership (read when a collective's caps are computed) still reach a running campaign that has not "
              + "got there — the response's notice says so when the member has a running campaign.")
  public RosterUpdateView change(
      @PathVariable String memberId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      schema = @Schema(implementation = RosterPatch.class),
                      examples =
                          @ExampleObject(
                              value =
                                  "{\"exempted\": true, \"reason\": \"Quyết định số 15-QĐ/ĐU ngày 02/3 của Đảng ủy phường\"}")))
          @RequestBody
          JsonNode body,
      @AuthenticationPrincipal CurrentUser user) {
    RosterUpdate update = service.change(memberId, body, user);
    return mapper.toUpdateView(update, notices.running(update.runningCampaignYears()));
  }

  @GetMapping("/changes")
  @Operation(
      summary = "Lịch sử thay đổi thông tin đảng viên / the recorded changes, oldest first",
      description = READERS)
  public List<RosterChangeView> changes(
      @PathVariable String memberId, @AuthenticationPrincipal CurrentUser user) {
    return mapper.toChangeViews(service.changes(memberId, user));
  }
}
