package vn.party.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of one JVM split by what its threads do, read from {@code /proc/<pid>/task/<tid>/stat} (Linux only): the
 * request threads (Tomcat's {@code http-nio-…-exec-N}), the garbage collector, the JIT compilers and the rest (Kafka
 * clients, schedulers, the VM thread…). A JFR profile samples only Java threads; this tells what the GC and the
 * compilers cost beside them. Threads that ended between two readings are not counted (the pools here live as long
 * as the service).
 */
final class ThreadKinds {
  // ThreadCpu splits a phase by every pool and PostgreSQL client (threads-<phase>.tsv); this is the
  // coarse split the
  // API phases print beside their figures.

  /** What a thread does, by its name. */
  enum Kind {
    REQUESTS("request threads"),
    GC("GC"),
    JIT("JIT compilers"),
    OTHER("other threads");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private ThreadKinds() {}

  /** The kind of a thread by its name as {@code /proc} gives it (at most 15 characters). */
  static Kind kindOf(String name) {
    if (name.startsWith("http-nio-") || name.contains("-exec-")) {
      return Kind.REQUESTS;
    }
    if (name.contains("Compiler") || name.startsWith("C1 ") || name.startsWith("C2 ")) {
      return Kind.JIT;
    }
    if (name.startsWith("GC ")
        || name.startsWith("G1 ")
        || name.startsWith("Conc")
        || name.contains("GC Thread")) {
      return Kind.GC;
    }
    return Kind.OTHER;
  }

  /** Clock ticks used so far per kind by the threads of {@code pid}; empty when unreadable. */
  static Map<Kind, Long> ticks(long pid) {
    Map<Kind, Long> out = new TreeMap<>();
    ThreadCpu.byName(pid).forEach((name, ticks) -> out.merge(kindOf(name), ticks, Long::sum));
    return out;
  }

  /** "request threads 30.1, GC 2.0, JIT compilers 1.5, other threads 0.4 cpu-ms/op" since {@code start}. */
  static String perOperation(
      Map<Kind, Long> start, Map<Kind, Long> end, long nanosPerTick, int operations) {
    if (start.isEmpty() || end.isEmpty() || operations <= 0) {
      return "";
    }
    Map<Kind, Double> ms = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      long ticks = end.getOrDefault(kind, 0L) - start.getOrDefault(kind, 0L);
      ms.put(kind, ticks * (double) nanosPerTick / 1e6 / operations);
    }
    StringBuilder b = new StringBuilder();
    ms.forEach(
        (kind, value) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(kind.label)
                .append(' ')
                .append(Results.number(value)));
    return b.append(" cpu-ms/op").toString();
  }
}
