package vn.party.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/** Data of {@code vn.party.evaluation.member.reappraised}: the committee above re-appraised after a complaint. */
public record MemberReappraisedData(
    @NotBlank String memberId,
    @NotBlank String memberName,
    @NotNull @Positive Integer year,
    String organizationId,
    @NotNull Level originalLevel,
    @NotNull Level reappraisedLevel,
    Boolean changed,
    String comment,
    String decidedBy,
    String decidedAt,
    String evaluationUrl,
    @NotNull List<@NotNull @Valid RecipientData> recipients)
    implements EventPayload {}
