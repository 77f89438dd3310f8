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

  private Params() {}
}
