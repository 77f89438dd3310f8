package vn.party.evaluation.abuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a test class reports for the summary of issue 5: one {@code target/figures/<TestClass>.properties}
 * per class (of the module the test runs in), {@code key=value} lines, sorted. A summary command collects them.
 */
final class Figures {

  private Figures() {}

  /** Writes (replaces) the figures of this test class; returns the file. */
  static Path write(Class<?> testClass, Map<String, ?> figures) {
    Path directory = Path.of(System.getProperty("basedir", "."), "target", "figures");
    Path file = directory.resolve(testClass.getSimpleName() + ".properties");
    try {
      Files.createDirectories(directory);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("# figures of " + testClass.getName() + " (issue 5)\n");
        for (Map.Entry<String, ?> figure : new TreeMap<>(figures).entrySet()) {
          out.write(figure.getKey() + "=" + figure.getValue() + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
