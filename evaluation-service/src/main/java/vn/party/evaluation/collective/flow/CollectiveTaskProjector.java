package vn.party.evaluation.collective.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.caps.CapRefusals;
import vn.party.evaluation.collective.CollectiveCapService;
import vn.party.evaluation.collective.CollectiveEvaluation;
import vn.party.evaluation.collective.CollectiveEvaluations;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.flow.CompletionRulesInEngine;
import vn.party.evaluation.process.validation.CollectiveCaps;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.rules.CollectiveFacts;
import vn.party.evaluation.security.Actors;

/**
 * Projects the user tasks of {@code collective-evaluation} into the collective's record and timeline, inside the
 * engine's transaction (like {@code review.TaskLifecycleProjector} for members): the caps refreshed at each task, the
 * self-review stored, a return recorded with its reason.
 */
@Component
public class CollectiveTaskProjector {

  private final CollectiveEvaluations evaluations;
  private final CollectiveCapService caps;
  private final Timeline timeline;
  private final Actors actors;
  private final CapRefusals capRefusals;

  public CollectiveTaskProjector(
      CollectiveEvaluations evaluations,
      CollectiveCapService caps,
      Timeline timeline,
      Actors actors,
      CapRefusals capRefusals) {
    this.evaluations = evaluations;
    this.caps = caps;
    this.timeline = timeline;
    this.actors = actors;
    this.capRefusals = capRefusals;
  }

  @EventListener
  public void on(DelegateTask task) {
    if (task.getVariable(COLLECTIVE_ID) == null || task.getVariable(MEMBER_ID) != null) {
      return; // not a collective's rating
    }
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> created(task);
      case TaskListener.EVENTNAME_COMPLETE -> completed(task);
      default -> {}
    }
  }

  private void created(DelegateTask task) {
    int year = year(task);
    String collectiveId = (String) task.getVariable(COLLECTIVE_ID);
    evaluations.status(
        year,
        collectiveId,
        ProcessKeys.COLLECTIVE_SELF_REVIEW.equals(task.getTaskDefinitionKey())
            ? "SELF_REVIEW"
            : "DECISION");
    caps.refresh(task.getExecution(), task.getTaskDefinitionKey());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskName", task.getName());
    details.put(
        "candidateGroup",
        task.getCandidates().stream()
            .filter(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId())
            .findFirst()
            .orElse(null));
    timeline.record(
        year,
        CollectiveEvaluation.timelineSubject(collectiveId),
        TimelineKind.TASK_CREATED,
        task.getTaskDefinitionKey(),
        task.getId(),
        Actors.SYSTEM, // the process made the task, whoever's step led to it
        details);
  }

  private void completed(DelegateTask task) {
    int year = year(task);
    String collectiveId = (String) task.getVariable(COLLECTIVE_ID);
    String subject = CollectiveEvaluation.timelineSubject(collectiveId);
    String actor = actors.current();
    // this listener runs before the BPMN's own: refuse before recording, once per completion
    // (CompletionCheck: the domain API checked already; the BPMN's validator is told it passed)
    CompletionRulesInEngine.check(
        task,
        true,
        fieldErrors -> {
          if (CapRefusals.anyAboveCap(fieldErrors)) {
            capRefusals.record(
                year,
                subject,
                task.getTaskDefinitionKey(),
                task.getId(),
                actor,
                fieldErrors,
                task.getVariables());
          }
        });
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : TaskCompletionRules.fields(task.getTaskDefinitionKey())) {
      values.put(field, task.getVariable(field));
    }
    timeline.record(
        year,
        subject,
        TimelineKind.TASK_COMPLETED,
        task.getTaskDefinitionKey(),
        task.getId(),
        actor,
        values);
    if (ProcessKeys.COLLECTIVE_SELF_REVIEW.equals(task.getTaskDefinitionKey())) {
      // the task results as the caps read them (null: not stated), so the record shows what bound
      // the decision
      CollectiveFacts facts = CollectiveCaps.facts(task.getVariables());
      evaluations.selfReviewed(
          year,
          collectiveId,
          (String) task.getVariable(STRENGTHS),
          (String) task.getVariable(LIMITATIONS),
          (String) task.getVariable(REMEDIAL_MEASURES),
          (String) task.getVariable(SELF_PROPOSED_LEVEL),
          facts.allTasksDone(),
          facts.lateTasksPercent(),
          actor);
    } else if (Decision.RETURN.name().equals(task.getVariable(DECISION))) {
      timeline.record(
          year,
          subject,
          TimelineKind.CASE_RETURNED,
          task.getTaskDefinitionKey(),
          task.getId(),
          actor,
          Map.of("reason", String.valueOf(task.getVariable(DECISION_COMMENT))));
    }
  }
}
