package vn.party.evaluation.record;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Column assignments of one member_evaluation row that wait for the transaction's next write of the row, or its
 * commit ({@link RowsInTransaction#defer}): each value a parameter named after its column, or the transaction's time.
 * A later assignment of a column replaces an earlier one, as a later update would.
 */
final class Assignments {

  private final Map<String, String> expressions = new LinkedHashMap<>();
  private final Map<String, Object> values = new HashMap<>();

  Assignments set(String column, Object value) {
    expressions.put(column, ":" + column);
    values.put(column, value);
    return this;
  }

  /** The transaction's time, as {@code now()} in the statement that writes it. */
  Assignments setNow(String column) {
    expressions.put(column, "now()");
    values.remove(column);
    return this;
  }

  /**
   * When the member's latest row of {@code table} (a fact kept on receipt, with {@code received_at}) arrived, else the
   * transaction's time; read in the statement that writes the row ({@link YearRows#update} names the row's year and
   * member {@code :year} and {@code :key}).
   */
  Assignments setArrivalOf(String column, String table) {
    expressions.put(
        column,
        "coalesce((select r.received_at from evaluation."
            + table
            + " r where r.year = :year and r.member_id = :key order by r.id desc limit 1), now())");
    values.remove(column);
    return this;
  }

  void addAll(Assignments later) {
    later.expressions.forEach(
        (column, expression) -> {
          expressions.put(column, expression);
          values.remove(column);
        });
    values.putAll(later.values);
  }

  boolean isEmpty() {
    return expressions.isEmpty();
  }

  /** {@code column = :column, …}, in the order first set. */
  String sql() {
    return expressions.entrySet().stream()
        .map(e -> e.getKey() + " = " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The parameters of {@link #sql()}, named after their columns. */
  Map<String, Object> values() {
    return values;
  }
}
