package vn.party.evaluation.task;

import java.util.Date;

/** An open user task of a member's evaluation, as the engine holds it, with the member it is about. */
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
    String processInstanceId) {

  boolean overdueAt(Date now) {
    return due != null && due.before(now);
  }
}
