package vn.party.evaluation.process;

/**
 * Names under which the deploying application must provide the delegates that the BPMN files
 * reference with {@code camunda:delegateExpression} (for example Spring beans with these names).
 *
 * <p>What each one reads and must set is described in this module's README; the processes fail
 * loudly when a delegate does not set a variable that a gateway reads.
 */
public final class DelegateNames {

  public static final String RESIDENCE_FEEDBACK_LOOKUP = "residenceFeedbackLookup";
  public static final String RESIDENCE_FEEDBACK_MISSING = "residenceFeedbackMissing";

  /** Sets unitAssessmentExpected and unitAssessmentReceived (and unitComment when received). */
  public static final String UNIT_ASSESSMENT_LOOKUP = "unitAssessmentLookup";

  public static final String UNIT_ASSESSMENT_MISSING = "unitAssessmentMissing";

  /** Step check-headed-unit-rating: sets {@code headedUnitRated} (and {@code headedUnitLevel}). */
  public static final String HEADED_UNIT_LOOKUP = "headedUnitLookup";

  public static final String DECISION_RECORDER = "decisionRecorder";

  /** member-rerating: records the new level beside the original one. */
  public static final String RERATING_RECORDER = "reratingRecorder";

  /** member-reappraisal: records the committee above's outcome beside the original decision. */
  public static final String REAPPRAISAL_RECORDER = "reappraisalRecorder";

  /** evaluation-campaign: announces the results and opens the complaint window (sets complaintWindowEnd). */
  public static final String RESULTS_ANNOUNCER = "resultsAnnouncer";

  /** evaluation-campaign: closes the complaint window (sets openReappraisals). */
  public static final String COMPLAINT_WINDOW_CLOSER = "complaintWindowCloser";

  public static final String ROSTER_PREPARER = "rosterPreparer";

  /**
   * evaluation-campaign, step start-member-batch in each launch lane: starts the next batch; sets {@code
   * memberBatchFull} (local to the lane). In an instance started before the lanes (one loop), sets {@code
   * remainingMembers} and {@code allMembersDecided} instead, and marks the campaign started after its last batch.
   */
  public static final String MEMBER_BATCH_STARTER = "memberBatchStarter";

  /**
   * evaluation-campaign, step check-launch-complete once every lane has ended: sets {@code remainingMembers} and marks
   * the campaign started when it is 0.
   */
  public static final String LAUNCH_COMPLETION_CHECK = "launchCompletionCheck";

  /** Steps await-members / await-branch-heads / await-all-members ({@link DecisionStage}): sets {@code stageDecided}. */
  public static final String DECISION_STAGE_OPENER = "decisionStageOpener";

  public static final String CAMPAIGN_COMPLETER = "campaignCompleter";

  /**
   * Task listener of finalize-results ({@code create} and {@code complete}): sets {@code excellentCount},
   * {@code goodCount} and {@code excellentAllowed} from the organization's live counts.
   */
  public static final String FINALIZATION_QUOTA = "finalizationQuota";

  /** evaluation-campaign: sets {@code ratedBranches} and {@code organizationRated}. */
  public static final String COLLECTIVE_ROSTER_PREPARER = "collectiveRosterPreparer";

  /** collective-evaluation: sets the two groups and the collective-cap facts, stores the record. */
  public static final String COLLECTIVE_EVALUATION_OPENER = "collectiveEvaluationOpener";

  /** collective-evaluation: records the approved level. */
  public static final String COLLECTIVE_DECISION_RECORDER = "collectiveDecisionRecorder";

  /**
   * Not a delegate: a {@link TaskGroups}, which the diagrams' candidate groups call with the instance's unit
   * ({@code ${taskGroups.branchCommittee(branchId)}}, {@code ${taskGroups.organizationCommittee(organizationId)}}).
   */
  public static final String TASK_GROUPS = "taskGroups";

  /**
   * Not a delegate: a {@link CampaignDeadlines}, which member-evaluation's due dates and timers call with the
   * instance's {@code campaignId}.
   */
  public static final String CAMPAIGN_DEADLINES = "campaignDeadlines";

  private DelegateNames() {}
}
