package vn.party.evaluation.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.rules.RuleVariables;

/**
 * Names of the process variables of both processes (types as in {@code docs/contracts.md}). A variable a decision
 * reads or returns is named as in the decision, {@link RuleVariables}, and written once there: the business rule tasks
 * hand the process variables to the decision as they are, so the two names cannot be allowed to drift apart.
 */
public final class ProcessVariables {

  // --- start variables of member-evaluation (set by the campaign's batch starter) ---------------
  public static final String CAMPAIGN_ID = "campaignId";

  /** Integer. */
  public static final String YEAR = "year";

  public static final String MEMBER_ID = "memberId";
  public static final String MEMBER_NAME = "memberName";

  /**
   * The member's user id, always equal to {@link #MEMBER_ID}: set only on member-evaluation instances started before
   * issue 15 (whose diagram version assigns the self-review to {@code ${memberUserId}}); the current diagram assigns it
   * to {@code ${memberId}}. Read it for those instances only, falling back to {@link #MEMBER_ID}.
   */
  public static final String MEMBER_USER_ID = "memberUserId";

  public static final String ORGANIZATION_ID = "organizationId";
  public static final String BRANCH_ID = "branchId";

  /** A {@link Regulation#code()}. */
  public static final String REGULATION = "regulation";

  /**
   * OFFICIAL | PROBATIONARY: which self-review form the member fills in (member-eligibility decision). Absent counts as
   * OFFICIAL: set at the start only when PROBATIONARY (issue 15), and by a recognition after the launch.
   */
  public static final String FORM_KIND = RuleVariables.FORM_KIND;

  /**
   * Boolean: the member holds a leadership or management post (party_member.leadership_post), so
   * the self-review has the leader's items of Mẫu 02B. Absent counts as false: set only when true (issue 15).
   */
  public static final String LEADERSHIP_POST = "leadershipPost";

  /**
   * Built by {@link Groups#branchCommittee(String)}. Only on member-evaluation instances started before issue 15: the
   * current diagram derives the group from {@link #BRANCH_ID} ({@code ${taskGroups.branchCommittee(branchId)}}, {@link
   * TaskGroups}).
   */
  public static final String BRANCH_COMMITTEE_GROUP = "branchCommitteeGroup";

  /**
   * Built by {@link Groups#organizationCommittee(String)}. Only on member-evaluation, member-rerating and
   * evaluation-campaign instances started before issue 15: the current diagrams derive it from {@link
   * #ORGANIZATION_ID} ({@code ${taskGroups.organizationCommittee(organizationId)}}, {@link TaskGroups}).
   */
  public static final String ORGANIZATION_COMMITTEE_GROUP = "organizationCommitteeGroup";

  /**
   * java.util.Date; start variables of evaluation-campaign, like the four below. On member-evaluation instances only
   * when started before issue 15: the current diagram reads each deadline from the campaign when the task or timer is
   * created ({@code ${campaignDeadlines.selfReview(campaignId)}}, {@link CampaignDeadlines}).
   */
  public static final String SELF_REVIEW_DUE = "selfReviewDue";

  public static final String RESIDENCE_FEEDBACK_DUE = "residenceFeedbackDue";
  public static final String BRANCH_REVIEW_DUE = "branchReviewDue";
  public static final String DECISION_DUE = "decisionDue";

  /**
   * java.util.Date: until when member-evaluation waits for the unit leadership's assessment
   * ({@code vn.party.member.unit-assessment}); also a start variable of evaluation-campaign.
   */
  public static final String UNIT_ASSESSMENT_DUE = "unitAssessmentDue";

  // --- unit heads (bí thư chi bộ, bí thư đảng ủy cơ sở): a collective before its head
  // --------------
  /** String BRANCH / ORGANIZATION, or absent: the unit the member heads, fixed at launch. */
  public static final String HEAD_OF = "headOf";

  /** String, the id of the branch or organization the member heads; absent when {@link #HEAD_OF} is. */
  public static final String HEADED_UNIT_ID = "headedUnitId";

