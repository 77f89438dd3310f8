package vn.party.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bench observes during one measured phase besides time and CPU: the SQL statements per operation
 * ({@link SqlStatements}, written to {@code sql-<phase>.tsv}), with {@code --profile} a JFR recording of the
 * service ({@link Profiler}) — and of notification-service too in the lifecycle ({@code <phase>-notification}) —
 * and, where the bench knows the processes, the CPU of their threads by pool and of PostgreSQL's backends by client
 * ({@link ThreadCpu}, written to {@code threads-<phase>.tsv}).
 */
final class Probe {

  private static final Logger log = LoggerFactory.getLogger(Probe.class);

  private final SqlStatements sql;
  private final Path sqlDir;
  private final Profiler profiler;
  private final Long pid;
  private final Long otherPid;
  private final String otherName;
  private final ThreadCpu threads;

  Probe(SqlStatements sql, Path sqlDir, Profiler profiler, Long pid) {
    this(sql, sqlDir, profiler, pid, null, null, null);
  }

  private Probe(
      SqlStatements sql,
      Path sqlDir,
      Profiler profiler,
      Long pid,
      Long otherPid,
      String otherName,
      ThreadCpu threads) {
    this.sql = sql;
    this.sqlDir = sqlDir;
    this.profiler = profiler;
    this.pid = pid;
    this.otherPid = otherPid;
    this.otherName = otherName;
    this.threads = threads;
  }

  /** The same statements, without a profiler: the bare engine runs in the bench's own JVM. */
  Probe withoutProfiler() {
    return new Probe(sql, sqlDir, null, null, null, null, threads);
  }

  /** The same, also profiling another process (recorded as {@code <phase>-<name>}) and its threads' CPU. */
  Probe alsoProfiling(Long pid, String name, ThreadCpu threads) {
    return new Probe(sql, sqlDir, profiler, this.pid, pid, name, threads);
  }

  /** One phase, begun now. */
  final class Phase {
    private final String name;
    private final ThreadCpu.Snapshot threadsBefore;

    private Phase(String name, ThreadCpu.Snapshot threadsBefore) {
      this.name = name;
      this.threadsBefore = threadsBefore;
    }

    /** Ends the phase: SQL statements per operation (NaN without pg_stat_statements); the profile is written. */
    double end(int operations) {
      if (threads != null && threadsBefore != null) {
        try {
          String table = threads.since(threadsBefore, operations);
          Files.createDirectories(sqlDir);
          Files.writeString(sqlDir.resolve("threads-" + name + ".tsv"), table);
          log.info("  CPU by thread pool and PostgreSQL client, per operation:\n{}", table);
        } catch (IOException | RuntimeException e) {
          log.warn("CPU by thread not written: {}", e.toString());
        }
      }
      double perOperation = sql.finish(name, operations, sqlDir);
      if (profiler != null && pid != null) {
        profiler.stop(pid, name, name + " (" + operations + " operations)");
      }
      if (profiler != null && otherPid != null) {
        profiler.stop(
            otherPid,
            name + "-" + otherName,
            name + " " + otherName + " (" + operations + " operations)");
      }
      return perOperation;
    }
  }

  Phase begin(String name) {
    sql.reset();
    if (profiler != null && pid != null) {
      profiler.start(pid, name);
    }
    if (profiler != null && otherPid != null) {
      profiler.start(otherPid, name + "-" + otherName);
    }
    return new Phase(name, threads == null ? null : threads.take());
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
