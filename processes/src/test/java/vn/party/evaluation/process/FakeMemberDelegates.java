package vn.party.evaluation.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Test stand-ins for the delegates member-evaluation needs, each doing what the README asks of
 * the real one, with memory instead of a database.
 */
final class FakeMemberDelegates {

  /** Residence comments that have already arrived, by member id (the test puts them here). */
  final Map<String, String> receivedResidenceComments = new HashMap<>();

  /** Members whose residence comment was recorded as missing. */
  final List<String> missingFeedback = new ArrayList<>();

  /** Members holding a civil-service post: their unit assessment is expected. */
  final java.util.Set<String> civilServants = new java.util.HashSet<>();

  /** Unit assessments that have already arrived: the unit's comment by member id. */
  final Map<String, String> receivedUnitComments = new HashMap<>();

  /** Members whose unit assessment was recorded as missing. */
  final List<String> missingUnitAssessments = new ArrayList<>();

  /** Units already rated: level by unit id (null: known not to be rated). */
  final Map<String, String> ratedUnits = new HashMap<>();

  /** Decided level by member id, as recorded. */
  final Map<String, String> decidedLevels = new LinkedHashMap<>();

  void register() {
    Mocks.register(DelegateNames.RESIDENCE_FEEDBACK_LOOKUP, (JavaDelegate) this::lookUpFeedback);
    Mocks.register(DelegateNames.RESIDENCE_FEEDBACK_MISSING, (JavaDelegate) this::recordMissing);
    Mocks.register(DelegateNames.UNIT_ASSESSMENT_LOOKUP, (JavaDelegate) this::lookUpUnitAssessment);
    Mocks.register(
        DelegateNames.UNIT_ASSESSMENT_MISSING,
        (JavaDelegate) execution -> missingUnitAssessments.add(memberId(execution)));
    Mocks.register(DelegateNames.HEADED_UNIT_LOOKUP, (JavaDelegate) this::lookUpHeadedUnit);
    Mocks.register(DelegateNames.DECISION_RECORDER, (JavaDelegate) this::recordDecision);
    MemberFixtures.registerCampaignBeans();
  }

  private void lookUpFeedback(DelegateExecution execution) {
    String comment = receivedResidenceComments.get(memberId(execution));
    execution.setVariable(ProcessVariables.RESIDENCE_FEEDBACK_RECEIVED, comment != null);
    if (comment != null) {
      execution.setVariable(ProcessVariables.RESIDENCE_COMMENT, comment);
    }
  }

  private void lookUpUnitAssessment(DelegateExecution execution) {
    String comment = receivedUnitComments.get(memberId(execution));
    execution.setVariable(
        ProcessVariables.UNIT_ASSESSMENT_EXPECTED, civilServants.contains(memberId(execution)));
    execution.setVariable(ProcessVariables.UNIT_ASSESSMENT_RECEIVED, comment != null);
    if (comment != null) {
      execution.setVariable(ProcessVariables.UNIT_COMMENT, comment);
    }
  }

  /** A member who heads nothing passes; a head passes once the unit's rating is known. */
  private void lookUpHeadedUnit(DelegateExecution execution) {
    String unit = (String) execution.getVariable(ProcessVariables.HEADED_UNIT_ID);
    boolean known = unit == null || ratedUnits.containsKey(unit);
    execution.setVariable(ProcessVariables.HEADED_UNIT_RATED, known);
    if (unit != null && known) {
      execution.setVariable(ProcessVariables.HEADED_UNIT_LEVEL, ratedUnits.get(unit));
    }
  }

  private void recordMissing(DelegateExecution execution) {
    missingFeedback.add(memberId(execution));
  }

  private void recordDecision(DelegateExecution execution) {
    decidedLevels.put(
        memberId(execution), (String) execution.getVariable(ProcessVariables.DECIDED_LEVEL));
  }

  private static String memberId(DelegateExecution execution) {
    return (String) execution.getVariable(ProcessVariables.MEMBER_ID);
  }
}
