package vn.party.evaluation.caps;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.caps.MemberFactStore.AssessmentCheck;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.process.flow.GatewayFlags;
import vn.party.evaluation.record.EvaluationRecords;

/**
 * Step check-unit-assessment: is the unit leadership's assessment expected at all (the member holds a civil-service
 * post, {@code party_member.civil_servant}), and has it already arrived? Then the process does not wait for it. Both
 * read in one statement ({@link MemberFactStore#assessmentCheck}).
 */
@Component("unitAssessmentLookup")
public class UnitAssessmentLookup implements JavaDelegate {

  private final EvaluationRecords records;
  private final MemberFactStore store;

  public UnitAssessmentLookup(EvaluationRecords records, MemberFactStore store) {
    this.records = records;
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = year(execution);
    String memberId = memberId(execution);
    records.lock(
        year,
        memberId); // serialises with the consumer: an assessment cannot slip between check and wait
    AssessmentCheck check = store.assessmentCheck(year, memberId);
    Optional<UnitAssessment> assessment = check.latest();
    // an assessment that came anyway is used even for a member not marked as a civil servant
    boolean expected = check.civilServant() || assessment.isPresent();
    assessment.ifPresent(
        a -> {
          records.unitAssessmentReceived(year, memberId, a.comment(), a.assessedBy());
          // kept whole on the evaluation record; the engine variable gets what fits (issue 12)
          execution.setVariable(UNIT_COMMENT, TextLimits.forEngine(a.comment()));
        });
    if (!expected) {
      records.unitAssessmentNotReceived(year, memberId, "NOT_EXPECTED");
    }
    // for the gateway only (issue 15): unitAssessmentStatus says both to everyone else
    GatewayFlags.set(execution, UNIT_ASSESSMENT_EXPECTED, expected);
    GatewayFlags.set(execution, UNIT_ASSESSMENT_RECEIVED, assessment.isPresent());
    execution.setVariable(
        UNIT_ASSESSMENT_STATUS,
        assessment.isPresent() ? "RECEIVED" : expected ? "PENDING" : "NOT_EXPECTED");
  }
}
