package vn.party.evaluation.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A row of the administrators' list of sign-in waits as the API answers it: the notice (when a key started to wait)
 * and the wait in force when the list was read, as the page's "Hiện nay" column tells it (eleventh session's outsider,
 * LOW 12). The list stays a list (tenth session: other systems read it so); the time it was read is the answer's
 * {@code Date} header.
 */
@Schema(
    name = "SignInWaitNotice",
    description =
        "Một lần bắt đầu chờ, và lần chờ đang có hiệu lực / a wait's start, and the wait in force now")
public record SignInWaits(
    @JsonUnwrapped SignInThrottleNotices.Notice notice,
    @Schema(
            description =
                "Lần chờ đang có hiệu lực lúc trả lời (không có: không còn chờ) / the wait in force when the"
                    + " list was read (the answer's Date header; absent: none)")
        SignInThrottle.Wait inForce) {}
