package vn.party.evaluation.task;

import java.util.Date;

/**
 * An open user task, as the engine holds it, with what it is about: a member's task names the member; a committee's
 * task about a collective or the whole organization has no member and names its subject (the collective's or the
 * organization's name), as the task.assigned event does.
 */
public record OpenTask(
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
    String processInstanceId,
    String subjectName) {

  boolean overdueAt(Date now) {
    return due != null && due.before(now);
  }
}
