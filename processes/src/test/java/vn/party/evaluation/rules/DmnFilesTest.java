package vn.party.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DMN files as documents: one per regulation with the full set of decisions, every rule row
 * citing its source, outputs within the Java enums, inputs named as in {@link RuleVariables}.
 */
class DmnFilesTest {

  /** The regulation's own documents; a row's source must name at least one of them. */
  private static final Map<Regulation, List<String>> DOCUMENTS =
      Map.of(
          Regulation.QD_366_2025, List.of("366-QĐ/TW", "43-HD/BTCTW"),
          Regulation.QD_124_2023, List.of("124-QĐ/TW", "25-HD/BTCTW"),
          Regulation.QD_132_2018, List.of("132-QĐ/TW", "16-HD/BTCTW", "21-HD/BTCTW"));

  private static final Map<String, HitPolicy> HIT_POLICIES =
      Map.of(
          DecisionKeys.MEMBER_ELIGIBILITY, HitPolicy.FIRST,
          DecisionKeys.MEMBER_CAPS, HitPolicy.RULE_ORDER,
          DecisionKeys.MEMBER_LEVEL, HitPolicy.FIRST,
          DecisionKeys.ORGANIZATION_ELIGIBILITY, HitPolicy.UNIQUE,
          DecisionKeys.COLLECTIVE_CAPS, HitPolicy.RULE_ORDER,
          DecisionKeys.CRITERION_POINTS, HitPolicy.UNIQUE);

  private static final Pattern QUOTED_NAME = Pattern.compile("\"([A-Z_0-9]+)\"");

  @ParameterizedTest
  @EnumSource(Regulation.class)
  void eachRegulationHasOneFileWithTheFullSetOfDecisions(Regulation regulation) {
    DmnModelInstance model = DmnFiles.model(regulation);

    assertThat(model.getDefinitions().getId()).isEqualTo(DecisionKeys.definitionsId(regulation));
    assertThat(model.getDefinitions().getName()).contains(DOCUMENTS.get(regulation).get(0));
    assertThat(model.getModelElementsByType(Decision.class).stream().map(Decision::getId))
        .containsExactlyInAnyOrderElementsOf(
            DecisionKeys.KINDS.stream().map(kind -> DecisionKeys.id(kind, regulation)).toList());
    assertThat(DecisionKeys.id(DecisionKeys.MEMBER_LEVEL, regulation))
        .isEqualTo("member-level-" + regulation.code());
  }

  @ParameterizedTest
  @EnumSource(Regulation.class)
  void everyRuleRowCitesItsSource(Regulation regulation) {
    List<String> missing = new ArrayList<>();
    for (Rule rule : DmnFiles.model(regulation).getModelElementsByType(Rule.class)) {
      String source =
          rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip();
      boolean cites =
          source.startsWith("Nguồn:")
              && DOCUMENTS.get(regulation).stream().anyMatch(source::contains);
      if (!cites) {
        missing.add(rule.getId() + ": '" + source + "'");
      }
    }
    assertThat(missing)
        .as(
            "rule rows whose annotation does not start with 'Nguồn:' and name a document of "
                + regulation.code())
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Regulation.class)
  void everyDecisionIsDescribedKeepsHistoryAndHasItsHitPolicy(Regulation regulation) {
    for (String kind : DecisionKeys.KINDS) {
      Decision decision = DmnFiles.decision(regulation, kind);
      assertThat(decision.getDescription()).as(decision.getId()).isNotNull();
      assertThat(decision.getDescription().getTextContent()).as(decision.getId()).isNotBlank();
      // Camunda 7 refuses to deploy a decision without a history time to live (enforced by
      // default).
      assertThat(decision.getCamundaHistoryTimeToLiveString())
          .as(decision.getId())
          .isEqualTo("P3650D");
      assertThat(DmnFiles.table(decision).getHitPolicy())
          .as(decision.getId())
          .isEqualTo(HIT_POLICIES.get(kind));
    }
  }

