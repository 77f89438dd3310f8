package vn.party.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Where a phase's CPU went inside the processes: each JVM's threads by pool (the thread's name without its number,
 * read from {@code /proc/<pid>/task/<tid>/stat}: {@code http-nio-…-exec-}, the Kafka listeners, the job executor, the
 * e-mail sender, GC, JIT) and PostgreSQL's backends by the {@code application_name} of their connection (the bench
 * names each service's pool), from {@code pg_stat_activity} and {@code /proc/<backend>/stat}. Exact CPU time per
 * thread, not samples — but a thread or backend that ended during the phase is lost (the pools keep theirs).
 */
final class ThreadCpu {

  /** CPU ticks per group, per process name. */
  record Snapshot(Map<String, Map<String, Long>> ticks) {}

  private final Map<String, Long> jvms;
  private final Long postmaster;
  private final DataSource data;
  private final long nanosPerTick;

  ThreadCpu(Map<String, Long> jvms, Long postmaster, DataSource data, long nanosPerTick) {
    this.jvms = jvms;
    this.postmaster = postmaster;
    this.data = data;
    this.nanosPerTick = nanosPerTick;
  }

  Snapshot take() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    jvms.forEach((name, pid) -> out.put(name, threads(pid)));
    if (postmaster != null) {
      out.put("PostgreSQL", backends());
    }
    return new Snapshot(out);
  }

  /** A table: process, group, cpu-ms per operation, share of all; since {@code before}. */
  String since(Snapshot before, int operations) {
    Snapshot after = take();
    StringBuilder b = new StringBuilder("process\tgroup\tcpu-ms/op\tshare\n");
    long total = 0;
    Map<String, Map<String, Long>> diff = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Long>> p : after.ticks().entrySet()) {
      Map<String, Long> was = before.ticks().getOrDefault(p.getKey(), Map.of());
      Map<String, Long> d = new TreeMap<>();
      p.getValue().forEach((g, t) -> d.put(g, t - was.getOrDefault(g, 0L)));
      diff.put(p.getKey(), d);
      total += d.values().stream().mapToLong(Long::longValue).sum();
    }
    final long all = total;
    for (Map.Entry<String, Map<String, Long>> p : diff.entrySet()) {
      long sum = p.getValue().values().stream().mapToLong(Long::longValue).sum();
      b.append(p.getKey())
          .append("\t(all)\t")
          .append(Results.number(sum * nanosPerTick / 1e6 / operations))
          .append('\t')
          .append(total == 0 ? "" : Math.round(1000.0 * sum / total) / 10.0 + " %")
          .append('\n');
      p.getValue().entrySet().stream()
          .filter(e -> e.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(
              e ->
                  b.append(p.getKey())
                      .append('\t')
                      .append(e.getKey())
                      .append('\t')
                      .append(Results.number(e.getValue() * nanosPerTick / 1e6 / operations))
                      .append('\t')
                      .append(Math.round(1000.0 * e.getValue() / Math.max(1, all)) / 10.0)
                      .append(" %\n"));
    }
    return b.toString();
  }

  /** A JVM's threads: ticks per name with the digits left out ("http-nio-8080-exec-3" → "http-nio-#-exec-#"). */
  private static Map<String, Long> threads(long pid) {
    Map<String, Long> out = new HashMap<>();
    byName(pid).forEach((name, ticks) -> out.merge(group(name), ticks, Long::sum));
    return out;
  }

  /**
   * A JVM's threads: ticks per thread name as {@code /proc} gives it (at most 15 characters; threads of one name
   * summed); empty when the process is gone. A thread that ends meanwhile is left out.
   */
  static Map<String, Long> byName(long pid) {
    Map<String, Long> out = new HashMap<>();
    Path tasks = Path.of("/proc", String.valueOf(pid), "task");
    try (Stream<Path> list = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) list::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          out.merge(name, CpuMeter.ticksOf(stat, false), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone
    }
    return out;
  }

  static String group(String threadName) {
    return threadName.replaceAll("[0-9]+", "#");
  }

  /** PostgreSQL's backends: ticks per application_name (or backend type), the rest of the server as "(other)". */
  private Map<String, Long> backends() {
    Map<String, Long> out = new HashMap<>();
    Map<Long, String> named = new HashMap<>();
    for (String[] row :
        Sql.list(
            data,
            "select pid, coalesce(nullif(application_name, ''), backend_type) from pg_stat_activity",
            rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      if (row[0] != null) {
        named.put(Long.parseLong(row[0]), row[1] == null ? "(unnamed)" : row[1]);
      }
    }
    List<Long> all = new ArrayList<>();
    ProcessHandle.of(postmaster).ifPresent(h -> h.descendants().forEach(c -> all.add(c.pid())));
    for (long pid : all) {
      String client = named.get(pid);
      out.merge(client == null ? "(other)" : client, CpuMeter.ticks(pid, false), Long::sum);
    }
    out.merge("(postmaster)", CpuMeter.ticks(postmaster, false), Long::sum);
    return out;
  }
}
