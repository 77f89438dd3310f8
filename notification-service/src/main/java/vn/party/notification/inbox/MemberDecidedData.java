package vn.party.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/** Data of {@code vn.party.evaluation.member.decided}. */
public record MemberDecidedData(
    @NotBlank String memberId,
    @NotBlank String memberName,
    @NotNull @Positive Integer year,
    String organizationId,
    @NotNull Level decidedLevel,
    String decisionComment,
    Boolean aboveQuota,
    String evaluationUrl,
    String decidedBy,
    String decidedAt,
    @NotNull List<@NotNull @Valid RecipientData> recipients)
    implements EventPayload {}
