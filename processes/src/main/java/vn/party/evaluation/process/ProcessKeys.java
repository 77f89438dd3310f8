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
  public static final String BRANCH_REVIEW = "branch-review";
  public static final String COMMITTEE_DECISION = "committee-decision";
  public static final String RECORD_DECISION = "record-decision";
  public static final String MEMBER_DECIDED = "member-decided";

  public static final String MESSAGE_RESIDENCE_FEEDBACK_RECEIVED = "residence-feedback-received";

  public static final String SELF_REVIEW_FORM = "self-review-form";
  public static final String BRANCH_REVIEW_FORM = "branch-review-form";
  public static final String COMMITTEE_DECISION_FORM = "committee-decision-form";

  /** Re-rating (xếp loại lại) of a final evaluation after a discipline decision; business key {@link BusinessKeys#rerating}. */
  public static final String MEMBER_RERATING = "member-rerating";
  public static final String RERATING_DECISION = "rerating-decision";
  public static final String RECORD_RERATING = "record-rerating";
  public static final String RERATING_FORM = "rerating-form";

  // --- collective-evaluation: one collective (a branch or the grassroots organization) --------------
  /** Started once per rated collective by the campaign; business key {@link BusinessKeys#collective}. */
  public static final String COLLECTIVE_EVALUATION = "collective-evaluation";
  /** Service task: who reviews and who rates, the collective caps, the stored record. */
  public static final String OPEN_COLLECTIVE_EVALUATION = "open-collective-evaluation";
  /** Mẫu 01: the collective's self-review, by its own committee. */
  public static final String COLLECTIVE_SELF_REVIEW = "collective-self-review";
  /** The rating, by the committee above the collective. */
  public static final String COLLECTIVE_DECISION = "collective-decision";
  public static final String RECORD_COLLECTIVE_DECISION = "record-collective-decision";
  public static final String COLLECTIVE_DECIDED = "collective-decided";
  public static final String COLLECTIVE_SELF_REVIEW_FORM = "collective-self-review-form";
  public static final String COLLECTIVE_DECISION_FORM = "collective-decision-form";

  // --- evaluation-campaign: the yearly campaign of one grassroots organization ------------------
  public static final String EVALUATION_CAMPAIGN = "evaluation-campaign";

  public static final String PREPARE_ROSTER = "prepare-roster";
  public static final String START_MEMBER_BATCH = "start-member-batch";
  /** Message catch event; the message it waits for has the same name. */
  public static final String ALL_MEMBERS_DECIDED = "all-members-decided";
  /** Service task: which branches are rated and whether the organization is (organization-eligibility). */
  public static final String PREPARE_COLLECTIVES = "prepare-collectives";
  /** Multi-instance call activity of {@link #COLLECTIVE_EVALUATION}, one per rated branch. */
  public static final String RATE_BRANCHES = "rate-branches";
  /** Call activity of {@link #COLLECTIVE_EVALUATION} for the grassroots organization, after its branches. */
  public static final String RATE_ORGANIZATION = "rate-organization";
  public static final String COMPLETE_CAMPAIGN = "complete-campaign";
  public static final String CAMPAIGN_COMPLETED = "campaign-completed";

  public static final String MESSAGE_ALL_MEMBERS_DECIDED = "all-members-decided";

  private ProcessKeys() {}
}
