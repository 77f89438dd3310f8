package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.MemberFacts;
import vn.party.evaluation.rules.ReasonCode;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.rules.RuleVariables;

/** The process variables behind the caps are the member-caps decision's own inputs, read as it reads them. */
class LevelCapInputsTest {

  @Test
  void theFactVariablesAreTheDecisionsInputs() {
    assertThat(LevelCaps.INPUTS)
        .containsExactly(
            "regulation",
            RuleVariables.DISCIPLINED,
            RuleVariables.DISCIPLINE_SELF_DETECTED_AND_REMEDIED,
            RuleVariables.CIVIL_SERVICE_LEVEL,
            RuleVariables.TASKS_COMPLETED_PERCENT,
            RuleVariables.HEADED_UNIT_LEVEL,
            RuleVariables.SICK_LEAVE_MONTHS,
            RuleVariables.CONCLUDED_DEGRADATION,
            RuleVariables.CONCLUDED_FORBIDDEN_CONDUCT,
            RuleVariables.CONCLUDED_FAILED_TO_SET_EXAMPLE);
    assertThat(LevelCaps.INPUTS)
        .containsAll(LevelCaps.SYSTEM_FACTS)
        .containsAll(LevelCaps.BRANCH_FACTS);
  }

  @Test
  void unknownOrUnusableValuesCountAsNotKnown() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("disciplined", "true");
    variables.put("sickLeaveMonths", 40);
    variables.put("civilServiceLevel", "BEST");
    variables.put("headedUnitLevel", "FIRST");
    variables.put("concludedDegradation", null);

    assertThat(LevelCaps.facts(variables))
        .isEqualTo(MemberFacts.builder().monthsSinceAdmission(12).build());
  }

  @Test
  void theFactsAreReadAsGiven() {
    MemberFacts facts =
        LevelCaps.facts(
            Map.of(
                "disciplined",
                true,
                "disciplineSelfDetectedAndRemedied",
                true,
                "sickLeaveMonths",
                3.5,
                "civilServiceLevel",
                "GOOD",
                "concludedFailedToSetExample",
                true,
                "headedUnitLevel",
                "COMPLETED"));

    assertThat(facts.disciplined()).isTrue();
    assertThat(facts.disciplineSelfDetectedAndRemedied()).isTrue();
    assertThat(facts.sickLeaveMonths()).isEqualTo(3.5);
    assertThat(facts.civilServiceLevel()).isEqualTo(Level.GOOD);
    assertThat(facts.concludedFailedToSetExample()).isTrue();
    assertThat(facts.concludedDegradation()).isFalse();
    assertThat(facts.headedUnitLevel()).isEqualTo(Level.COMPLETED);
  }

  @Test
  void everyCapThatAppliesStrictestFirstAndNoneWithoutARegulation() {
    RuleBook rules = new RuleBook();
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "sickLeaveMonths", 4, "civilServiceLevel", "GOOD", "concludedDegradation", true));

    assertThat(LevelCaps.caps(rules, variables)).isEmpty();

    variables.put("regulation", "QD-124-2023");
    assertThat(LevelCaps.caps(rules, variables))
        .extracting(cap -> cap.reason())
        .containsExactly(
            ReasonCode.DEGRADATION, ReasonCode.SICK_LEAVE_3_MONTHS, ReasonCode.CIVIL_SERVICE_LEVEL);
    assertThat(LevelCaps.strictest(rules, variables))
        .get()
        .extracting(cap -> cap.maxLevel())
        .isEqualTo(Level.NOT_COMPLETED);
  }
}
