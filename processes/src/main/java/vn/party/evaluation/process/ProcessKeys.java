package vn.party.evaluation.process;

/** Process keys, element ids, message names and form ids used in the BPMN files of this module. */
public final class ProcessKeys {

  // --- member-evaluation: one party member's yearly evaluation ---------------------------------
  public static final String MEMBER_EVALUATION = "member-evaluation";

  public static final String SELF_REVIEW = "self-review";
  public static final String CHECK_RESIDENCE_FEEDBACK = "check-residence-feedback";
  /** Event-based gateway: where an instance waits for the comment or its deadline. */
  public static final String RESIDENCE_FEEDBACK_WAIT = "residence-feedback-wait";
  /** Message catch event; the message it waits for has the same name. */
  public static final String RESIDENCE_FEEDBACK_RECEIVED = "residence-feedback-received";
  public static final String RESIDENCE_FEEDBACK_DEADLINE = "residence-feedback-deadline";
  public static final String RECORD_MISSING_FEEDBACK = "record-missing-feedback";
  /** Checks for the unit leadership's assessment; then waits for it, like the residence comment. */
  public static final String CHECK_UNIT_ASSESSMENT = "check-unit-assessment";
  /** Event-based gateway: where an instance waits for the unit assessment or its deadline. */
  public static final String UNIT_ASSESSMENT_WAIT = "unit-assessment-wait";
  /** Message catch event; the message it waits for has the same name. */
  public static final String UNIT_ASSESSMENT_RECEIVED = "unit-assessment-received";
  public static final String UNIT_ASSESSMENT_DEADLINE = "unit-assessment-deadline";
  public static final String RECORD_MISSING_UNIT_ASSESSMENT = "record-missing-unit-assessment";
  public static final String BRANCH_REVIEW = "branch-review";
  public static final String COMMITTEE_DECISION = "committee-decision";
  public static final String RECORD_DECISION = "record-decision";
  public static final String MEMBER_DECIDED = "member-decided";

  public static final String MESSAGE_RESIDENCE_FEEDBACK_RECEIVED = "residence-feedback-received";
  public static final String MESSAGE_UNIT_ASSESSMENT_RECEIVED = "unit-assessment-received";

  public static final String SELF_REVIEW_FORM = "self-review-form";
  public static final String BRANCH_REVIEW_FORM = "branch-review-form";
  public static final String COMMITTEE_DECISION_FORM = "committee-decision-form";

  /** Re-rating (xếp loại lại) of a final evaluation after a discipline decision; business key {@link BusinessKeys#rerating}. */
  public static final String MEMBER_RERATING = "member-rerating";
  public static final String RERATING_DECISION = "rerating-decision";
  public static final String RECORD_RERATING = "record-rerating";
  public static final String RERATING_FORM = "rerating-form";

  // --- evaluation-campaign: the yearly campaign of one grassroots organization ------------------
  public static final String EVALUATION_CAMPAIGN = "evaluation-campaign";

  public static final String PREPARE_ROSTER = "prepare-roster";
  public static final String START_MEMBER_BATCH = "start-member-batch";
  /** Message catch event; the message it waits for has the same name. */
  public static final String ALL_MEMBERS_DECIDED = "all-members-decided";
  public static final String COMPLETE_CAMPAIGN = "complete-campaign";
  public static final String CAMPAIGN_COMPLETED = "campaign-completed";

  public static final String MESSAGE_ALL_MEMBERS_DECIDED = "all-members-decided";

  private ProcessKeys() {}
}
