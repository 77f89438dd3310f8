package vn.party.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQL statements per operation, from {@code pg_stat_statements} (the bench loads it into its embedded PostgreSQL with
 * {@code shared_preload_libraries}): reset before a phase, read after it. The bench's own queries (everything sent
 * through {@link Sql}, tagged {@link Sql#TAG}) are left out; what is counted is every statement the system under test
 * (or the bare engine of the baseline) sent, in any database of the server, including the service's background
 * polling (outbox publisher, job acquisition) during the phase. Unavailable (NaN) when the extension cannot be loaded,
 * e.g. on an external server without it.
 */
final class SqlStatements {

  private static final Logger log = LoggerFactory.getLogger(SqlStatements.class);

  /** One normalized statement and how often it ran during the phase. */
  record Statement(long calls, double totalMs, long rows, String query) {}

  private final DataSource data;
  private final boolean available;

  private SqlStatements(DataSource data, boolean available) {
    this.data = data;
    this.available = available;
  }

  static SqlStatements on(DataSource data) {
    try {
      Sql.execute(data, "create extension if not exists pg_stat_statements");
      SqlStatements statements = new SqlStatements(data, true);
      statements.reset();
      return statements;
    } catch (RuntimeException e) {
      log.warn("pg_stat_statements not available, no SQL statement counts: {}", e.getMessage());
      return new SqlStatements(data, false);
    }
  }

  boolean available() {
    return available;
  }

  /** Starts a phase: the statistics are reset. */
  void reset() {
    if (available) {
      Sql.count(data, "select count(*) from (select pg_stat_statements_reset()) r");
    }
  }

  /** The statements since the last {@link #reset()}, most calls first, the bench's own left out. */
  List<Statement> read() {
    if (!available) {
      return List.of();
    }
    return Sql.list(
        data,
        """
                select calls, total_exec_time, rows, query from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '"""
            + Sql.TAG
            + """
                %' and query not like '%pg_stat_statements%'
                order by calls desc, total_exec_time desc""",
        rs -> new Statement(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getString(4)));
  }

  static double perOperation(List<Statement> statements, int operations) {
    return statements.isEmpty()
        ? Double.NaN
        : statements.stream().mapToLong(Statement::calls).sum() / (double) Math.max(1, operations);
  }

  /** The statements of a phase as a table per operation (calls, ms, rows, the normalized text). */
  static String describe(String phase, List<Statement> statements, int operations) {
    double n = Math.max(1, operations);
    StringBuilder b =
        new StringBuilder("# SQL statements of ")
            .append(phase)
            .append(", per operation (")
            .append(operations)
            .append(" operations; total ")
            .append(Results.number(perOperation(statements, operations)))
            .append(" statements, ")
            .append(Results.number(statements.stream().mapToDouble(Statement::totalMs).sum() / n))
            .append(" ms of execution in PostgreSQL)\n\ncalls/op\tms/op\trows/op\tstatement\n");
    for (Statement s : statements) {
      b.append(Results.number(s.calls() / n))
          .append('\t')
          .append(Results.number(s.totalMs() / n))
          .append('\t')
          .append(Results.number(s.rows() / n))
          .append('\t')
          .append(s.query().replaceAll("\\s+", " ").trim())
          .append('\n');
    }
    return b.toString();
  }

  /** Reads the phase's statements, writes them to {@code dir/sql-<phase>.tsv} and returns statements per op. */
  double finish(String phase, int operations, Path dir) {
    List<Statement> statements = read();
    if (statements.isEmpty()) {
      return Double.NaN;
    }
    if (dir != null) {
      try {
        Files.createDirectories(dir);
        Files.writeString(
            dir.resolve("sql-" + phase + ".tsv"), describe(phase, statements, operations));
      } catch (IOException e) {
        log.warn("Could not write the statements of {}: {}", phase, e.getMessage());
      }
    }
    double per = perOperation(statements, operations);
    log.info(
        "  SQL: {} statements per operation in {} ({} distinct)",
        Results.number(per),
        phase,
        statements.size());
    return per;
  }
}
