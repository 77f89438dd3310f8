package vn.party.evaluation.meeting;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.party.evaluation.process.TextLimits;

/** Request and response bodies of /api/v1/branches/{branchId}/meetings/{year}. */
public final class MeetingApi {

  /** The fields a meeting body may have; any other is refused as unknown, so a misspelt one is never dropped. */
  static final Set<String> MEETING_FIELDS =
      Set.of(
          "heldOn",
          "place",
          "officialMembers",
          "exemptedMembers",
          "present",
          "absentNames",
          "chairId",
          "clerkId",
          "entries");

  static final Set<String> ENTRY_FIELDS = Set.of("taskId", "criticism", "votes", "proposedLevel");

  @Schema(
      description = "Biên bản họp chi bộ kiểm điểm / the minutes of the branch's review meeting")
  public record MeetingRequest(
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "Ngày họp / date held (not in the future)")
          LocalDate heldOn,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              maxLength = TextLimits.NAME,
              description = "Địa điểm / place")
          String place,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              minimum = "1",
              maximum = "1000",
              description = "Tổng số đảng viên chính thức / official members")
          Integer officialMembers,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              minimum = "0",
              description =
                  "Số được miễn công tác và sinh hoạt đảng / of them exempted (fewer than officialMembers)")
          Integer exemptedMembers,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              minimum = "0",
              description = "Số có mặt / present (at most officialMembers)")
          Integer present,
      @Schema(
              maxLength = TextLimits.FORM_TEXT,
              description = "Họ tên người vắng mặt, lý do / who was absent and why")
          String absentNames,
      @Schema(
              description =
                  "Người chủ trì (mã đảng viên của chi bộ, không vắng mặt) / who chaired: a member of the "
                      + "branch, not listed absent; when omitted, the branch's secretary")
          String chairId,
      @Schema(
              description =
                  "Thư ký (mã đảng viên của chi bộ) / who took the minutes: a member of the branch; "
                      + "when omitted, the signed-in user")
          String clerkId,
      @ArraySchema(
              minItems = 1,
              schema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
              arraySchema =
                  @Schema(
                      requiredMode = Schema.RequiredMode.REQUIRED,
                      description = "Từng đảng viên được kiểm điểm / each member reviewed"))
          List<EntryRequest> entries) {}

  @Schema(description = "Kiểm điểm một đảng viên tại cuộc họp / one member at the meeting")
  public record EntryRequest(
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "The member's open branch-review task (see the agenda)")
          String taskId,
      @Schema(maxLength = TextLimits.FORM_TEXT, description = "Ý kiến phê bình / the criticism")
          String criticism,
      @Schema(
              description =
                  "Số phiếu theo mức / votes per level: EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED; a "
                      + "level left out has 0")
          Map<String, Integer> votes,
      @Schema(
              types = {"string", "null"},
              description = "Mức chi bộ đề xuất / the proposal; null: not decided at this meeting")
          String proposedLevel) {}

  /** A member on the agenda: an open branch review. */
  public record AgendaView(
      String taskId,
      String memberId,
      String memberName,
      String selfProposedLevel,
      String levelCap,
      String levelCapReason) {}

  /** @param completedTasks the branch reviews the meeting completed (its entries with a proposal) */
  public record MeetingRecorded(
      UUID meetingId, String branchId, int year, List<String> completedTasks) {}

  private MeetingApi() {}
}