  /**
   * Boolean, set by the {@link DelegateNames#HEADED_UNIT_LOOKUP} delegate (and the message that ends the wait): true
   * once the headed unit is rated or known not to be rated, and for a member who heads nothing.
   */
  public static final String HEADED_UNIT_RATED = "headedUnitRated";

  /**
   * String level, or absent: the rating of the unit the member heads. An input of member-caps (the head's level is
   * tied to the unit's), so a system fact the completion rules never take from a user.
   */
  public static final String HEADED_UNIT_LEVEL = RuleVariables.HEADED_UNIT_LEVEL;

  // --- residence feedback (chi ủy nơi cư trú)
  // -----------------------------------------------------
  /**
   * Boolean, set by the {@link DelegateNames#RESIDENCE_FEEDBACK_LOOKUP} delegate for the gateway after it: transient
   * ({@code process.flow.GatewayFlags}), not kept.
   */
  public static final String RESIDENCE_FEEDBACK_RECEIVED = "residenceFeedbackReceived";

  /** String, the comment itself; shown read-only in the branch-review form. */
  public static final String RESIDENCE_COMMENT = "residenceComment";

  // --- unit leadership assessment (nhận xét của lãnh đạo đơn vị, with the civil-service level) ---
  /**
   * Boolean, set by the {@link DelegateNames#UNIT_ASSESSMENT_LOOKUP} delegate: whether the member
   * holds a post in the state apparatus (a civil servant), so an assessment is expected at all. For the gateway
   * after it: transient ({@code process.flow.GatewayFlags}), not kept.
   */
  public static final String UNIT_ASSESSMENT_EXPECTED = "unitAssessmentExpected";

  /**
   * Boolean, set by the {@link DelegateNames#UNIT_ASSESSMENT_LOOKUP} delegate for the gateway after it: transient
   * ({@code process.flow.GatewayFlags}), not kept.
   */
  public static final String UNIT_ASSESSMENT_RECEIVED = "unitAssessmentReceived";

  /** String, the unit's comment; shown read-only in the branch-review form. */
  public static final String UNIT_COMMENT = "unitComment";

  /**
   * String, shown read-only on the branch-review and committee-decision forms: RECEIVED, MISSING
   * (deadline passed) or NOT_EXPECTED (no civil-service post).
   */
  public static final String UNIT_ASSESSMENT_STATUS = "unitAssessmentStatus";

  // --- completion variables of the user tasks (checked by TaskCompletionRules) ------------------
  /** A {@link Level} name. */
  public static final String SELF_PROPOSED_LEVEL = "selfProposedLevel";

  public static final String STRENGTHS = "strengths";
  public static final String LIMITATIONS = "limitations";
  public static final String REMEDIAL_MEASURES = "remedialMeasures";

  // self-review under 366-QĐ/TW: the task conditions of the levels (names as the member-level
  // inputs)
  /** Boolean: 100 % of the tasks completed on time, with quality. */
  public static final String ALL_TASKS_ON_TIME = RuleVariables.ALL_TASKS_ON_TIME;

  /** Number 0–100: share of tasks completed beyond requirements. */
  public static final String EXCEEDING_TASKS_PERCENT = RuleVariables.EXCEEDING_TASKS_PERCENT;

  /** Boolean: every shortcoming pointed out earlier has been remedied. */
  public static final String SHORTCOMINGS_REMEDIED = RuleVariables.SHORTCOMINGS_REMEDIED;

  // set by the application when it keeps the submitted self-review (table evaluation.self_review)
  /** Number or null: the self-review's total points (366), shown to the branch and the committee. */
  public static final String SELF_REVIEW_SCORE = "selfReviewScore";

  /** A {@link Level} name or null: the level the member's own grades or points give (before caps). */
  public static final String SELF_REVIEW_LEVEL = "selfReviewLevel";

  /** Integer: version of the kept self-review (evaluation.self_review). */
  public static final String SELF_REVIEW_VERSION = "selfReviewVersion";

  /** A {@link Level} name. */
  public static final String BRANCH_PROPOSED_LEVEL = "branchProposedLevel";

  public static final String BRANCH_COMMENT = "branchComment";

  /** A {@link Decision} name. */
  public static final String DECISION = "decision";

