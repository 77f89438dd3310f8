package vn.party.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Data of {@code vn.party.evaluation.member.level-adjusted}: while finalizing its members' results within the
 * EXCELLENT quota, the grassroots committee changed a decided level, with a reason.
 */
public record MemberLevelAdjustedData(
    @NotBlank String memberId,
    @NotBlank String memberName,
    @NotNull @Positive Integer year,
    String organizationId,
    @NotNull Level fromLevel,
    @NotNull Level toLevel,
    String reason,
    String adjustedBy,
    String adjustedAt,
    @NotNull List<@NotNull @Valid RecipientData> recipients)
    implements EventPayload {}
