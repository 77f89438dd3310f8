package vn.party.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Data of {@code vn.party.evaluation.result.announced}: the member's decided level is announced and the complaint
 * window is open until {@code complaintWindowEnd} (ISO-8601); {@code evaluationUrl} is the member's record, where
 * the complaint form is.
 */
public record ResultAnnouncedData(
    @NotBlank String memberId,
    @NotBlank String memberName,
    @NotNull @Positive Integer year,
    String organizationId,
    @NotNull Level decidedLevel,
    String decisionComment,
    String announcedAt,
    @NotBlank String complaintWindowEnd,
    String evaluationUrl,
    @NotNull List<@NotNull @Valid RecipientData> recipients)
    implements EventPayload {}
