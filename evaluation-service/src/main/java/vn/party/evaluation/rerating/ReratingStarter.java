package vn.party.evaluation.rerating;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationStatus;
import vn.party.evaluation.security.Actors;

/**
 * A discipline decision for a year whose evaluation is final starts a re-rating (xếp loại lại) by the grassroots
 * committee: its own process and decision record, the original result left as it was.
 */
@Component
public class ReratingStarter {

  private static final Logger log = LoggerFactory.getLogger(ReratingStarter.class);

  private final RuntimeService runtimeService;
  private final Reratings reratings;
  private final Timeline timeline;

  public ReratingStarter(RuntimeService runtimeService, Reratings reratings, Timeline timeline) {
    this.runtimeService = runtimeService;
    this.reratings = reratings;
    this.timeline = timeline;
  }

  /**
   * Called in the transaction that stored the discipline decision, holding the evaluation's row lock.
   *
   * @return whether a re-rating was started (false: the evaluation is not final, or this decision already did)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean onDiscipline(EvaluationRecord evaluation, String decisionId, String regulation) {
    if (evaluation.status() != EvaluationStatus.DECIDED
        || evaluation.decidedLevel() == null
        || reratings.exists(evaluation.year(), evaluation.memberId(), decisionId)) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(YEAR, evaluation.year());
    variables.put(MEMBER_ID, evaluation.memberId());
    variables.put(MEMBER_NAME, evaluation.memberName());
    variables.put(ORGANIZATION_ID, evaluation.organizationId());
    variables.put(BRANCH_ID, evaluation.branchId());
    variables.put(REGULATION, regulation);
    variables.put(ORIGINAL_LEVEL, evaluation.decidedLevel());
    variables.put(DISCIPLINE_DECISION_ID, decisionId);
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            ProcessKeys.MEMBER_RERATING,
            BusinessKeys.rerating(evaluation.year(), evaluation.memberId(), decisionId),
            variables);
    reratings.start(
        evaluation.year(),
        evaluation.memberId(),
        decisionId,
        instance.getId(),
        evaluation.decidedLevel());
    timeline.record(
        evaluation.year(),
        evaluation.memberId(),
        TimelineKind.RERATING_STARTED,
        null,
        null,
        Actors.SYSTEM,
        Map.of(
            "disciplineDecisionId",
            decisionId,
            "originalLevel",
            evaluation.decidedLevel(),
            "processInstanceId",
            instance.getId()));
    log.info(
        "re-rating of {}/{} started for discipline decision {}",
        evaluation.year(),
        evaluation.memberId(),
        decisionId);
    return true;
  }
}
