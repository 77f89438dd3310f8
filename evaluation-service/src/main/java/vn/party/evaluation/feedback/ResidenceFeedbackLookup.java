package vn.party.evaluation.feedback;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.process.flow.GatewayFlags;
import vn.party.evaluation.record.EvaluationRecords;

/** Step check-residence-feedback: has the comment already arrived? Then the process does not wait for it. */
@Component("residenceFeedbackLookup")
public class ResidenceFeedbackLookup implements JavaDelegate {

  private final EvaluationRecords records;
  private final ResidenceFeedbackStore store;

  public ResidenceFeedbackLookup(EvaluationRecords records, ResidenceFeedbackStore store) {
    this.records = records;
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = year(execution);
    String memberId = memberId(execution);
    records.lock(year, memberId);
    Optional<ResidenceFeedback> feedback = store.latest(year, memberId);
    feedback.ifPresent(
        f -> {
          records.residenceFeedbackReceived(year, memberId, f.comment(), f.submittedBy());
          // kept whole in the domain tables; the engine variable gets what fits (issue 12)
          execution.setVariable(RESIDENCE_COMMENT, TextLimits.forEngine(f.comment()));
        });
    // for the gateway only (issue 15): the record says it for everyone else
    GatewayFlags.set(execution, RESIDENCE_FEEDBACK_RECEIVED, feedback.isPresent());
  }
}