  /** A {@link Level} name. */
  public static final String DECIDED_LEVEL = "decidedLevel";

  public static final String DECISION_COMMENT = "decisionComment";

  /**
   * Why the committee approves EXCELLENT although it takes the organization above the quota of the moment; required
   * then (checked by the application at every door, with the organization's tally), ignored otherwise.
   */
  public static final String QUOTA_REASON = "quotaReason";

  /** member-rerating: the level decided at first, the new level and why, and the discipline that caused it. */
  public static final String ORIGINAL_LEVEL = "originalLevel";

  public static final String RERATED_LEVEL = "reratedLevel";
  public static final String RERATING_COMMENT = "reratingComment";
  public static final String DISCIPLINE_DECISION_ID = "disciplineDecisionId";

  /**
   * member-reappraisal: the committee above (built by {@link Groups#superiorCommittee}), the complaints' grounds as
   * one text (updated when another complaint is attached), the outcome and its grounds. Also shown:
   * {@link #ORIGINAL_LEVEL} (the decided level), {@link #SELF_PROPOSED_LEVEL}, {@link #BRANCH_PROPOSED_LEVEL}.
   */
  public static final String SUPERIOR_COMMITTEE_GROUP = "superiorCommitteeGroup";

  public static final String COMPLAINTS = "complaints";
  public static final String REAPPRAISED_LEVEL = "reappraisedLevel";
  public static final String REAPPRAISAL_COMMENT = "reappraisalComment";

  // --- facts that cap the level (member-caps decision; same names as its inputs, RuleVariables)
  // ---
  // Set by the deploying application from facts received as events, when each user task is created
  // and
  // again when a fact arrives; always present from the first task on (false / null when nothing is
  // known).
  /** Boolean: disciplined in the evaluated year (a discipline decision was received). */
  public static final String DISCIPLINED = RuleVariables.DISCIPLINED;

  /** Boolean: every discipline of the year was for a violation self-detected and remedied. */
  public static final String DISCIPLINE_SELF_DETECTED_AND_REMEDIED =
      RuleVariables.DISCIPLINE_SELF_DETECTED_AND_REMEDIED;

  /** String, a {@link Level} name, or null: the civil-service level from the unit leadership's assessment. */
  public static final String CIVIL_SERVICE_LEVEL = RuleVariables.CIVIL_SERVICE_LEVEL;

  /**
   * Number 0–100, or null: share of the year's tasks the member completed, from the unit
   * assessment ({@code tasksCompletedPercent} of the event). A cap input of 132-QĐ/TW.
   */
  public static final String TASKS_COMPLETED_PERCENT = RuleVariables.TASKS_COMPLETED_PERCENT;

  // The branch meeting's vote on the member (required completion variables of branch-review,
  // whatever door the
  // completion comes through: the meeting page, the domain API, engine REST or Tasklist).
  /** Integer ≥ 1: the branch's official members entitled to vote, i.e. not exempted (the base of the vote rule). */
  public static final String ELIGIBLE_VOTERS = "eligibleVoters";

  /** Integer ≥ 0: votes for EXCELLENT. */
  public static final String VOTES_EXCELLENT = "votesExcellent";

  /** Integer ≥ 0: votes for GOOD. */
  public static final String VOTES_GOOD = "votesGood";

  /** Integer ≥ 0: votes for COMPLETED. */
  public static final String VOTES_COMPLETED = "votesCompleted";

  /** Integer ≥ 0: votes for NOT_COMPLETED. */
  public static final String VOTES_NOT_COMPLETED = "votesNotCompleted";

  /**
   * String, set by the application on the branch-review task (never by the user): the configured share of the vote an
   * EXCELLENT / a GOOD proposal needs, e.g. {@code ">=2/3"} ({@code VoteThreshold}); absent, the defaults apply.
   */
  public static final String EXCELLENT_VOTE_RULE = "excellentVoteRule";

  public static final String GOOD_VOTE_RULE = "goodVoteRule";

  // Recorded by the branch on the branch-review form (optional completion variables).
  /** Number 0–12: total months of sick leave in the year. */
  public static final String SICK_LEAVE_MONTHS = RuleVariables.SICK_LEAVE_MONTHS;

