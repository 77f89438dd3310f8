package vn.party.evaluation.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.party.evaluation.process.TextLimits;

/** Response bodies of /api/v1/members. */
public final class RosterApi {

  /** A member's roster facts; a fact that is not on file is shown as null, not left out. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record MemberRosterView(
      String id,
      String fullName,
      String email,
      String branchId,
      String organizationId,
      @Schema(description = "OFFICIAL | PROBATIONARY") String membership,
      @Schema(
              description =
                  "ACTIVE, …: only ACTIVE members are put on a campaign's roster (not changed here)")
          String status,
      @Schema(description = "yyyy-MM-dd; null: not on file (an established member)")
          LocalDate admittedOn,
      @Schema(description = "miễn công tác và sinh hoạt đảng: not rated") boolean exempted,
      @Schema(description = "đình chỉ sinh hoạt đảng: not rated") boolean suspended,
      @Schema(description = "BRANCH_COMMITTEE | ORGANIZATION_COMMITTEE | null (collective caps)")
          String leadership,
      @Schema(description = "holds a post in the state apparatus: a unit assessment is expected")
          boolean civilServant,
      @Schema(description = "holds a leadership or management post: Mẫu 02B")
          boolean leadershipPost,
      @Schema(
              description =
                  "BRANCH (bí thư chi bộ: heads the member's branch) | ORGANIZATION (bí thư đảng ủy cơ sở: "
                      + "heads the member's grassroots organization) | null (heads nothing); one head per unit")
          String headOf) {}

  /** One recorded change: who, when, why, and the changed fields before and after. */
  public record RosterChangeView(
      long id,
      String memberId,
      OffsetDateTime changedAt,
      String changedBy,
      String reason,
      List<FieldChangeView> changes) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record FieldChangeView(String field, Object from, Object to) {}

  /**
   * The answer to a change: the facts now; the recorded change (absent when nothing differed from the record); the
   * member whose headship passed to this one (absent when none did); the years of the member's campaigns still
   * running and, when there is one, a note of what the change does not reach.
   */
  public record RosterUpdateView(
      MemberRosterView member,
      RosterChangeView change,
      PreviousHeadView previousHead,
      List<Integer> runningCampaignYears,
      String notice) {}

  /** The unit's previous head, who heads nothing now: the change recorded on his or her roster. */
  public record PreviousHeadView(String memberId, String fullName, RosterChangeView change) {}

  /**
   * The PATCH body, for the document only (the service reads the body as a JSON merge patch, field by field, to
   * tell a null from a field left out): any of the changeable facts, with the required reason.
   */
  @Schema(
      description =
          "Các thông tin cần đổi, kèm lý do / the facts to change, with the reason: a field left out is not "
              + "changed, null clears a fact that may be not on file; any other field is refused (unknown-field)",
      additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
      minProperties = 2)
  public record RosterPatch(
      @Schema(allowableValues = {"OFFICIAL", "PROBATIONARY"}) String membership,
      @Schema(
              types = {"string", "null"},
              format = "date",
              description = "yyyy-MM-dd, not in the future; null: not on file")
          LocalDate admittedOn,
      @Schema(description = "miễn công tác và sinh hoạt đảng") Boolean exempted,
      @Schema(description = "đình chỉ sinh hoạt đảng") Boolean suspended,
      @Schema(description = "cán bộ, công chức, viên chức") Boolean civilServant,
      @Schema(description = "giữ chức vụ lãnh đạo, quản lý (Mẫu 02B)") Boolean leadershipPost,
      @Schema(
              types = {"string", "null"},
              allowableValues = {"BRANCH_COMMITTEE", "ORGANIZATION_COMMITTEE"},
              description = "null: on no committee")
          String leadership,
      @Schema(
              types = {"string", "null"},
              allowableValues = {"BRANCH", "ORGANIZATION"},
              description =
                  "BRANCH: bí thư of the member's branch; ORGANIZATION: bí thư of the member's grassroots "
                      + "organization; null: heads nothing")
          String headOf,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              maxLength = TextLimits.REASON,
              description = "Lý do, ví dụ số quyết định / why, e.g. the decision number")
          String reason) {}

  private RosterApi() {}
}
