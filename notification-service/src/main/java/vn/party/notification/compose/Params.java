package vn.party.notification.compose;

/**
 * Names of the values a notification's texts are built from. They are stored with the
 * notification (as JSON), so renaming one needs a data migration.
 */
public final class Params {

  public static final String YEAR = "year";
  public static final String TASK_KEY = "taskKey";
  public static final String TASK_NAME = "taskName";
  public static final String MEMBER_NAME = "memberName";

  /** ISO-8601 instant. */
  public static final String DUE_DATE = "dueDate";

  /** One of EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED. */
  public static final String LEVEL = "level";

  public static final String COMMENT = "comment";

  /** "true" when EXCELLENT was approved above the quota: the level may change when the results are finalized. */
  public static final String ABOVE_QUOTA = "aboveQuota";

  /** The group an overdue task was escalated to, e.g. branch-committee-{branchId}. */
  public static final String ESCALATED_TO = "escalatedTo";

  /** Why the grassroots committee returned a case to the branch. */
  public static final String REASON = "reason";

  /** Set when a task is about a collective or the organization, not a member (its name is also MEMBER_NAME). */
  public static final String SUBJECT_NAME = "subjectName";

  /** The level decided first, when a re-rating or re-appraisal gives another one (LEVEL). */
  public static final String ORIGINAL_LEVEL = "originalLevel";

  /** ISO-8601 instant: complaints are received until then. */
  public static final String COMPLAINT_WINDOW_END = "complaintWindowEnd";

  /** The account an administrators' notice is about: its holder's name and sign-in id. */
  public static final String ACCOUNT = "account";

  public static final String FAILURES = "failures";
  public static final String BLOCKED_UNTIL = "blockedUntil";

  /** Who set a password for someone else: their name (and sign-in id) from the directory, empty for the system. */
  public static final String CHANGED_BY = "changedBy";

  /** ISO-8601 instant: when a password was set (the event's time). */
  public static final String CHANGED_AT = "changedAt";

  private Params() {}
}
