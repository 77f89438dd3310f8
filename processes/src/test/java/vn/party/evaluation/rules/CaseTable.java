package vn.party.evaluation.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of one decision kind, read from {@code src/test/resources/rules/*.csv}: semicolon
 * separated, {@code #} comments, a header row of {@code rules; regulations; description}, the
 * input variables, then the expected outputs as {@code =name}.
 *
 * <p>Values: {@code true}/{@code false} → Boolean, {@code null} → null, {@code 12} → Integer,
 * {@code 12.5} → Double, anything else → String.
 */
record CaseTable(String file, String kind, List<Case> cases) {

  /** One row: the rule rows it must hit (in order), for which regulations, with what. */
  record Case(
      int line,
      List<String> rules,
      List<Regulation> regulations,
      String description,
      Map<String, Object> inputs,
      Map<String, Object> expected) {

    /** The rule ids this case must hit under a regulation. */
    List<String> ruleIds(String kind, Regulation regulation) {
      String decisionId = DecisionKeys.id(kind, regulation);
      return rules.stream().map(rule -> decisionId + "-" + rule).toList();
    }

    String name() {
      return String.join(" + ", rules.isEmpty() ? List.of("(no rule)") : rules)
          + " — "
          + description;
    }
  }

  static CaseTable read(String file, String kind) {
    String text;
    try (InputStream in = CaseTable.class.getClassLoader().getResourceAsStream("rules/" + file)) {
      if (in == null) {
        throw new IllegalStateException("No test resource rules/" + file);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> cases = new ArrayList<>();
    String[] header = null;
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(";", -1);
      if (header == null) {
        header = cells;
        if (!header[0].equals("rules")
            || !header[1].equals("regulations")
            || !header[2].equals("description")) {
          throw new IllegalStateException(
              file + ": header must start with rules;regulations;description");
        }
        continue;
      }
      if (cells.length != header.length) {
        throw new IllegalStateException(
            file + ":" + (i + 1) + ": " + cells.length + " cells, header has " + header.length);
      }
      Map<String, Object> inputs = new LinkedHashMap<>();
      Map<String, Object> expected = new LinkedHashMap<>();
      for (int c = 3; c < header.length; c++) {
        Object value = value(cells[c].strip());
        if (header[c].startsWith("=")) {
          expected.put(header[c].substring(1), value);
        } else {
          inputs.put(header[c], value);
        }
      }
      String rules = cells[0].strip();
      String regulations = cells[1].strip();
      cases.add(
          new Case(
              i + 1,
              rules.equals("-") ? List.of() : Arrays.asList(rules.split("\\s+")),
              regulations.equals("*")
                  ? List.of(Regulation.values())
                  : Arrays.stream(regulations.split("\\s+")).map(Regulation::fromCode).toList(),
              cells[2].strip(),
              inputs,
              expected));
    }
    return new CaseTable(file, kind, cases);
  }

  private static Object value(String cell) {
    if (cell.equals("null") || cell.isEmpty()) {
      return null;
    }
    if (cell.equals("true") || cell.equals("false")) {
      return Boolean.valueOf(cell);
    }
    if (cell.matches("-?\\d+")) {
      return Integer.valueOf(cell);
    }
    if (cell.matches("-?\\d+\\.\\d+")) {
      return Double.valueOf(cell);
    }
    return cell;
  }

  /** The inputs as a variable map (null values kept). */
  static Map<String, Object> variables(Case c) {
    return new HashMap<>(c.inputs());
  }
}
