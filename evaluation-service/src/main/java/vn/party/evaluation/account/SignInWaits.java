package vn.party.evaluation.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The administrators' list of sign-in waits as the API answers it: the server's time by which the waits are read, and
 * each notice (when a key started to wait) with the wait in force now, as the page's "Hiện nay" column tells it
 * (eleventh session's outsider, LOW 12: the API had no "now").
 */
@Schema(
    description =
        "Đăng nhập bị làm chậm, với giờ của máy chủ / the sign-in waits, with the server's time to read them by")
public record SignInWaits(
    @Schema(description = "Giờ của máy chủ lúc trả lời / the server's time when it answered")
        Instant now,
    List<Row> notices) {

  /** A notice, and the wait of its account or address in force now (null: none). */
  @Schema(name = "SignInWaitNotice")
  public record Row(
      @JsonUnwrapped SignInThrottleNotices.Notice notice,
      @Schema(
              description =
                  "Lần chờ đang có hiệu lực (không có: không còn chờ) / the wait in force now (absent: none)")
          SignInThrottle.Wait inForce) {}
}
