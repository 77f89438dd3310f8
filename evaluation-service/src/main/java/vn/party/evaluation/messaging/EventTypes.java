package vn.party.evaluation.messaging;

/** CloudEvent types on Kafka: a public contract (see docs/contracts.md). */
public final class EventTypes {

  public static final String CAMPAIGN_STARTED = "vn.party.evaluation.campaign.started";
  public static final String TASK_ASSIGNED = "vn.party.evaluation.task.assigned";
  public static final String TASK_REMINDER = "vn.party.evaluation.task.reminder";
  public static final String TASK_OVERDUE = "vn.party.evaluation.task.overdue";
  public static final String SELF_REVIEW_SUBMITTED = "vn.party.evaluation.self-review.submitted";
  public static final String BRANCH_REVIEW_COMPLETED =
      "vn.party.evaluation.branch-review.completed";
  public static final String CASE_RETURNED = "vn.party.evaluation.case.returned";
  public static final String MEMBER_DECIDED = "vn.party.evaluation.member.decided";
  public static final String MEMBER_RERATED = "vn.party.evaluation.member.rerated";

  /** One per decided member when the results are announced (the complaint window opens). */
  public static final String RESULT_ANNOUNCED = "vn.party.evaluation.result.announced";

  /** The committee above re-appraised a member's result after a complaint. */
  public static final String MEMBER_REAPPRAISED = "vn.party.evaluation.member.reappraised";

  /** The grassroots committee adjusted a decided level with a reason while finalizing (keyed by memberId). */
  public static final String MEMBER_LEVEL_ADJUSTED = "vn.party.evaluation.member.level-adjusted";

  /** The grassroots committee finalized its members' results within the quota (keyed by organizationId). */
  public static final String RESULTS_FINALIZED = "vn.party.evaluation.campaign.results-finalized";

  /** A collective (branch, grassroots organization) rated; keyed by organizationId. */
  public static final String COLLECTIVE_DECIDED = "vn.party.evaluation.collective.decided";

  public static final String CAMPAIGN_COMPLETED = "vn.party.evaluation.campaign.completed";

  /** A sign-in's password was set by someone else or changed by its holder; keyed by userId (issue 12). */
  public static final String ACCOUNT_CHANGED = "vn.party.evaluation.account.changed";

  /**
   * A sign-in's e-mail address changed (on the roster, or on the account); keyed by userId. Names the previous
   * address, which notification-service tells (seventh session's outsider, 5b).
   */
  public static final String ACCOUNT_EMAIL_CHANGED = "vn.party.evaluation.account.email-changed";

  /**
   * An existing account started to wait after wrong passwords (issue 12); keyed by userId. Names no recipient:
   * notification-service tells the administrators it finds in the directory. Once per account per period of waiting.
   */
  public static final String ACCOUNT_SIGN_IN_THROTTLED =
      "vn.party.evaluation.account.sign-in-throttled";

  public static final String RESIDENCE_FEEDBACK = "vn.party.member.residence-feedback";

  /** The unit leadership's assessment of a member, with the civil-service level (a fact for the caps). */
  public static final String UNIT_ASSESSMENT = "vn.party.member.unit-assessment";

  /** A discipline decision against a member (a fact for the caps). */
  public static final String DISCIPLINED = "vn.party.member.disciplined";

  /** A discipline decision against a party organization, a branch or a grassroots one (a fact for collective caps). */
  public static final String ORGANIZATION_DISCIPLINED = "vn.party.organization.disciplined";

  /** A complaint (or denunciation, sign of violation) about a member's announced result. */
  public static final String MEMBER_COMPLAINT = "vn.party.member.complaint";

  private EventTypes() {}
}
