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
  /** Decided level by member id, as recorded. */
  final Map<String, String> decidedLevels = new LinkedHashMap<>();

  void register() {
    Mocks.register(DelegateNames.RESIDENCE_FEEDBACK_LOOKUP, (JavaDelegate) this::lookUpFeedback);
    Mocks.register(DelegateNames.RESIDENCE_FEEDBACK_MISSING, (JavaDelegate) this::recordMissing);
    Mocks.register(DelegateNames.DECISION_RECORDER, (JavaDelegate) this::recordDecision);
  }

  private void lookUpFeedback(DelegateExecution execution) {
    String comment = receivedResidenceComments.get(memberId(execution));
    execution.setVariable(ProcessVariables.RESIDENCE_FEEDBACK_RECEIVED, comment != null);
    if (comment != null) {
      execution.setVariable(ProcessVariables.RESIDENCE_COMMENT, comment);
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
