package vn.party.localstack.resilience;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import vn.party.localstack.ServiceJars;

/**
 * The figures of a fault test, appended to {@code local-stack/target/figures/<TestClass>.properties} (a key written
 * again replaces its value; the file of an earlier run is replaced by the first write of this one), for the summary
 * of the whole suite. Common keys: {@code faults.injected},
 * {@code faults.survived}, {@code events.lost}, {@code events.duplicated}; each test adds its own.
 */
final class Figures {

  private Figures() {}

  static Path directory() {
    return ServiceJars.findRepositoryRootQuietly()
        .map(root -> root.resolve("local-stack").resolve("target").resolve("figures"))
        .orElse(Path.of("target", "figures").toAbsolutePath());
  }

  /** Test classes that have written their file in this run: the first write starts it afresh. */
  private static final java.util.Set<Class<?>> WRITTEN = new java.util.HashSet<>();

  static synchronized void record(Class<?> test, Map<String, ?> values) {
    Path file = directory().resolve(test.getSimpleName() + ".properties");
    try {
      Files.createDirectories(file.getParent());
      java.util.Properties properties = new java.util.Properties();
      if (WRITTEN.add(test)) {
        Files.deleteIfExists(file); // figures of an earlier run must not mix with this one's
      } else if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          properties.load(in);
        }
      }
      values.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
      Map<String, String> sorted = new TreeMap<>();
      properties.stringPropertyNames().forEach(key -> sorted.put(key, properties.getProperty(key)));
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(
            "# "
                + test.getName()
                + " (written by the test; a key written again replaces its value)\n");
        for (Map.Entry<String, String> e : sorted.entrySet()) {
          out.write(e.getKey() + "=" + e.getValue() + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write figures to " + file, e);
    }
  }
}
