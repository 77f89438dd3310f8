package vn.party.evaluation.process.validation;

import static vn.party.evaluation.process.ProcessVariables.CIVIL_SERVICE_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.CONCLUDED_DEGRADATION;
import static vn.party.evaluation.process.ProcessVariables.CONCLUDED_FAILED_TO_SET_EXAMPLE;
import static vn.party.evaluation.process.ProcessVariables.CONCLUDED_FORBIDDEN_CONDUCT;
import static vn.party.evaluation.process.ProcessVariables.DISCIPLINED;
import static vn.party.evaluation.process.ProcessVariables.DISCIPLINE_SELF_DETECTED_AND_REMEDIED;
import static vn.party.evaluation.process.ProcessVariables.HEADED_UNIT_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.REGULATION;
import static vn.party.evaluation.process.ProcessVariables.SICK_LEAVE_MONTHS;
import static vn.party.evaluation.process.ProcessVariables.TASKS_COMPLETED_PERCENT;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.party.evaluation.rules.Cap;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.MemberFacts;
import vn.party.evaluation.rules.RuleBook;

/**
 * The level caps of a member-evaluation, from its process variables: the member-caps decision of
 * the instance's regulation ({@link RuleBook#caps}) on the facts the variables hold. The one
 * computation behind both what the forms show ({@code levelCap}, set by the deploying application)
 * and what {@link TaskCompletionRules} enforces, so the two cannot disagree.
 */
public final class LevelCaps {

  /**
   * Facts the deploying application sets from events (discipline; unit assessment: the
   * civil-service level and the share of tasks completed) and from the collective ratings (the
   * level of the unit the member heads).
   */
  public static final List<String> SYSTEM_FACTS =
      List.of(
          DISCIPLINED,
          DISCIPLINE_SELF_DETECTED_AND_REMEDIED,
          CIVIL_SERVICE_LEVEL,
          TASKS_COMPLETED_PERCENT,
          HEADED_UNIT_LEVEL);

  /** Facts the branch records on the branch-review form. */
  public static final List<String> BRANCH_FACTS =
      List.of(
          SICK_LEAVE_MONTHS,
          CONCLUDED_DEGRADATION,
          CONCLUDED_FORBIDDEN_CONDUCT,
          CONCLUDED_FAILED_TO_SET_EXAMPLE);

  /** Every variable a cap is computed from, the regulation first. */
  public static final List<String> INPUTS =
      List.of(
          REGULATION,
          DISCIPLINED,
          DISCIPLINE_SELF_DETECTED_AND_REMEDIED,
          CIVIL_SERVICE_LEVEL,
          TASKS_COMPLETED_PERCENT,
          HEADED_UNIT_LEVEL,
          SICK_LEAVE_MONTHS,
          CONCLUDED_DEGRADATION,
          CONCLUDED_FORBIDDEN_CONDUCT,
          CONCLUDED_FAILED_TO_SET_EXAMPLE);

  /**
   * Months since admission do not matter to the caps (only to eligibility, decided at launch); any
   * value the member-facts record accepts will do.
   */
  private static final int IRRELEVANT_MONTHS_SINCE_ADMISSION = 12;

  private LevelCaps() {}

  /**
   * Every cap that applies, strictest first; empty when none does or when the variables name no
   * regulation (nothing to decide by).
   *
   * @throws IllegalArgumentException for a regulation code that names no regulation
   */
  public static List<Cap> caps(RuleBook rules, Map<String, ?> variables) {
    return CapVariables.regulation(variables)
        .map(regulation -> rules.caps(regulation, facts(variables)))
        .orElse(List.of());
  }

  /** The strictest cap ({@link #caps}, first), if any. */
  public static Optional<Cap> strictest(RuleBook rules, Map<String, ?> variables) {
    return caps(rules, variables).stream().findFirst();
  }

  /**
   * The facts as the member-caps decision reads them. Missing or unusable values count as "not
   * known" (false, 0 months, no civil-service level): the completion rules refuse unusable values
   * the user sends, and the application sets the others itself.
   */
  public static MemberFacts facts(Map<String, ?> variables) {
    return MemberFacts.builder()
        .monthsSinceAdmission(IRRELEVANT_MONTHS_SINCE_ADMISSION)
        .disciplined(flag(variables.get(DISCIPLINED)))
        .disciplineSelfDetectedAndRemedied(
            flag(variables.get(DISCIPLINE_SELF_DETECTED_AND_REMEDIED)))
        .concludedDegradation(flag(variables.get(CONCLUDED_DEGRADATION)))
        .concludedForbiddenConduct(flag(variables.get(CONCLUDED_FORBIDDEN_CONDUCT)))
        .concludedFailedToSetExample(flag(variables.get(CONCLUDED_FAILED_TO_SET_EXAMPLE)))
        .sickLeaveMonths(months(variables.get(SICK_LEAVE_MONTHS)))
        .civilServiceLevel(
            variables.get(CIVIL_SERVICE_LEVEL) instanceof String name
                ? Level.parse(name).orElse(null)
                : null)
        .tasksCompletedPercent(CapVariables.percent(variables.get(TASKS_COMPLETED_PERCENT)))
        .headedUnitLevel(
            variables.get(HEADED_UNIT_LEVEL) instanceof String name
                ? Level.parse(name).orElse(null)
                : null)
        .build();
  }

  private static boolean flag(Object value) {
    return Boolean.TRUE.equals(value);
  }

  private static double months(Object value) {
    if (value instanceof Number number) {
      double months = number.doubleValue();
      if (months >= TaskCompletionRules.MIN_MONTHS && months <= TaskCompletionRules.MAX_MONTHS) {
        return months;
      }
    }
    return 0;
  }
}