  /** Boolean: a competent body concluded degradation ("suy thoái", "tự diễn biến", "tự chuyển hóa"). */
  public static final String CONCLUDED_DEGRADATION = RuleVariables.CONCLUDED_DEGRADATION;

  /** Boolean: a competent body concluded a breach of what party members must not do. */
  public static final String CONCLUDED_FORBIDDEN_CONDUCT =
      RuleVariables.CONCLUDED_FORBIDDEN_CONDUCT;

  /** Boolean: a competent body concluded a failure of the duty to set an example. */
  public static final String CONCLUDED_FAILED_TO_SET_EXAMPLE =
      RuleVariables.CONCLUDED_FAILED_TO_SET_EXAMPLE;

  // Shown read-only on the forms; set together with the system facts above. Not what is enforced:
  // TaskCompletionRules computes the cap from the facts themselves at completion.
  /** String, the {@link Level} name of the strictest cap, or null when no cap applies. */
  public static final String LEVEL_CAP = "levelCap";

  /** String, Vietnamese: which caps apply, why, and the source of each rule. */
  public static final String LEVEL_CAP_REASON = "levelCapReason";

  // --- evaluation-campaign
  // ------------------------------------------------------------------------
  /**
   * Integer, start variable: how many lanes of the launch take member batches at the same time (the application's
   * {@code evaluation.campaign.launch-parallelism}); fixed when the campaign opens.
   */
  public static final String LAUNCH_PARALLELISM = "launchParallelism";

  /** Integer, local to one lane of {@code launch-lanes}: the lane's number, 0, 1, ... (its loop counter). */
  public static final String LAUNCH_LANE = "launchLane";

  /**
   * Boolean, set by the {@link DelegateNames#MEMBER_BATCH_STARTER} delegate in a lane, local to it: the pass took a
   * full batch, so more members may be waiting; a lane ends at its first batch that is not full.
   */
  public static final String MEMBER_BATCH_FULL = "memberBatchFull";

  /**
   * Integer, members not started yet: set by the {@link DelegateNames#LAUNCH_COMPLETION_CHECK} delegate once every
   * lane has ended (and on every pass by the {@link DelegateNames#MEMBER_BATCH_STARTER} delegate of an instance
   * started before the lanes, which loops on it).
   */
  public static final String REMAINING_MEMBERS = "remainingMembers";

  /**
   * Boolean, set by the {@link DelegateNames#MEMBER_BATCH_STARTER} delegate on every pass of an instance started
   * before the lanes; read by instances started before the decision stages existed.
   */
  public static final String ALL_MEMBERS_DECIDED = "allMembersDecided";

  /** Boolean, set by the {@link DelegateNames#DECISION_STAGE_OPENER} delegate: every member of the stage is decided. */
  public static final String STAGE_DECIDED = "stageDecided";

  // The organization's live quota figures at finalize-results (RuleBook#quota), set by the
  // {@link DelegateNames#FINALIZATION_QUOTA} listener when the task is created, before every
  // completion, and by the
  // deploying application whenever a level is adjusted. Completion variables sent with the same
  // names are
  // overwritten before the check, so nobody can complete with figures of their own.
  /** Integer: members of the organization decided EXCELLENT. */
  public static final String EXCELLENT_COUNT = "excellentCount";

  /** Integer: members decided GOOD. */
  public static final String GOOD_COUNT = "goodCount";

  /** Integer: the most EXCELLENT allowed, ⌊ratio × GOOD⌋ (RuleBook#quota). */
  public static final String EXCELLENT_ALLOWED = "excellentAllowed";

  /** java.util.Date, set by the {@link DelegateNames#RESULTS_ANNOUNCER} delegate: when the complaint window closes. */
  public static final String COMPLAINT_WINDOW_END = "complaintWindowEnd";

  /** Integer, set by the {@link DelegateNames#COMPLAINT_WINDOW_CLOSER} delegate: re-appraisals not decided yet. */
  public static final String OPEN_REAPPRAISALS = "openReappraisals";

  /** List of branch ids, set by {@link DelegateNames#COLLECTIVE_ROSTER_PREPARER}: the branches rated as collectives. */
  public static final String RATED_BRANCHES = "ratedBranches";

