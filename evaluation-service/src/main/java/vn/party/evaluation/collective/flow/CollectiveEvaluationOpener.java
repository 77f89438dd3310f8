package vn.party.evaluation.collective.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.collective.CollectiveCapService;
import vn.party.evaluation.collective.CollectiveEvaluation;
import vn.party.evaluation.collective.CollectiveEvaluations;
import vn.party.evaluation.process.CollectiveKind;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.Actors;

/**
 * Step open-collective-evaluation: who writes the self-review and who rates — a branch: its branch committee, then
 * the grassroots committee; the organization: the grassroots committee, then the committee above it — and the
 * collective caps as the stored facts give them now.
 */
@Component("collectiveEvaluationOpener")
public class CollectiveEvaluationOpener implements JavaDelegate {

  private final CollectiveEvaluations evaluations;
  private final CollectiveCapService caps;
  private final Timeline timeline;

  public CollectiveEvaluationOpener(
      CollectiveEvaluations evaluations, CollectiveCapService caps, Timeline timeline) {
    this.evaluations = evaluations;
    this.caps = caps;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = year(execution);
    String collectiveId = (String) execution.getVariable(COLLECTIVE_ID);
    String organizationId = (String) execution.getVariable(ORGANIZATION_ID);
    CollectiveKind kind =
        CollectiveKind.parse((String) execution.getVariable(COLLECTIVE_KIND))
            .orElseThrow(
                () -> new IllegalStateException("collectiveKind must be BRANCH or ORGANIZATION"));
    CollectiveEvaluation evaluation =
        evaluations
            .find(year, collectiveId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "collective " + collectiveId + " not enrolled for " + year));
    boolean branch = kind == CollectiveKind.BRANCH;
    String reviewers =
        branch
            ? Groups.branchCommittee(collectiveId)
            : Groups.organizationCommittee(organizationId);
    String raters =
        branch
            ? Groups.organizationCommittee(organizationId)
            : Groups.superiorCommittee(organizationId);
    execution.setVariable(COLLECTIVE_NAME, evaluation.name());
    execution.setVariable(COLLECTIVE_REVIEWER_GROUP, reviewers);
    execution.setVariable(COLLECTIVE_RATER_GROUP, raters);
    evaluations.opened(year, collectiveId, execution.getProcessInstanceId());
    timeline.record(
        year,
        CollectiveEvaluation.timelineSubject(collectiveId),
        TimelineKind.COLLECTIVE_RATING_STARTED,
        null,
        null,
        Actors.SYSTEM, // the process opened it, whoever's step led to it
        Map.of("kind", kind.name(), "reviewers", reviewers, "raters", raters));
    caps.refresh(execution, "collective-rating-started");
  }
}
