package vn.party.notification.inbox;

/** CloudEvents types of topic {@code evaluation.events} (docs/contracts.md) that this service acts on. */
public final class EventTypes {

  public static final String TASK_ASSIGNED = "vn.party.evaluation.task.assigned";

  /** A task is due soon and not done yet; data as {@link #TASK_ASSIGNED}. */
  public static final String TASK_REMINDER = "vn.party.evaluation.task.reminder";

  /** A task is past its due date and escalated; data as {@link #TASK_ASSIGNED} plus {@code escalatedTo}. */
  public static final String TASK_OVERDUE = "vn.party.evaluation.task.overdue";

  /** The grassroots committee returned a member's case to the branch. */
  public static final String CASE_RETURNED = "vn.party.evaluation.case.returned";

  public static final String MEMBER_DECIDED = "vn.party.evaluation.member.decided";

  /** The results are announced; the complaint window is open. */
  public static final String RESULT_ANNOUNCED = "vn.party.evaluation.result.announced";

  /** A re-rating after a discipline decision. */
  public static final String MEMBER_RERATED = "vn.party.evaluation.member.rerated";

  public static final String MEMBER_LEVEL_ADJUSTED = "vn.party.evaluation.member.level-adjusted";

  /** The committee above re-appraised a result after a complaint. */
  public static final String MEMBER_REAPPRAISED = "vn.party.evaluation.member.reappraised";

  /**
   * An account started to wait after wrong passwords (issue 12): the administrators are told, the ones the
   * directory names, never addresses from the event.
   */
  public static final String ACCOUNT_SIGN_IN_THROTTLED =
      "vn.party.evaluation.account.sign-in-throttled";

  /**
   * An account's password was set by someone else or changed by its holder (issue 12): the holder is told at once,
   * at the address the directory has for them, who set it and when.
   */
  public static final String ACCOUNT_CHANGED = "vn.party.evaluation.account.changed";

  /**
   * The address an account's notices go to changed (seventh session's outsider, 5b): the holder is told, and the
   * previous address is mailed, so a hijacked address is noticed.
   */
  public static final String ACCOUNT_EMAIL_CHANGED = "vn.party.evaluation.account.email-changed";

  private EventTypes() {}
}
