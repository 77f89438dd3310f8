package vn.party.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Turns a JFR recording's CPU samples ({@code jdk.ExecutionSample}) into a flame graph (a self-contained SVG, one
 * rectangle per frame, its width the share of samples, its tooltip the frame and the share), the folded stacks
 * (Brendan Gregg's format, for other tools) and a short "where the time goes" table in Markdown: by thread, by the
 * layer of the sampled frame (self time), and the project's methods (inclusive). Run by {@link Profiler} after each
 * profiled phase, or by hand: {@code java -cp bench/target/classes vn.party.bench.FlameGraph recording.jfr out-prefix}.
 */
public final class FlameGraph {

  static final int MAX_DEPTH = 96;
  private static final int FRAME_HEIGHT = 16;
  private static final int WIDTH = 1600;

  /** Folded stacks (root first, frames joined by ';') with their sample counts, and the samples per thread. */
  record Samples(Map<String, Long> stacks, Map<String, Long> threads, long total) {}

  private FlameGraph() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("Usage: FlameGraph <recording.jfr> <output prefix>");
      System.exit(2);
    }
    Path prefix = Path.of(args[1]);
    write(read(Path.of(args[0])), prefix, prefix.getFileName().toString());
  }

  static Samples read(Path jfr) throws IOException {
    Map<String, Long> stacks = new HashMap<>();
    Map<String, Long> threads = new HashMap<>();
    long total = 0;
    try (RecordingFile file = new RecordingFile(jfr)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
          continue;
        }
        RecordedStackTrace trace = event.getStackTrace();
        if (trace == null) {
          continue;
        }
        List<RecordedFrame> frames = trace.getFrames();
        StringBuilder b = new StringBuilder();
        for (int i = frames.size() - 1; i >= 0; i--) {
          RecordedFrame f = frames.get(i);
          if (!f.isJavaFrame()) {
            continue;
          }
          if (b.length() > 0) {
            b.append(';');
          }
          b.append(name(f));
        }
        if (trace.isTruncated()) {
          b.insert(0, "[truncated];");
        }
        stacks.merge(b.toString(), 1L, Long::sum);
        var thread = event.getThread("sampledThread");
        threads.merge(threadGroup(thread == null ? "?" : thread.getJavaName()), 1L, Long::sum);
        total++;
      }
    }
    return new Samples(stacks, threads, total);
  }

  static String name(RecordedFrame f) {
    String type = f.getMethod().getType().getName();
    return type + "." + f.getMethod().getName();
  }

  /** Thread names without their numbers, so that a pool is one row. */
  static String threadGroup(String name) {
    return name == null ? "?" : name.replaceAll("-?\\d+", "-N").replaceAll("(-N)+", "-N");
  }

  /** The layer a frame belongs to, by its class name (the first rule that matches). */
  static String layer(String frame) {
    String[][] rules = {
      {"org.postgresql.", "PostgreSQL JDBC driver"},
      {"com.zaxxer.hikari.", "connection pool"},
      {"org.apache.ibatis.", "MyBatis (engine SQL mapping)"},
      {"org.camunda.bpm.engine.impl.history", "engine history"},
      {"org.camunda.bpm.engine.impl.db", "engine persistence"},
      {"org.camunda.", "Camunda engine"},
      {"org.hibernate.", "Hibernate / JPA"},
      {"com.fasterxml.jackson.", "Jackson (JSON)"},
      {"org.springframework.security.crypto", "password hashing"},
      {"org.mindrot.", "password hashing"},
      {"org.springframework.security.", "Spring Security"},
      {"org.springframework.", "Spring"},
      {"org.apache.catalina.", "Tomcat"},
      {"org.apache.coyote.", "Tomcat"},
      {"org.apache.tomcat.", "Tomcat"},
      {"org.apache.kafka.", "Kafka client"},
      {"org.thymeleaf.", "Thymeleaf"},
      {"ch.qos.logback.", "logging"},
      {"org.slf4j.", "logging"},
      {"org.mapstruct", "MapStruct"},
      {"io.micrometer.", "metrics"},
      {"vn.party.", "project code"},
      {"sun.nio.", "JDK I/O"},
      {"java.net.", "JDK I/O"},
      {"sun.security.", "JDK crypto/TLS"},
      {"java.util.regex.", "JDK regex"},
      {"java.lang.reflect.", "JDK reflection"},
      {"jdk.internal.reflect.", "JDK reflection"},
      {"java.", "JDK"},
      {"jdk.", "JDK"},
      {"sun.", "JDK"}
    };
    for (String[] r : rules) {
      if (frame.startsWith(r[0])) {
        return r[1];
      }
    }
    return "other";
  }

  static void write(Samples samples, Path prefix, String title) throws IOException {
    Path dir = prefix.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String base = prefix.getFileName().toString();
    StringBuilder folded = new StringBuilder();
    samples.stacks().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> folded.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
    Files.writeString(dir.resolve(base + ".collapsed.txt"), folded);
    Files.writeString(dir.resolve(base + ".svg"), svg(samples, title));
    Files.writeString(dir.resolve(base + ".md"), table(samples, title));
  }

  /** The "where the time goes" table of one recording. */
  static String table(Samples s, String title) {
    double total = Math.max(1, s.total());
    Map<String, Long> layers = new HashMap<>();
    Map<String, Long> project = new HashMap<>();
    Map<String, Long> selfFrames = new HashMap<>();
    s.stacks()
        .forEach(
            (stack, n) -> {
              String[] frames = stack.split(";");
              String leaf = frames[frames.length - 1];
              layers.merge(layer(leaf), n, Long::sum);
              selfFrames.merge(leaf, n, Long::sum);
              Set<String> seen = new HashSet<>();
              for (String f : frames) {
                if (f.startsWith("vn.party.") && !f.contains("$$") && seen.add(f)) {
                  project.merge(f, n, Long::sum);
                }
              }
            });
    StringBuilder b =
        new StringBuilder("## ")
            .append(title)
            .append(" — where the CPU time goes\n\n")
            .append(s.total())
            .append(
                " CPU samples of Java code (JFR `jdk.ExecutionSample`; GC and JIT threads"
                    + " are not sampled).\n\n");
    section(b, "thread (pool)", s.threads(), total, 8);
    section(b, "layer of the sampled frame (self time)", layers, total, 14);
    section(b, "project method (inclusive: the method and what it calls)", project, total, 25);
    section(b, "hottest frames (self time)", selfFrames, total, 12);
    return b.toString();
  }

  private static void section(
      StringBuilder b, String what, Map<String, Long> counts, double total, int limit) {
    b.append("| ").append(what).append(" | share |\n|---|---:|\n");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .forEach(
            e ->
                b.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(String.format(Locale.ROOT, "%.1f %%", 100 * e.getValue() / total))
                    .append(" |\n"));
    b.append('\n');
  }

  /** A node of the merged call tree. */
  private static final class Node {
    final String name;
    long samples;
    final Map<String, Node> children = new LinkedHashMap<>();

    Node(String name) {
      this.name = name;
    }

    Node child(String name) {
      return children.computeIfAbsent(name, Node::new);
    }

    int depth() {
      int d = 0;
      for (Node c : children.values()) {
        d = Math.max(d, c.depth());
      }
      return d + 1;
    }
  }

  static String svg(Samples s, String title) {
    Node root = new Node("all");
    s.stacks()
        .forEach(
            (stack, n) -> {
              root.samples += n;
              Node node = root;
              String[] frames = stack.split(";");
              for (int i = 0; i < Math.min(frames.length, MAX_DEPTH); i++) {
                node = node.child(frames[i]);
                node.samples += n;
              }
            });
    int depth = root.depth();
    int height = (depth + 2) * FRAME_HEIGHT + 40;
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" standalone=\"no\"?>\n")
        .append("<svg version=\"1.1\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append(
            "\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"monospace\" font-size=\"11\">\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fdfdf6\"/>\n")
        .append("<text x=\"10\" y=\"20\" font-size=\"14\">")
        .append(escape(title))
        .append(" — ")
        .append(s.total())
        .append(" CPU samples (JFR); width = share of CPU; hover for details</text>\n");
    double scale = (WIDTH - 20) / (double) Math.max(1, root.samples);
    List<Object[]> stack = new ArrayList<>();
    stack.add(new Object[] {root, 10.0, 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.remove(stack.size() - 1);
      Node node = (Node) top[0];
      double x = (Double) top[1];
      int level = (Integer) top[2];
      double w = node.samples * scale;
      if (w < 2.0) {
        continue;
      }
      double y = height - 10 - (level + 1) * FRAME_HEIGHT;
      String pct = String.format(Locale.ROOT, "%.2f %%", 100.0 * node.samples / root.samples);
      b.append("<g><title>")
          .append(escape(node.name))
          .append(" (")
          .append(node.samples)
          .append(" samples, ")
          .append(pct)
          .append(")</title><rect x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(fmt(y))
          .append("\" width=\"")
          .append(fmt(w))
          .append("\" height=\"")
          .append(FRAME_HEIGHT - 1)
          .append("\" fill=\"")
          .append(color(node.name))
          .append("\" rx=\"2\"/>");
      int chars = (int) (w / 6.6);
      if (chars >= 4) {
        String label = shortName(node.name);
        if (label.length() > chars) {
          label = label.substring(0, Math.max(1, chars - 2)) + "..";
        }
        b.append("<text x=\"")
            .append(fmt(x + 3))
            .append("\" y=\"")
            .append(fmt(y + FRAME_HEIGHT - 4))
            .append("\">")
            .append(escape(label))
            .append("</text>");
      }
      b.append("</g>\n");
      double cx = x;
      List<Node> children = new ArrayList<>(node.children.values());
      children.sort(Comparator.comparing(c -> c.name));
      List<Object[]> pending = new ArrayList<>();
      for (Node c : children) {
        pending.add(new Object[] {c, cx, level + 1});
        cx += c.samples * scale;
      }
      for (int i = pending.size() - 1; i >= 0; i--) {
        stack.add(pending.get(i));
      }
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static String shortName(String frame) {
    int method = frame.lastIndexOf('.');
    int cls = method <= 0 ? -1 : frame.lastIndexOf('.', method - 1);
    return cls < 0 ? frame : frame.substring(cls + 1);
  }

  private static String color(String frame) {
    String layer = layer(frame);
    Map<String, String> colors =
        new TreeMap<>(
            Map.ofEntries(
                Map.entry("project code", "#e8744f"),
                    Map.entry("PostgreSQL JDBC driver", "#6fa8dc"),
                Map.entry("connection pool", "#6fa8dc"),
                    Map.entry("MyBatis (engine SQL mapping)", "#9fc5e8"),
                Map.entry("Camunda engine", "#f6b26b"), Map.entry("engine history", "#f9cb9c"),
                Map.entry("engine persistence", "#ffd966"), Map.entry("Hibernate / JPA", "#b4a7d6"),
                Map.entry("Jackson (JSON)", "#93c47d"), Map.entry("password hashing", "#e06666"),
                Map.entry("Spring Security", "#d5a6bd"), Map.entry("Spring", "#b6d7a8"),
                Map.entry("Tomcat", "#a2c4c9"), Map.entry("Kafka client", "#76a5af")));
    return colors.getOrDefault(layer, "#dddddd");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
