package vn.party.evaluation.task.flow;

import java.util.List;
import vn.party.evaluation.directory.Recipient;

/**
 * Data of vn.party.evaluation.task.assigned. A member's task names the member; a committee's task about a collective
 * or the whole organization (collective ratings, finalize-results) has no member and names its subject instead.
 * Published by {@code review.flow.TaskLifecycleProjector} (a member's task) and {@link CommitteeTaskNotices}.
 */
public record TaskAssigned(
    String taskId,
    String taskKey,
    String taskName,
    String assignee,
    String candidateGroup,
    String memberId,
    String memberName,
    int year,
    String organizationId,
    String branchId,
    String dueDate,
    String taskUrl,
    List<Recipient> recipients,
    String subjectName) {}
