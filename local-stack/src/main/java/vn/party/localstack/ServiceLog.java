package vn.party.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The log file of a {@link ServiceProcess} (its stdout and stderr, appended over restarts): the banner written
 * before each start, and what a failure shows of it (the tail, the error lines).
 */
final class ServiceLog {

  private final Path file;

  ServiceLog(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** Appends the line that opens one run of the service: when, which service, its command. */
  void appendStartBanner(String name, List<String> command) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        System.lineSeparator()
            + "===== "
            + OffsetDateTime.now()
            + " starting "
            + name
            + ": "
            + String.join(" ", command)
            + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The last {@code lines} lines (a note if there is no log yet or it cannot be read). */
  String tail(int lines) {
    if (!Files.exists(file)) {
      return "(no log file " + file + ")";
    }
    Deque<String> tail = new ArrayDeque<>(lines);
    try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
      all.forEach(
          line -> {
            if (tail.size() == lines) {
              tail.removeFirst();
            }
            tail.addLast(line);
          });
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
    return String.join(System.lineSeparator(), tail);
  }

  /**
   * What to show when the service failed: the log's error lines (exceptions, "Caused by", Spring Boot's failure
   * analysis, ERROR entries; a stack trace's frames are left out) and then its last lines.
   */
  String diagnostics() {
    List<String> key = new ArrayList<>();
    if (Files.exists(file)) {
      try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
        all.filter(ServiceLog::isKeyLine)
            .forEach(
                line -> {
                  if (key.isEmpty() || !key.get(key.size() - 1).equals(line)) {
                    key.add(line);
                  }
                });
      } catch (IOException | UncheckedIOException e) {
        // the tail below says why
      }
    }
    StringBuilder b = new StringBuilder("Log: ").append(file).append('\n');
    if (!key.isEmpty()) {
      b.append("Error lines:\n")
          .append(
              String.join(
                  System.lineSeparator(), key.subList(Math.max(0, key.size() - 25), key.size())))
          .append('\n');
    }
    return b.append("Last lines:\n").append(tail(40)).toString();
  }

  static boolean isKeyLine(String line) {
    String t = line.strip();
    return t.startsWith("Caused by:")
        || t.startsWith("Exception in thread")
        || t.contains(" ERROR ")
        || t.startsWith("APPLICATION FAILED TO START")
        || t.startsWith("Description:")
        || t.startsWith("Action:")
        || t.startsWith("Reason:")
        || (!t.startsWith("at ") && t.matches("^[\\w.$]+(Exception|Error)(: .*)?$"));
  }

  /** The whole log as text (empty if there is none yet). */
  String text() {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
