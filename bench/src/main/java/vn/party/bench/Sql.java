package vn.party.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers for the bench's own queries; {@code Collection<String>} arguments become varchar arrays. */
final class Sql {

  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Leads every query of the bench's own, so that {@link SqlStatements} can leave them out of the system's
   * statements ({@code pg_stat_statements} keeps the text with its comment).
   */
  static final String TAG = "/* bench */";

  private Sql() {}

  static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(TAG + " " + sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + " — " + sql, e);
    }
  }

  static <T> List<T> list(DataSource ds, String sql, Row<T> row, Object... args) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(TAG + " " + sql)) {
      bind(c, ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + " — " + sql, e);
    }
  }

  static long count(DataSource ds, String sql, Object... args) {
    List<Long> n = list(ds, sql, rs -> rs.getLong(1), args);
    return n.isEmpty() ? 0 : n.get(0);
  }

  static String text(DataSource ds, String sql, Object... args) {
    List<String> s = list(ds, sql, rs -> rs.getString(1), args);
    return s.isEmpty() ? null : s.get(0);
  }

  private static void bind(Connection c, PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Collection<?> values) {
        ps.setArray(i + 1, c.createArrayOf("varchar", values.toArray()));
      } else {
        ps.setObject(i + 1, a);
      }
    }
  }
}
