package vn.party.evaluation.campaign;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import vn.party.evaluation.process.TextLimits;

/** Request and response bodies of /api/v1/campaigns. */
public final class CampaignApi {

  @Schema(description = "Mở đợt kiểm điểm, đánh giá, xếp loại / open a yearly evaluation campaign")
  public record CreateCampaignRequest(
      @NotBlank @Size(max = TextLimits.ID) @Pattern(regexp = "[a-z0-9][a-z0-9-]*")
          String organizationId,
      @NotNull
          @Min(2018)
          @Max(2100)
          @NotAfterCurrentYear
          @Schema(
              description =
                  "Năm đánh giá, không sau năm hiện tại (giờ Việt Nam) / the year evaluated, not after the"
                      + " current year in Vietnam (reason future-year)")
          Integer year,
      @NotBlank @Size(max = 20) @Schema(example = "QD-366-2025") String regulation,
      @NotNull @JsonDeserialize(using = UnreadableDeadlines.Reader.class)
          OffsetDateTime selfReviewDue,
      @NotNull @JsonDeserialize(using = UnreadableDeadlines.Reader.class)
          OffsetDateTime residenceFeedbackDue,
      @Schema(
              description =
                  "Hạn nhận xét của lãnh đạo đơn vị (mức xếp loại CBCCVC) / deadline of the unit leadership's"
                      + " assessment; absent: the residence-feedback deadline")
          @JsonDeserialize(using = UnreadableDeadlines.Reader.class)
          OffsetDateTime unitAssessmentDue,
      @NotNull @JsonDeserialize(using = UnreadableDeadlines.Reader.class)
          OffsetDateTime branchReviewDue,
      @NotNull @JsonDeserialize(using = UnreadableDeadlines.Reader.class)
          OffsetDateTime decisionDue) {}

  public record Deadlines(
      OffsetDateTime selfReviewDue,
      OffsetDateTime residenceFeedbackDue,
      OffsetDateTime unitAssessmentDue,
      OffsetDateTime branchReviewDue,
      OffsetDateTime decisionDue) {}

  /**
   * @param membersTotal members rated in this campaign
   * @param membersNotRated members of the organization the regulation excludes (exempted, suspended, admitted
   *                        less than six months before the year's end), counted by reason in notRatedByReason
   * @param decisionStage   whose decisions the campaign waits for now, in the regulation's order (a collective before
   *                        its head): MEMBERS (those who head no unit), BRANCH_HEADS, ALL; null while launching
   */
  public record Progress(
      int membersTotal,
      int membersStarted,
      int membersDecided,
      boolean rosterPrepared,
      Map<String, Integer> decidedByLevel,
      int membersNotRated,
      Map<String, Integer> notRatedByReason,
      String decisionStage) {}

  public record CampaignView(
      UUID id,
      String organizationId,
      int year,
      String regulation,
      String regulationTitle,
      CampaignStatus status,
      Deadlines deadlines,
      Progress progress,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime completedAt) {}

  private CampaignApi() {}
}
