package vn.party.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decision table, case by case, from {@code src/test/resources/rules/*.csv}: each case names
 * the rule row(s) it must hit and the outputs it must give, and runs under every regulation it
 * lists. Together the cases hit every rule row of every table ({@link #everyRuleRowHasACase}).
 */
class DecisionTablesTest {

  /** Each case file and the kind of decision it checks. */
  static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("member-eligibility.csv", DecisionKeys.MEMBER_ELIGIBILITY);
    FILES.put("member-caps.csv", DecisionKeys.MEMBER_CAPS);
    FILES.put("member-level-score.csv", DecisionKeys.MEMBER_LEVEL);
    FILES.put("member-level-criteria.csv", DecisionKeys.MEMBER_LEVEL);
    FILES.put("organization-eligibility.csv", DecisionKeys.ORGANIZATION_ELIGIBILITY);
    FILES.put("collective-caps.csv", DecisionKeys.COLLECTIVE_CAPS);
    FILES.put("criterion-points.csv", DecisionKeys.CRITERION_POINTS);
  }

  private static final RuleBook RULES = new RuleBook();

  private static List<CaseTable> tables() {
    return FILES.entrySet().stream()
        .map(entry -> CaseTable.read(entry.getKey(), entry.getValue()))
        .toList();
  }

  @TestFactory
  Stream<DynamicNode> everyCaseHitsItsRuleAndGivesItsOutputs() {
    // One container per decision id, one test per case, named after the rule it checks.
    Map<String, List<DynamicNode>> byDecision = new LinkedHashMap<>();
    for (CaseTable table : tables()) {
      for (CaseTable.Case c : table.cases()) {
        for (Regulation regulation : c.regulations()) {
          String decisionId = DecisionKeys.id(table.kind(), regulation);
          byDecision
              .computeIfAbsent(decisionId, id -> new ArrayList<>())
              .add(dynamicTest(c.name(), () -> check(table, c, regulation)));
        }
      }
    }
    return byDecision.entrySet().stream()
        .map(entry -> dynamicContainer(entry.getKey(), entry.getValue().stream()));
  }

  private static void check(CaseTable table, CaseTable.Case c, Regulation regulation) {
    String decisionId = DecisionKeys.id(table.kind(), regulation);
    List<RuleMatch> matches = RULES.evaluate(decisionId, CaseTable.variables(c));

    String where = table.file() + ":" + c.line() + " under " + regulation.code();
    assertThat(matches.stream().map(match -> match.rule().ruleId()).toList())
        .as("rule rows matched, " + where)
        .containsExactlyElementsOf(c.ruleIds(table.kind(), regulation));
    Map<String, Object> actual = new HashMap<>();
    for (String output : c.expected().keySet()) {
      actual.put(output, matches.isEmpty() ? null : matches.get(0).outputs().get(output));
    }
    Map<String, Object> expected = new HashMap<>(c.expected());
    assertThat(actual).as("outputs (of the first match), " + where).isEqualTo(expected);
    matches.forEach(
        match ->
            assertThat(match.rule().source())
                .as("source of " + match.rule().ruleId())
                .isNotBlank());
  }

  @Test
  void everyRuleRowHasACase() {
    Set<String> covered = new TreeSet<>();
    for (CaseTable table : tables()) {
      for (CaseTable.Case c : table.cases()) {
        for (Regulation regulation : c.regulations()) {
          covered.addAll(c.ruleIds(table.kind(), regulation));
        }
      }
    }
    Set<String> rows = new TreeSet<>();
    for (Regulation regulation : Regulation.values()) {
      for (String kind : DecisionKeys.KINDS) {
        rows.addAll(DmnFiles.ruleIds(regulation, kind));
      }
    }
    assertThat(rows).as("rule rows without a case").isSubsetOf(covered);
    assertThat(covered).as("cases naming a rule row that does not exist").isSubsetOf(rows);
  }

  @Test
  void everyCaseFileIsRun() throws IOException, URISyntaxException {
    Path folder = Path.of(DecisionTablesTest.class.getClassLoader().getResource("rules").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(
              files
                  .map(path -> path.getFileName().toString())
                  .filter(name -> name.endsWith(".csv")))
          .containsExactlyInAnyOrderElementsOf(FILES.keySet());
    }
  }

  @Test
  void everyTableHasCasesUnderEveryRegulation() {
    Set<String> decisionsWithCases = new TreeSet<>();
    for (CaseTable table : tables()) {
      for (CaseTable.Case c : table.cases()) {
        c.regulations()
            .forEach(
                regulation -> decisionsWithCases.add(DecisionKeys.id(table.kind(), regulation)));
      }
    }
    assertThat(decisionsWithCases).isEqualTo(new TreeSet<>(RULES.decisionIds()));
  }
}
