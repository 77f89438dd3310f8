package vn.party.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/** Data of {@code vn.party.evaluation.member.rerated}: a re-rating after a discipline decision. */
public record MemberReratedData(
    @NotBlank String memberId,
    @NotBlank String memberName,
    @NotNull @Positive Integer year,
    String organizationId,
    String disciplineDecisionId,
    @NotNull Level originalLevel,
    @NotNull Level reratedLevel,
    String comment,
    String decidedBy,
    @NotNull List<@NotNull @Valid RecipientData> recipients)
    implements EventPayload {}
