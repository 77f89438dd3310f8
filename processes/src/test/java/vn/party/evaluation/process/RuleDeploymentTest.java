package vn.party.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.party.evaluation.rules.DecisionKeys;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.rules.RuleVariables;

/**
 * The rule files deploy to a real Camunda 7.24 engine (ids, history time to live, DMN 1.3) and
 * evaluate there as in the standalone {@code RuleBook}: what a business rule task will rely on.
 */
@Deployment(
    resources = {
      "dmn/rules-QD-366-2025.dmn",
      "dmn/rules-QD-124-2023.dmn",
      "dmn/rules-QD-132-2018.dmn"
    })
class RuleDeploymentTest {

  @RegisterExtension static final ProcessEngineExtension engine = PostgresProcessEngine.extension();

  @Test
  void everyRegulationDeploysItsDecisionsUnderTheirIds() {
    for (Regulation regulation : Regulation.values()) {
      List<String> keys =
          engine
              .getRepositoryService()
              .createDecisionDefinitionQuery()
              .decisionRequirementsDefinitionKey(DecisionKeys.definitionsId(regulation))
              .list()
              .stream()
              .map(DecisionDefinition::getKey)
              .toList();
      assertThat(keys)
          .as(regulation.code())
          .containsExactlyInAnyOrderElementsOf(
              DecisionKeys.KINDS.stream().map(kind -> DecisionKeys.id(kind, regulation)).toList());
    }
  }

  @Test
  void aDecisionIsFoundByTheRegulationVariableAlone() {
    String regulation = Regulation.QD_366_2025.code(); // the process variable's value
    DmnDecisionResult result =
        engine
            .getDecisionService()
            .evaluateDecisionByKey(DecisionKeys.MEMBER_LEVEL + "-" + regulation)
            .variables(
                Variables.createVariables()
                    .putValue(RuleVariables.SCORE, 72.5)
                    .putValue(RuleVariables.ALL_TASKS_ON_TIME, true)
                    .putValue(RuleVariables.EXCEEDING_TASKS_PERCENT, 10.0)
                    .putValue(RuleVariables.SHORTCOMINGS_REMEDIED, true)
                    .putValue(RuleVariables.NOT_COMPLETED_BELOW, 50))
            .evaluate();

    String level = result.getSingleEntry();
    assertThat(level).isEqualTo(Level.GOOD.name());
  }

  @Test
  void capsCollectEveryApplicableRowStrictestFirst() {
    DmnDecisionResult result =
        engine
            .getDecisionService()
            .evaluateDecisionByKey(
                DecisionKeys.id(DecisionKeys.MEMBER_CAPS, Regulation.QD_124_2023))
            .variables(
                Variables.createVariables()
                    .putValue(RuleVariables.DISCIPLINED, false)
                    .putValue(RuleVariables.DISCIPLINE_SELF_DETECTED_AND_REMEDIED, false)
                    .putValue(RuleVariables.CONCLUDED_DEGRADATION, false)
                    .putValue(RuleVariables.CONCLUDED_FORBIDDEN_CONDUCT, true)
                    .putValue(RuleVariables.CONCLUDED_FAILED_TO_SET_EXAMPLE, false)
                    .putValue(RuleVariables.SICK_LEAVE_MONTHS, 3.5)
                    .putValue(RuleVariables.CIVIL_SERVICE_LEVEL, null))
            .evaluate();

    assertThat(result.getResultList())
        .containsExactly(
            Map.of(
                RuleVariables.MAX_LEVEL,
                "NOT_COMPLETED",
                RuleVariables.REASON_CODE,
                "FORBIDDEN_CONDUCT"),
            Map.of(
                RuleVariables.MAX_LEVEL,
                "COMPLETED",
                RuleVariables.REASON_CODE,
                "SICK_LEAVE_3_MONTHS"));
  }
}
