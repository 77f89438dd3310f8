package vn.party.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Data of {@code vn.party.evaluation.task.overdue}: the fields of task.assigned plus {@code escalatedTo}, the
 * group the task was escalated to ({@code branch-committee-{branchId}}, {@code org-committee-{organizationId}}),
 * or null. The producer puts the committee's members among the recipients.
 */
public record TaskOverdueData(
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
    @NotNull List<@NotNull @Valid RecipientData> recipients,
    String escalatedTo)
    implements TaskEvent {

  @Override
  public TaskOverdueData withDueDate(String dueDate) {
    return new TaskOverdueData(
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
        recipients,
        escalatedTo);
  }
}
