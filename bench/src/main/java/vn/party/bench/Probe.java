package vn.party.bench;

import java.nio.file.Path;

/**
 * What the bench observes during one measured phase besides time and CPU: the SQL statements per operation
 * ({@link SqlStatements}, written to {@code sql-<phase>.tsv}) and, with {@code --profile}, a JFR recording of the
 * service ({@link Profiler}).
 */
final class Probe {

  private final SqlStatements sql;
  private final Path sqlDir;
  private final Profiler profiler;
  private final Long pid;

  Probe(SqlStatements sql, Path sqlDir, Profiler profiler, Long pid) {
    this.sql = sql;
    this.sqlDir = sqlDir;
    this.profiler = profiler;
    this.pid = pid;
  }

  /** The same statements, without a profiler: the bare engine runs in the bench's own JVM. */
  Probe withoutProfiler() {
    return new Probe(sql, sqlDir, null, null);
  }

  /** One phase, begun now. */
  final class Phase {
    private final String name;

    private Phase(String name) {
      this.name = name;
    }

    /** Ends the phase: SQL statements per operation (NaN without pg_stat_statements); the profile is written. */
    double end(int operations) {
      double perOperation = sql.finish(name, operations, sqlDir);
      if (profiler != null && pid != null) {
        profiler.stop(pid, name, name + " (" + operations + " operations)");
      }
      return perOperation;
    }
  }

  Phase begin(String name) {
    sql.reset();
    if (profiler != null && pid != null) {
      profiler.start(pid, name);
    }
    return new Phase(name);
  }

  /** The figure {@code <name>.sql}: statements per operation, against the baseline's when given. */
  static Figure figure(String name, double perOperation, Figure baseline) {
    Figure f =
        Figure.of(
            name + ".sql",
            perOperation,
            "statements/op",
            "SQL statements the system sent per operation (pg_stat_statements, the bench's own left out;"
                + " includes background polling during the phase)");
    return baseline == null ? f : f.against(baseline);
  }
}
