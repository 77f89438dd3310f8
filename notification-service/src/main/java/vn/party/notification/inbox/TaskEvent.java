package vn.party.notification.inbox;

import java.util.List;

/**
 * The data the task events share: {@code task.assigned}, {@code task.reminder} and {@code task.overdue}
 * carry the same fields (docs/contracts.md); {@code task.overdue} adds {@code escalatedTo}.
 */
public sealed interface TaskEvent extends EventPayload
    permits TaskAssignedData, TaskReminderData, TaskOverdueData {

  String taskId();

  String taskKey();

  String taskName();

  String memberId();

  String memberName();

  Integer year();

  /** ISO-8601 instant once read by {@link EvaluationEventDeserializer}; may be null. */
  String dueDate();

  String taskUrl();

  List<RecipientData> recipients();

  /** What a committee's task is about when it is about no single member (a collective, the organization). */
  default String subjectName() {
    return null;
  }

  /** The same data with another due date (the deserializer writes every due date as an ISO instant). */
  TaskEvent withDueDate(String dueDate);
}
