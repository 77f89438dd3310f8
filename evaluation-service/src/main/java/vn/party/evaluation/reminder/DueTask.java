package vn.party.evaluation.reminder;

import java.time.OffsetDateTime;

/** An open task with a due date, as the scan finds it in the engine's task table. */
record DueTask(
    String id,
    String taskKey,
    String name,
    String assignee,
    OffsetDateTime dueDate,
    String processInstanceId) {}
