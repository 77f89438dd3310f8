package vn.party.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU time (user + system) spent by a set of process trees, read from {@code /proc/<pid>/stat} (Linux only). On a
 * machine shared with other work, wall-clock rates swing with the load while CPU time per operation moves much
 * less, so the benchmark reports both.
 *
 * <p>A tree's time is its root's own time plus the time of its exited, reaped children ({@code cutime}/{@code cstime})
 * plus the own time of its live descendants — so PostgreSQL backends are counted whether or not they exit meanwhile.
 */
final class CpuMeter {

  private static final Logger log = LoggerFactory.getLogger(CpuMeter.class);
  private static final Path PROC = Path.of("/proc");

  private final List<Long> roots;
  private final String description;
  private final long nanosPerTick;

  /** A name per root, for {@link #shares(long[])}; null when not named. */
  private final List<String> names;

  private CpuMeter(List<Long> roots, String description, long nanosPerTick, List<String> names) {
    this.roots = roots;
    this.description = description;
    this.nanosPerTick = nanosPerTick;
    this.names = names;
  }

  /**
   * A meter over named process trees (a null pid is left out), described as their names joined by " + ";
   * {@link #shares(long[])} tells how the CPU time split between them.
   */
  static Optional<CpuMeter> named(Map<String, Long> pidsByName) {
    if (!Files.isReadable(PROC.resolve("self").resolve("stat"))) {
      return Optional.empty();
    }
    List<Long> roots = new ArrayList<>();
    List<String> names = new ArrayList<>();
    pidsByName.forEach(
        (name, pid) -> {
          if (pid != null) {
            roots.add(pid);
            names.add(name);
          }
        });
    return Optional.of(
        new CpuMeter(
            roots, String.join(" + ", names), 1_000_000_000L / clockTicksPerSecond(), names));
  }

  /** CPU nanoseconds used so far by each tree, in the order the trees were given. */
  long[] cpuNanosByRoot() {
    long[] out = new long[roots.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = treeTicks(roots.get(i)) * nanosPerTick;
    }
    return out;
  }

  /** "evaluation-service 41 %, PostgreSQL 59 %" since {@code start} (a {@link #cpuNanosByRoot()} reading). */
  String shares(long[] start) {
    long[] now = cpuNanosByRoot();
    long total = 0;
    for (int i = 0; i < now.length; i++) {
      total += now[i] - start[i];
    }
    if (names == null || total <= 0) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < now.length; i++) {
      b.append(i == 0 ? "" : ", ")
          .append(names.get(i))
          .append(' ')
          .append(Math.round(100.0 * (now[i] - start[i]) / total))
          .append(" %");
    }
    return b.toString();
  }

  /** A meter over the trees of {@code pids}; empty when {@code /proc} cannot be read. */
  static Optional<CpuMeter> of(String description, Long... pids) {
    if (!Files.isReadable(PROC.resolve("self").resolve("stat"))) {
      return Optional.empty();
    }
    List<Long> roots = new ArrayList<>();
    for (Long pid : pids) {
      if (pid != null) {
        roots.add(pid);
      }
    }
    return Optional.of(
        new CpuMeter(roots, description, 1_000_000_000L / clockTicksPerSecond(), null));
  }

  /** The postmaster of the server behind {@code ds} (parent of a backend), if it runs on this machine. */
  static Optional<Long> postmasterPid(DataSource ds) {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
      rs.next();
      long backend = rs.getLong(1);
      return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid);
    } catch (SQLException e) {
      log.warn("Cannot find the PostgreSQL server process: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** The first process tree's root (the service whose threads {@link ThreadKinds} splits), or null. */
  Long firstRoot() {
    return roots.isEmpty() ? null : roots.get(0);
  }

  String description() {
    return description;
  }

  /** CPU nanoseconds used so far by the trees. */
  long cpuNanos() {
    long ticks = 0;
    for (long root : roots) {
      ticks += treeTicks(root);
    }
    return ticks * nanosPerTick;
  }

  private static long treeTicks(long root) {
    long ticks = ticks(root, true);
    Optional<ProcessHandle> handle = ProcessHandle.of(root);
    if (handle.isPresent()) {
      for (ProcessHandle child : (Iterable<ProcessHandle>) handle.get().descendants()::iterator) {
        ticks += ticks(child.pid(), false);
      }
    }
    return ticks;
  }

  /** CPU milliseconds per operation since {@code startNanos} (a {@link #cpuNanos()} reading); NaN for none. */
  double msPerOperation(long startNanos, int operations) {
    return operations <= 0 ? Double.NaN : (cpuNanos() - startNanos) / 1e6 / operations;
  }

  /** utime + stime (+ cutime + cstime for a root) of one process, in clock ticks; 0 if it is gone. */
  static long ticks(long pid, boolean withReapedChildren) {
    try {
      return ticksOf(
          Files.readString(PROC.resolve(String.valueOf(pid)).resolve("stat")), withReapedChildren);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Parses a {@code /proc/<pid>/stat} line: fields 14–17 are utime, stime, cutime, cstime. */
  static long ticksOf(String stat, boolean withReapedChildren) {
    // the command name (field 2) is in parentheses and may hold spaces: count fields after the last
    // ')'
    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    long t = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
    if (withReapedChildren) {
      t += Long.parseLong(rest[13]) + Long.parseLong(rest[14]);
    }
    return t;
  }

  static long nanosPerTick() {
    return 1_000_000_000L / clockTicksPerSecond();
  }

  private static long clockTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      long hz = Long.parseLong(out);
      return hz > 0 ? hz : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
