package vn.party.evaluation.inbound;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** Response body of /api/v1/admin/unmatched-events. */
public final class UnmatchedEventApi {

  @Schema(
      description =
          "Sự kiện đến không khớp với hồ sơ nào / an inbound event that matched nothing on arrival")
  public record UnmatchedEventView(
      long id,
      String source,
      String eventId,
      String type,
      String subject,
      String memberId,
      Integer year,
      UnmatchedReason reason,
      @Schema(
              description =
                  "Lý do, bằng ngôn ngữ của người dùng / the reason in the user's language")
          String reasonText,
      @Schema(
              description =
                  "Hồ sơ của đảng viên đã được mở từ đó / the member's evaluation has started since")
          boolean evaluationStarted,
      String data,
      @Schema(
              description =
                  "Lỗi so với lược đồ của sự kiện (INVALID_DATA) / what does not match the event's schema")
          String problem,
      OffsetDateTime receivedAt) {}

  private UnmatchedEventApi() {}
}
