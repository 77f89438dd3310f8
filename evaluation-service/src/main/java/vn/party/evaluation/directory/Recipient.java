package vn.party.evaluation.directory;

/** Someone a notification goes to; part of the task.assigned and member.decided event data. */
public record Recipient(String userId, String email, String displayName) {}
