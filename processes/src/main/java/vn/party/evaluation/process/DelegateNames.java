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
  public static final String DECISION_RECORDER = "decisionRecorder";
  /** member-rerating: records the new level beside the original one. */
  public static final String RERATING_RECORDER = "reratingRecorder";

  public static final String ROSTER_PREPARER = "rosterPreparer";
  public static final String MEMBER_BATCH_STARTER = "memberBatchStarter";
  public static final String CAMPAIGN_COMPLETER = "campaignCompleter";

  private DelegateNames() {}
}
