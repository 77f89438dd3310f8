package vn.party.evaluation.task;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Date;

/** Response bodies of /api/v1/tasks. */
public final class TaskApi {

  /** A task of the caller's list; id, taskKey, name, created and processInstanceId are always sent. */
  public record TaskView(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String taskKey,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      String memberId,
      String memberName,
      Integer year,
      String assignee,
      String candidateGroup,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Date created,
      Date due,
      boolean overdue,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String processInstanceId,
      @Schema(
              description =
                  "Tên tập thể hay tổ chức đảng mà việc nói về, khi việc không về một đảng viên (memberId null) / "
                      + "the collective's or the organization's name when the task is about no single member "
                      + "(collective-self-review, collective-decision, finalize-results); null for a member's task (left out, as every null of this view)")
          String subjectName) {}

  private TaskApi() {}
}
