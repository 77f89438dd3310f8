package vn.party.evaluation.caps.flow;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.TextLimits;

/**
 * The engine calls of keeping a running evaluation's caps up to date when a fact arrives ({@code LevelCapService}),
 * and of telling it that its unit assessment arrived ({@code MemberFactService}), so that the services import nothing
 * from the engine.
 */
@Component
public class RunningEvaluations {

  private final RuntimeService runtimeService;

  public RunningEvaluations(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The named variables of the evaluation's process, if it is still running. */
  public Optional<Map<String, Object>> variables(
      String processInstanceId, Collection<String> names) {
    if (processInstanceId == null
        || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()
            == 0) {
      return Optional.empty();
    }
    return Optional.of(runtimeService.getVariables(processInstanceId, names));
  }

  /** Sets variables of the evaluation's process. */
  public void setVariables(String processInstanceId, Map<String, Object> variables) {
    runtimeService.setVariables(processInstanceId, variables);
  }

  /**
   * Tells the member's evaluation that the unit's assessment arrived: the comment (what fits, issue 12; the record
   * keeps it whole) and the status {@code RECEIVED}, to every instance waiting for it. Nothing waits yet before the
   * lookup step, which then finds the stored assessment.
   */
  public void unitAssessmentReceived(int year, String memberId, String comment) {
    runtimeService
        .createMessageCorrelation(ProcessKeys.MESSAGE_UNIT_ASSESSMENT_RECEIVED)
        .processInstanceBusinessKey(BusinessKeys.member(year, memberId))
        .setVariable(ProcessVariables.UNIT_COMMENT, TextLimits.forEngine(comment))
        .setVariable(ProcessVariables.UNIT_ASSESSMENT_STATUS, "RECEIVED")
        .correlateAll();
  }
}
