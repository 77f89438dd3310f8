package vn.party.evaluation.record;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The update of one evaluation row of a year, a member's ({@link EvaluationRecords}) or a collective's ({@code
 * collective.CollectiveEvaluations}): the assignments, their values named {@code :v1}, {@code :v2}, … in order, and
 * {@code updated_at}. One statement shape for both tables, so that neither forgets the time of the change.
 */
public final class YearRows {

  private YearRows() {}

  /**
   * @param table the table, a constant of the caller (never user input)
   * @param keyColumn the column that, with {@code year}, names the row
   */
  public static void update(
      JdbcClient jdbc,
      String table,
      String keyColumn,
      int year,
      String key,
      String assignments,
      Object... values) {
    Map<String, Object> named = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      named.put("v" + (i + 1), values[i]);
    }
    update(jdbc, table, keyColumn, year, key, assignments, named);
  }

  /** The same, the assignments' values named as {@code values} names them. */
  public static void update(
      JdbcClient jdbc,
      String table,
      String keyColumn,
      int year,
      String key,
      String assignments,
      Map<String, Object> values) {
    var statement =
        jdbc.sql(
                "update "
                    + table
                    + " set "
                    + assignments
                    + ", updated_at = now() where year = :year and "
                    + keyColumn
                    + " = :key")
            .param("year", year)
            .param("key", key);
    for (Map.Entry<String, Object> value : values.entrySet()) {
      statement = statement.param(value.getKey(), value.getValue());
    }
    statement.update();
  }
}
