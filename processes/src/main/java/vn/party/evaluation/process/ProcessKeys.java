package vn.party.evaluation.process;

import java.util.Set;

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

  /**
   * Service task before committee-decision: a member who heads a unit (bí thư) is decided after the unit is rated;
   * has its rating (or its not being rated) arrived?
   */
  public static final String CHECK_HEADED_UNIT_RATING = "check-headed-unit-rating";

  /** Message catch event: the unit the member heads has been rated; the message has the same name. */
  public static final String HEADED_UNIT_RATED = "headed-unit-rated";

  public static final String COMMITTEE_DECISION = "committee-decision";
  public static final String RECORD_DECISION = "record-decision";
  public static final String MEMBER_DECIDED = "member-decided";

  public static final String MESSAGE_RESIDENCE_FEEDBACK_RECEIVED = "residence-feedback-received";
  public static final String MESSAGE_UNIT_ASSESSMENT_RECEIVED = "unit-assessment-received";

  /** Correlated by member business key when the unit the member heads is rated (or found not to be rated). */
  public static final String MESSAGE_HEADED_UNIT_RATED = "headed-unit-rated";

  public static final String SELF_REVIEW_FORM = "self-review-form";
  public static final String BRANCH_REVIEW_FORM = "branch-review-form";
  public static final String COMMITTEE_DECISION_FORM = "committee-decision-form";

  /** Re-rating (xếp loại lại) of a final evaluation after a discipline decision; business key {@link BusinessKeys#rerating}. */
  public static final String MEMBER_RERATING = "member-rerating";

  public static final String RERATING_DECISION = "rerating-decision";
  public static final String RECORD_RERATING = "record-rerating";
  public static final String RERATING_FORM = "rerating-form";

  /**
   * Re-appraisal (thẩm định lại) by the committee above after a complaint in the complaint window; business key
   * {@link BusinessKeys#reappraisal}. One per member and year: later complaints are attached to it.
   */
  public static final String MEMBER_REAPPRAISAL = "member-reappraisal";

  public static final String COMPLAINT_RECEIVED = "complaint-received";
  public static final String REAPPRAISAL_DECISION = "reappraisal-decision";
  public static final String RECORD_REAPPRAISAL = "record-reappraisal";
  public static final String MEMBER_REAPPRAISED = "member-reappraised";
  public static final String REAPPRAISAL_FORM = "reappraisal-form";

  // --- collective-evaluation: one collective (a branch or the grassroots organization)
  // --------------
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

  /**
   * The launch's lanes: a parallel multi-instance subprocess of {@code launchParallelism} lanes, each looping
   * {@link #START_MEMBER_BATCH} until a batch is not full; then {@link #CHECK_LAUNCH_COMPLETE}.
   */
  public static final String LAUNCH_LANES = "launch-lanes";

  public static final String START_MEMBER_BATCH = "start-member-batch";

  /** After every lane has ended: marks the campaign started, or sends the launch round again. */
  public static final String CHECK_LAUNCH_COMPLETE = "check-launch-complete";

  /**
   * Service tasks that open a stage of the member decisions (a collective before its head): {@link #AWAIT_MEMBERS}
   * everyone but the heads, before the branches are rated; {@link #AWAIT_BRANCH_HEADS} the branch heads too, before
   * the organization is rated; {@link #AWAIT_ALL_MEMBERS} everyone, before the results are finalized.
   */
  public static final String AWAIT_MEMBERS = "await-members";

  public static final String AWAIT_BRANCH_HEADS = "await-branch-heads";
  public static final String AWAIT_ALL_MEMBERS = "await-all-members";

  /** Message catch events of the three stages; each message has the same name as its event. */
  public static final String MEMBERS_DECIDED = "members-decided";

  public static final String BRANCH_HEADS_DECIDED = "branch-heads-decided";
  public static final String ALL_MEMBERS_DECIDED = "all-members-decided";

  /** Announcement and complaint window (after every member is decided, before complete-campaign). */
  public static final String ANNOUNCE_RESULTS = "announce-results";

  /** Timer catch event at {@code ${complaintWindowEnd}}. */
  public static final String COMPLAINT_WINDOW_CLOSED = "complaint-window-closed";

  public static final String CLOSE_COMPLAINT_WINDOW = "close-complaint-window";
  public static final String REAPPRAISALS_OPEN_CHECK = "reappraisals-open-check";

  /** Message catch event; the message it waits for has the same name. */
  public static final String ALL_REAPPRAISALS_DONE = "all-reappraisals-done";

  /**
   * User task of the grassroots committee: finalize the members' results (chốt kết quả). Refused while the
   * organization is over the EXCELLENT quota ({@code over-quota}, TaskCompletionRules).
   */
  public static final String FINALIZE_RESULTS = "finalize-results";

  /** Service task: which branches are rated and whether the organization is (organization-eligibility). */
  public static final String PREPARE_COLLECTIVES = "prepare-collectives";

  /** Multi-instance call activity of {@link #COLLECTIVE_EVALUATION}, one per rated branch. */
  public static final String RATE_BRANCHES = "rate-branches";

  /** Call activity of {@link #COLLECTIVE_EVALUATION} for the grassroots organization, after its branches. */
  public static final String RATE_ORGANIZATION = "rate-organization";

  public static final String COMPLETE_CAMPAIGN = "complete-campaign";
  public static final String CAMPAIGN_COMPLETED = "campaign-completed";

  public static final String MESSAGE_MEMBERS_DECIDED = "members-decided";
  public static final String MESSAGE_BRANCH_HEADS_DECIDED = "branch-heads-decided";
  public static final String MESSAGE_ALL_MEMBERS_DECIDED = "all-members-decided";

  /** Correlated by campaign business key when the last open re-appraisal of a closed window is decided. */
  public static final String MESSAGE_ALL_REAPPRAISALS_DONE = "all-reappraisals-done";

  /** The processes this application deploys (a task outside them is none of the product's: it has no standalone tasks). */
  public static final Set<String> APPLICATION_PROCESSES =
      Set.of(
          MEMBER_EVALUATION,
          MEMBER_RERATING,
          MEMBER_REAPPRAISAL,
          COLLECTIVE_EVALUATION,
          EVALUATION_CAMPAIGN);

  private ProcessKeys() {}
}
