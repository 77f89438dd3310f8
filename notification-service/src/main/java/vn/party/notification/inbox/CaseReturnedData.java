package vn.party.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Data of {@code vn.party.evaluation.case.returned}. An older producer sends only memberId, year, reason,
 * returnedBy and returnedAt: without {@code recipients} nobody is notified, and such an event is not invalid.
 * When recipients are given, {@code memberName} is required too ({@link EvaluationEventDeserializer} checks it).
 */
public record CaseReturnedData(
    @NotBlank String memberId,
    String memberName,
    @NotNull @Positive Integer year,
    String organizationId,
    String branchId,
    /** The grassroots committee's reason (required on RETURN by the process, but not refused here when blank). */
    String reason,
    String returnedBy,
    String returnedAt,
    List<@NotNull @Valid RecipientData> recipients)
    implements EventPayload {

  public List<RecipientData> recipientsOrNone() {
    return recipients == null ? List.of() : recipients;
  }
}