  @ParameterizedTest
  @EnumSource(Regulation.class)
  void ruleIdsAreTheDecisionIdAndARuleName(Regulation regulation) {
    for (String kind : DecisionKeys.KINDS) {
      String decisionId = DecisionKeys.id(kind, regulation);
      assertThat(DmnFiles.ruleIds(regulation, kind))
          .as(decisionId)
          .isNotEmpty()
          .allSatisfy(
              id -> assertThat(id).matches(Pattern.quote(decisionId) + "-[a-z0-9]+(-[a-z0-9]+)*"))
          .doesNotHaveDuplicates();
    }
  }

  @ParameterizedTest
  @EnumSource(Regulation.class)
  void outputsAreValuesOfTheJavaEnums(Regulation regulation) {
    Map<String, Predicate<String>> known =
        Map.of(
            RuleVariables.LEVEL, name -> Level.parse(name).isPresent(),
            RuleVariables.MAX_LEVEL, name -> Level.parse(name).isPresent(),
            RuleVariables.REASON_CODE, name -> ReasonCode.parse(name).isPresent(),
            RuleVariables.FORM_KIND, name -> FormKind.parse(name).isPresent());
    for (String kind : DecisionKeys.KINDS) {
      DecisionTable table = DmnFiles.table(DmnFiles.decision(regulation, kind));
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      for (Rule rule : table.getRules()) {
        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
        for (int i = 0; i < outputs.size(); i++) {
          String name = outputs.get(i).getName();
          String text = entries.get(i).getText().getTextContent().strip();
          String where = rule.getId() + " output " + name;
          if (name.equals(RuleVariables.MAX_POINTS)) {
            assertThat(text).as(where + ": whole points or null").matches("null|\\d+");
          } else if (name.equals(RuleVariables.RATED)) {
            assertThat(text).as(where).isIn("true", "false");
          } else if (name.equals(RuleVariables.FORM_KIND) && text.isEmpty()) {
            continue; // no form for a member who is not rated
          } else {
            assertThat(known).as("known output " + where).containsKey(name);
            var matcher = QUOTED_NAME.matcher(text);
            assertThat(matcher.matches()).as(where + " is a quoted name: " + text).isTrue();
            assertThat(known.get(name).test(matcher.group(1)))
                .as(where + " value " + text)
                .isTrue();
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Regulation.class)
  void capsAreListedStrictestFirstAndNonePermitsEveryLevel(Regulation regulation) {
    for (String kind : List.of(DecisionKeys.MEMBER_CAPS, DecisionKeys.COLLECTIVE_CAPS)) {
      capsAreListedStrictestFirst(DmnFiles.table(DmnFiles.decision(regulation, kind)));
    }
  }

  private static void capsAreListedStrictestFirst(DecisionTable table) {
    List<Integer> strictness = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      String text = rule.getOutputEntries().iterator().next().getText().getTextContent().strip();
      Level level = Level.valueOf(text.replace("\"", ""));
      assertThat(level)
          .as(rule.getId() + ": a cap that allows EXCELLENT caps nothing")
          .isNotEqualTo(Level.EXCELLENT);
      strictness.add(level.ordinal());
    }
    assertThat(strictness)
        .as("caps from strictest (NOT_COMPLETED) to loosest")
        .isSortedAccordingTo((a, b) -> b - a);
  }

  @ParameterizedTest
  @EnumSource(Regulation.class)
  void inputsAreBareVariablesNamedInRuleVariables(Regulation regulation)
      throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Field field : RuleVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    for (Input input : DmnFiles.model(regulation).getModelElementsByType(Input.class)) {
      String expression = input.getInputExpression().getText().getTextContent().strip();
      assertThat(names).as(input.getId()).contains(expression);
      assertThat(input.getLabel()).as(input.getId() + " label").isNotBlank();
    }
    assertThat(
            DmnFiles.model(regulation).getModelElementsByType(Rule.class).stream()
                .map(Rule::getId)
                .collect(Collectors.toSet()))
        .hasSameSizeAs(DmnFiles.model(regulation).getModelElementsByType(Rule.class));
  }
}
