package vn.party.evaluation.process.validation;

import static vn.party.evaluation.process.ProcessVariables.ALL_TASKS_DONE;
import static vn.party.evaluation.process.ProcessVariables.LATE_TASKS_PERCENT;
import static vn.party.evaluation.process.ProcessVariables.LEADERSHIP_DISCIPLINED;
import static vn.party.evaluation.process.ProcessVariables.LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE;
import static vn.party.evaluation.process.ProcessVariables.REGULATION;
import static vn.party.evaluation.process.ProcessVariables.SUBORDINATE_SHORTFALL_PERCENT;
import static vn.party.evaluation.process.ProcessVariables.SUBORDINATE_SHORTFALL_THRESHOLD;
import static vn.party.evaluation.process.ProcessVariables.SUBORDINATE_UNIT_DISCIPLINED;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.party.evaluation.rules.Cap;
import vn.party.evaluation.rules.CollectiveFacts;
import vn.party.evaluation.rules.RuleBook;

/**
 * The level caps of a collective-evaluation, from its process variables: the collective-caps decision of the
 * instance's regulation ({@link RuleBook#collectiveCaps}). Like {@link LevelCaps} for members, the one computation
 * behind what the forms show and what {@link TaskCompletionRules} enforces.
 */
public final class CollectiveCaps {

  /**
   * Every variable a collective cap is computed from, the regulation first: those the application sets, then the task
   * results the collective recorded in its self-review (completion variables of collective-self-review, so process
   * variables the decision sees).
   */
  public static final List<String> INPUTS =
      List.of(
          REGULATION,
          LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE,
          LEADERSHIP_DISCIPLINED,
          SUBORDINATE_UNIT_DISCIPLINED,
          SUBORDINATE_SHORTFALL_PERCENT,
          SUBORDINATE_SHORTFALL_THRESHOLD,
          ALL_TASKS_DONE,
          LATE_TASKS_PERCENT);

  private CollectiveCaps() {}

  /** Every cap that applies, strictest first; empty when the variables name no regulation. */
  public static List<Cap> caps(RuleBook rules, Map<String, ?> variables) {
    return CapVariables.regulation(variables)
        .map(regulation -> rules.collectiveCaps(regulation, facts(variables)))
        .orElse(List.of());
  }

  public static Optional<Cap> strictest(RuleBook rules, Map<String, ?> variables) {
    return caps(rules, variables).stream().findFirst();
  }

  /**
   * The facts as the decision reads them; missing values count as "nothing known" (false, 0 %), a missing
   * threshold as the documented default. The collective's own task results stay null when it did not state them
   * (or stated something the completion rules refuse): "not stated" must not read as "not done".
   */
  public static CollectiveFacts facts(Map<String, ?> variables) {
    return new CollectiveFacts(
        Boolean.TRUE.equals(variables.get(LEADERSHIP_DISCIPLINED_WARNING_OR_ABOVE)),
        Boolean.TRUE.equals(variables.get(LEADERSHIP_DISCIPLINED)),
        Boolean.TRUE.equals(variables.get(SUBORDINATE_UNIT_DISCIPLINED)),
        percent(variables.get(SUBORDINATE_SHORTFALL_PERCENT), 0),
        percent(
            variables.get(SUBORDINATE_SHORTFALL_THRESHOLD),
            CollectiveFacts.DEFAULT_SUBORDINATE_SHORTFALL_THRESHOLD),
        variables.get(ALL_TASKS_DONE) instanceof Boolean done ? done : null,
        CapVariables.percent(variables.get(LATE_TASKS_PERCENT)));
  }

  private static double percent(Object value, double otherwise) {
    Double percent = CapVariables.percent(value);
    return percent == null ? otherwise : percent;
  }
}
