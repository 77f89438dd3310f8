package vn.party.evaluation.caps;

import static vn.party.evaluation.process.ProcessVariables.CIVIL_SERVICE_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.DISCIPLINED;
import static vn.party.evaluation.process.ProcessVariables.DISCIPLINE_SELF_DETECTED_AND_REMEDIED;
import static vn.party.evaluation.process.ProcessVariables.HEADED_UNIT_LEVEL;
import static vn.party.evaluation.process.ProcessVariables.TASKS_COMPLETED_PERCENT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.party.evaluation.rules.Level;

/**
 * What the system knows about a member's year that can cap the level: the discipline decisions, the civil-service
 * level of the latest unit assessment (null: none received, or the member has none) and, for a member who heads a
 * unit, the unit's rating (null: heads none, or the unit is not rated yet).
 */
public record KnownFacts(
    List<DisciplineDecision> disciplines,
    Level civilServiceLevel,
    Double tasksCompletedPercent,
    Level headedUnitLevel) {

  /**
   * The facts as the member-caps decision reads them: disciplined when any decision was received; the 124
   * exception only when every one of them was self-detected and remedied.
   */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>(); // null values allowed
    variables.put(DISCIPLINED, !disciplines.isEmpty());
    variables.put(
        DISCIPLINE_SELF_DETECTED_AND_REMEDIED,
        !disciplines.isEmpty()
            && disciplines.stream().allMatch(DisciplineDecision::selfDetectedAndRemedied));
    variables.put(CIVIL_SERVICE_LEVEL, civilServiceLevel == null ? null : civilServiceLevel.name());
    variables.put(TASKS_COMPLETED_PERCENT, tasksCompletedPercent);
    variables.put(HEADED_UNIT_LEVEL, headedUnitLevel == null ? null : headedUnitLevel.name());
    return variables;
  }
}
