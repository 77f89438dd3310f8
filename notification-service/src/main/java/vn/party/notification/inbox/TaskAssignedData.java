package vn.party.notification.inbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Data of {@code vn.party.evaluation.task.assigned}. A member's task names the member ({@code memberId},
 * {@code memberName}); a committee's task about a collective or the whole organization (collective ratings,
 * finalizing the results) names no member but its {@code subjectName}. One of the two is required.
 */
public record TaskAssignedData(
    @NotBlank String taskId,
    String taskKey,
    @NotBlank String taskName,
    String assignee,
    String candidateGroup,
    String memberId,
    String memberName,
    @NotNull @Positive Integer year,
    String organizationId,
    String branchId,
    /** ISO-8601; checked and normalised by {@link EvaluationEventDeserializer}. */
    String dueDate,
    @NotBlank String taskUrl,
    @NotNull List<@NotNull @Valid RecipientData> recipients,
    String subjectName)
    implements TaskEvent {

  /** A member (id and name) or, for a committee's task about a collective or the organization, a subject name. */
  @JsonIgnore
  @AssertTrue(message = "names a member (memberId, memberName) or a subjectName")
  public boolean isAboutSomeone() {
    return memberId != null && !memberId.isBlank() && memberName != null && !memberName.isBlank()
        || memberId == null && subjectName != null && !subjectName.isBlank();
  }

  @Override
  public TaskAssignedData withDueDate(String dueDate) {
    return new TaskAssignedData(
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
        subjectName);
  }
}
