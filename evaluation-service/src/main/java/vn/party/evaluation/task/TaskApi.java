package vn.party.evaluation.task;

import java.util.Date;

/** Response bodies of /api/v1/tasks. */
public final class TaskApi {

  public record TaskView(
      String id,
      String taskKey,
      String name,
      String memberId,
      String memberName,
      Integer year,
      String assignee,
      String candidateGroup,
      Date created,
      Date due,
      boolean overdue,
      String processInstanceId) {}

  private TaskApi() {}
}
