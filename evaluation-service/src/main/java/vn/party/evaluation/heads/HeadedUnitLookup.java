package vn.party.evaluation.heads;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.EvaluationStatus;

/**
 * Step check-headed-unit-rating: a member who heads nothing goes on to the committee's decision; a head goes on once
 * the unit is rated (its level becomes {@code headedUnitLevel}, a member-caps input) or known not to be rated, and
 * otherwise waits for {@link UnitHeads#unitRated}.
 */
@Component("headedUnitLookup")
public class HeadedUnitLookup implements JavaDelegate {

  private final EvaluationRecords records;
  private final UnitHeads heads;

  public HeadedUnitLookup(EvaluationRecords records, UnitHeads heads) {
    this.records = records;
    this.heads = heads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String unitId = (String) execution.getVariable(HEADED_UNIT_ID);
    if (unitId == null) {
      execution.setVariable(HEADED_UNIT_RATED, true);
      return;
    }
    int year = year(execution);
    String memberId = memberId(execution);
    records.lock(year, memberId); // serialises with UnitHeads.unitRated
    Optional<UnitHeads.UnitOutcome> outcome = heads.outcome(year, unitId);
    execution.setVariable(HEADED_UNIT_RATED, outcome.isPresent());
    if (outcome.isPresent()) {
      execution.setVariable(HEADED_UNIT_LEVEL, outcome.get().level());
    } else {
      records.status(year, memberId, EvaluationStatus.WAITING_UNIT_RATING);
    }
  }
}
