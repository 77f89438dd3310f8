package vn.party.notification.compose;

/** What a notification is about; stored in {@code notification.kind}. */
public enum NotificationKind {
  TASK_ASSIGNED,
  MEMBER_DECIDED
}
