package vn.party.evaluation.complaint;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** Request and response bodies of /api/v1/evaluations/{year}/{memberId}/complaints. */
public final class ComplaintApi {

  @Schema(description = "Khiếu nại kết quả xếp loại / a complaint about the announced result")
  public record ComplaintRequest(
      @Schema(
              description =
                  "Nội dung, lý do khiếu nại / the grounds (required, at most 4000 characters, no "
                      + "control characters but line breaks and tabs)")
          String grounds) {}

  /**
   * @param reappraisalStarted true when this complaint sent the case to the committee above; false when it was
   *     attached to the member's re-appraisal already started by an earlier complaint
   */
  public record ComplaintView(
      long id,
      int year,
      String memberId,
      String grounds,
      String submittedBy,
      String channel,
      OffsetDateTime receivedAt,
      boolean reappraisalStarted,
      OffsetDateTime complaintWindowEnd) {}

  private ComplaintApi() {}
}
