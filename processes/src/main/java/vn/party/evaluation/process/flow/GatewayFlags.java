package vn.party.evaluation.process.flow;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The Booleans that only the gateway right after a step reads ({@code residenceFeedbackReceived}, {@code
 * unitAssessmentExpected}, {@code unitAssessmentReceived}): transient, so the engine keeps them neither as variables
 * nor in its history (issue 15: three rows each, repeating what the evaluation record and {@code
 * unitAssessmentStatus} already say).
 */
public final class GatewayFlags {

  private GatewayFlags() {}

  /** Sets {@code name} for the gateway after the running step, not kept beyond it. */
  public static void set(VariableScope scope, String name, boolean value) {
    scope.setVariable(name, Variables.booleanValue(value, true));
  }
}
