package vn.party.evaluation.rules;

/**
 * Names of the decisions' input variables and outputs, as written in the DMN files. {@link
 * RuleBook} fills them from its records; a business rule task calling a decision directly must
 * provide the same variables (all of them, nulls allowed where noted).
 */
public final class RuleVariables {

  // --- member-eligibility ---------------------------------------------------------------------
  /** Boolean: exempted from work and party activities (miễn công tác và sinh hoạt đảng). */
  public static final String EXEMPTED = "exempted";

  /** Boolean: suspended from party activities (đình chỉ sinh hoạt đảng). */
  public static final String SUSPENDED = "suspended";

  /** Integer: whole months from admission to 31 December of the evaluated year. */
  public static final String MONTHS_SINCE_ADMISSION = "monthsSinceAdmission";

  /** Boolean: probationary member (đảng viên dự bị). */
  public static final String PROBATIONARY = "probationary";

  // --- organization-eligibility ---------------------------------------------------------------
  /** Integer: whole months from the organization's founding to 31 December of the evaluated year. */
  public static final String MONTHS_SINCE_FOUNDED = "monthsSinceFounded";

  // --- member-caps ----------------------------------------------------------------------------
  public static final String DISCIPLINED = "disciplined";
  public static final String DISCIPLINE_SELF_DETECTED_AND_REMEDIED =
      "disciplineSelfDetectedAndRemedied";
  public static final String CONCLUDED_DEGRADATION = "concludedDegradation";
  public static final String CONCLUDED_FORBIDDEN_CONDUCT = "concludedForbiddenConduct";
  public static final String CONCLUDED_FAILED_TO_SET_EXAMPLE = "concludedFailedToSetExample";

  /** Double: total months of sick leave in the year. */
  public static final String SICK_LEAVE_MONTHS = "sickLeaveMonths";

  /** String, a {@code Level} name, or null for a member without a civil-service rating. Also in member-level (124, 132). */
  public static final String CIVIL_SERVICE_LEVEL = "civilServiceLevel";

  /** Double 0–100 or null (no figure): share of the year's tasks completed; read by 132 only. */
  public static final String TASKS_COMPLETED_PERCENT = "tasksCompletedPercent";

  /** String, a {@code Level} name, or null: the rating of the unit the member heads (none, or not rated). */
  public static final String HEADED_UNIT_LEVEL = "headedUnitLevel";

  // --- member-level, 366 (score) --------------------------------------------------------------
  /** Double 0–100: the 100-point score. */
  public static final String SCORE = "score";

  public static final String ALL_TASKS_ON_TIME = "allTasksOnTime";

  /** Double 0–100: share of tasks completed beyond requirements. */
  public static final String EXCEEDING_TASKS_PERCENT = "exceedingTasksPercent";

  public static final String SHORTCOMINGS_REMEDIED = "shortcomingsRemedied";

  /** Integer: the configurable NOT_COMPLETED threshold ({@link RuleSettings#notCompletedBelow()}). */
  public static final String NOT_COMPLETED_BELOW = "notCompletedBelow";

  // --- member-level, 124 and 132 (criteria grades) -----------------------------------------------
  /** String, a {@link Grade} name: the weakest grade among the task-result criteria. */
  public static final String TASK_RESULTS_GRADE = "taskResultsGrade";

  /** String, a {@link Grade} name: the weakest grade among the other criteria. */
  public static final String OTHER_CRITERIA_GRADE = "otherCriteriaGrade";

  // --- collective-caps ------------------------------------------------------------------------
  /** Boolean: a leadership member of the collective disciplined in the year at WARNING (cảnh cáo) or above. */
  public static final String LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE =
      "leadershipDisciplinedWarningOrAbove";

  /** Boolean: a leadership member of the collective disciplined in the year, any form. */
  public static final String LEADERSHIP_DISCIPLINED = "leadershipDisciplined";

  /** Boolean: a subordinate unit of the collective disciplined in the year. */
  public static final String SUBORDINATE_UNIT_DISCIPLINED = "subordinateUnitDisciplined";

  /** Double 0–100: share of the subordinates disciplined or rated NOT_COMPLETED. */
  public static final String SUBORDINATE_SHORTFALL_PERCENT = "subordinateShortfallPercent";

  /** Double 0–100: the configured threshold of that share (unverified; {@link CollectiveFacts}). */
  public static final String SUBORDINATE_SHORTFALL_THRESHOLD = "subordinateShortfallThreshold";

  /** Boolean or null (not stated): every task of the collective's year done, on time or late (366). */
  public static final String ALL_TASKS_DONE = "allTasksDone";

  /** Double 0–100 or null (not stated): share of the collective's tasks done late (366). */
  public static final String LATE_TASKS_PERCENT = "lateTasksPercent";

  // --- outputs --------------------------------------------------------------------------------
  public static final String RATED = "rated";
  public static final String REASON_CODE = "reasonCode";
  public static final String FORM_KIND = "formKind";
  public static final String MAX_LEVEL = "maxLevel";
  public static final String LEVEL = "level";

  /** Input of criterion-points: a {@link CriterionGroup} name. */
  public static final String CRITERION_GROUP = "criterionGroup";

  /** Output of criterion-points: Integer, or null when the regulation scores nothing. */
  public static final String MAX_POINTS = "maxPoints";

  private RuleVariables() {}
}