  /** Boolean, set by {@link DelegateNames#COLLECTIVE_ROSTER_PREPARER}: whether the organization itself is rated. */
  public static final String ORGANIZATION_RATED = "organizationRated";

  // --- collective-evaluation (a branch or the grassroots organization as a collective)
  // ---------------
  /** The branch id or the organization id. Start variable, with {@link #COLLECTIVE_KIND}, year, organization, regulation. */
  public static final String COLLECTIVE_ID = "collectiveId";

  /** {@link CollectiveKind} name: BRANCH | ORGANIZATION. */
  public static final String COLLECTIVE_KIND = "collectiveKind";

  /** The collective's name, shown on the forms; set by the opener. */
  public static final String COLLECTIVE_NAME = "collectiveName";

  /** Who writes the self-review: the branch committee, or the grassroots committee for the organization. */
  public static final String COLLECTIVE_REVIEWER_GROUP = "collectiveReviewerGroup";

  /** Who rates: the grassroots committee for a branch, the committee above ({@link Groups#superiorCommittee}) for the organization. */
  public static final String COLLECTIVE_RATER_GROUP = "collectiveRaterGroup";

  // The collective's self-review (Mẫu 01) reuses STRENGTHS (I, strengths and results per area),
  // LIMITATIONS (II, with causes), REMEDIAL_MEASURES (III) and
  // SELF_PROPOSED_LEVEL (IV); the decision reuses DECISION, DECIDED_LEVEL and DECISION_COMMENT.
  // The collective's task results, recorded by the collective itself in Mẫu 01 I (optional
  // completion variables of
  // collective-self-review) and read by the collective caps of 366-QĐ/TW ("HTNV: all tasks done, ≤
  // 20 % late").
  // Their own names: the member's ALL_TASKS_ON_TIME / TASKS_COMPLETED_PERCENT mean other things.
  /**
   * Boolean or null: every task of the year done (late or not). False caps the collective at NOT_COMPLETED under
   * 366; null (not stated) caps nothing.
   */
  public static final String ALL_TASKS_DONE = RuleVariables.ALL_TASKS_DONE;

  /**
   * Number 0–100 or null: share of the collective's tasks of the year done late. Above 20 caps it at NOT_COMPLETED,
   * above 0 at COMPLETED (GOOD needs 100 % on time) under 366; null (not stated) caps nothing.
   */
  public static final String LATE_TASKS_PERCENT = RuleVariables.LATE_TASKS_PERCENT;

  // Collective-cap facts (collective-caps decision, RuleVariables): set by the opener from stored
  // facts.
  /** Boolean: a member of the collective's leadership was disciplined in the year at WARNING (cảnh cáo) or above. */
  public static final String LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE =
      RuleVariables.LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE;

  /** Boolean: a member of the collective's leadership was disciplined in the year, at any form. */
  public static final String LEADERSHIP_DISCIPLINED = RuleVariables.LEADERSHIP_DISCIPLINED;

  /** Boolean: a subordinate unit of the collective was disciplined in the year. */
  public static final String SUBORDINATE_UNIT_DISCIPLINED =
      RuleVariables.SUBORDINATE_UNIT_DISCIPLINED;

  /** Double 0–100: share of the collective's subordinates disciplined or rated NOT_COMPLETED. */
  public static final String SUBORDINATE_SHORTFALL_PERCENT =
      RuleVariables.SUBORDINATE_SHORTFALL_PERCENT;

  /** Double 0–100: the configured share above which the collective is capped (unverified, configuration). */
  public static final String SUBORDINATE_SHORTFALL_THRESHOLD =
      RuleVariables.SUBORDINATE_SHORTFALL_THRESHOLD;

  /** The evaluated year of a member-evaluation or evaluation-campaign instance. */
  public static int year(VariableScope scope) {
    return ((Number) scope.getVariable(YEAR)).intValue();
  }

  /** The evaluated member of a member-evaluation instance. */
  public static String memberId(VariableScope scope) {
    return (String) scope.getVariable(MEMBER_ID);
  }

  private ProcessVariables() {}
}
