package vn.party.notification.compose;

/** What a notification is about; stored in {@code notification.kind}. */
public enum NotificationKind {
  TASK_ASSIGNED,
  /** A task is due soon (event task.reminder). */
  TASK_REMINDER,
  /** A task is past its due date and escalated (event task.overdue). */
  TASK_OVERDUE,
  /** The grassroots committee returned a case to the branch (event case.returned). */
  CASE_RETURNED,
  MEMBER_DECIDED,
  /** The results are announced and the complaint window is open (event result.announced). */
  RESULT_ANNOUNCED,
  /** A re-rating after a discipline decision (event member.rerated). */
  MEMBER_RERATED,
  /** The committee above re-appraised the result after a complaint (event member.reappraised). */
  MEMBER_REAPPRAISED,
  /** The grassroots committee adjusted a decided level while finalizing (event member.level-adjusted). */
  MEMBER_LEVEL_ADJUSTED,
  /** An account waits after wrong passwords; for the administrators (event account.sign-in-throttled, issue 12). */
  ACCOUNT_SIGN_IN_THROTTLED,
  /**
   * The holder's password was set by someone else (event account.changed, change ONE_TIME_PASSWORD; issue 12): who
   * and when, and whom to tell if the holder did not ask for it. Mailed whatever the holder's preference.
   */
  ACCOUNT_PASSWORD_RESET,
  /** The holder changed their own password (account.changed, PASSWORD_CHANGED): a short confirmation, mailed too. */
  ACCOUNT_PASSWORD_CHANGED,
  /**
   * The account's e-mail address changed (event account.email-changed; seventh session's outsider, 5b): the holder is
   * told, and the previous address is mailed too, whatever the preference.
   */
  ACCOUNT_EMAIL_CHANGED
}
