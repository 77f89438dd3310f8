package vn.party.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/** Data of {@code vn.party.evaluation.task.reminder}: the same fields, and the same rules, as task.assigned. */
public record TaskReminderData(
    @NotBlank String taskId,
    String taskKey,
    @NotBlank String taskName,
    String assignee,
    String candidateGroup,
    @NotBlank String memberId,
    @NotBlank String memberName,
    @NotNull @Positive Integer year,
    String organizationId,
    String branchId,
    /** ISO-8601; checked and normalised by {@link EvaluationEventDeserializer}. */
    String dueDate,
    @NotBlank String taskUrl,
    @NotNull List<@NotNull @Valid RecipientData> recipients)
    implements TaskEvent {

  @Override
  public TaskReminderData withDueDate(String dueDate) {
    return new TaskReminderData(
        taskId,
        taskKey,
        taskName,
        assignee,
        candidateGroup,
        memberId,
        memberName,
        year,
        organizationId,
        branchId,
        dueDate,
        taskUrl,
        recipients);
  }
}
