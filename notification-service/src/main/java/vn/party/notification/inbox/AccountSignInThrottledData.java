package vn.party.notification.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Data of {@code vn.party.evaluation.account.sign-in-throttled}: which account, after how many wrong passwords, until
 * when it waits. It names no recipient: the administrators are taken from the directory.
 */
public record AccountSignInThrottledData(
    @NotBlank String userId,
    @NotNull @Positive Integer failures,
    @NotBlank String blockedUntil,
    String occurredAt)
    implements EventPayload {}
