package vn.party.evaluation.finalization;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** Request and response bodies of /api/v1/evaluations/{year}/{memberId}/adjustments. */
public final class AdjustmentApi {

  /** Checked by the completion rules (TaskCompletionRules.checkAdjustment), not by annotations: one place. */
  @Schema(
      description =
          "Điều chỉnh mức xếp loại khi chốt kết quả / adjust a decided level while finalizing")
  public record AdjustLevelRequest(
      @Schema(example = "GOOD", description = "EXCELLENT | GOOD | COMPLETED | NOT_COMPLETED")
          String level,
      @Schema(example = "Vượt tỷ lệ 20% hoàn thành xuất sắc nhiệm vụ.") String reason) {}

  public record AdjustmentView(
      long id,
      int year,
      String memberId,
      String fromLevel,
      String toLevel,
      String reason,
      String adjustedBy,
      OffsetDateTime adjustedAt) {}

  private AdjustmentApi() {}
}
