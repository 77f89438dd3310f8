package vn.party.evaluation.security.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import vn.party.evaluation.process.validation.FieldError;

/**
 * A stored filter's query holds no expression but the ones Tasklist's filters use (outsider of 2026-12-07, seventh
 * session, HIGH): the engine evaluates a stored query's expressions with the application's beans in reach, as
 * whoever runs the filter, inside the engine and past this guard — {@code ${identityService.createMembership(...)}}
 * made a party member an auditor, {@code ${authorizationService.deleteAuthorization(...)}} removed a grant, {@code
 * ${runtimeService.setVariable(...)}} wrote a variable, and a filter shared with a secretary commented in the
 * secretary's name when they opened Tasklist. Ad-hoc queries already refuse every expression (the engine's default).
 *
 * <p>Allowed, whole and alone: {@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}} and {@code
 * ${dateTime()}} moved by whole units ({@code .plusDays(3)}, {@code .minusWeeks(1)}…) then {@code .toDate()}. Any other
 * expression in a filter a person saves is refused, 400 naming the query field; a filter stored before this rule is
 * judged by it at start and deleted when it holds one ({@link StoredFilterExpressions}).
 */
final class FilterExpressions {

  private static final Pattern ALLOWED =
      Pattern.compile(
          "[$#]\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
              + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)"
              + "\\(\\s*\\d{1,6}\\s*\\))*\\.toDate\\(\\))\\s*}");

  static final String NOT_ALLOWED = "expression-not-allowed";

  private FilterExpressions() {}

  /** The refused expressions of a filter a person saves, by query field; empty for anything else. */
  static List<FieldError> refused(Command<?> command) {
    if (!(command instanceof SaveFilterCmd)
        || !(CommandWrites.fieldOf(command, "filter") instanceof FilterEntity filter)) {
      return List.of();
    }
    return refused(filter);
  }

  /**
   * The refused expressions of a filter, by query field; empty: it holds Tasklist's own only (or none). The one rule,
   * for a filter being saved and for one already stored ({@link StoredFilterExpressions}).
   */
  static List<FieldError> refused(Filter filter) {
    List<FieldError> errors = new ArrayList<>();
    collect(filter.getQuery(), errors);
    return errors;
  }

  private static void collect(Object query, List<FieldError> errors) {
    if (query instanceof AbstractQuery<?, ?> abstractQuery) {
      Map<String, String> expressions = abstractQuery.getExpressions();
      if (expressions != null) {
        expressions.forEach(
            (field, expression) -> {
              if (expression == null || !ALLOWED.matcher(expression).matches()) {
                errors.add(new FieldError(field, NOT_ALLOWED));
              }
            });
      }
    }
    if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
      for (TaskQueryImpl or : taskQuery.getQueries()) {
        if (or != taskQuery) {
          collect(or, errors);
        }
      }
    }
  }
}
