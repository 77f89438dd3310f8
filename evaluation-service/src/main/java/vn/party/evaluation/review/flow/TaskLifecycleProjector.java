package vn.party.evaluation.review.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.EvaluationProperties;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.BranchVote;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.EvaluationStatus;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.security.Actors;
import vn.party.evaluation.selfreview.RequiredSections;
import vn.party.evaluation.task.flow.TaskAssigned;
import vn.party.evaluation.task.flow.TaskEngine;

/**
 * Projects the engine's user-task lifecycle of {@code member-evaluation} into the domain: the evaluation record,
 * its append-only timeline and the outgoing events, for a task created or assigned. A completion is the task kind's
 * command's ({@code completion.Completions}, reached at every door). Runs inside the engine's transaction (Spring eventing bridge,
 * not skippable), so the three always agree with the process state.
 */
@Component
public class TaskLifecycleProjector {

  private final EvaluationRecords records;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final Actors actors;
  private final EvaluationProperties properties;
  private final Map<String, Object> voteRule;
  private final Map<String, Object> sectionMinimums;

  public TaskLifecycleProjector(
      EvaluationRecords records,
      Timeline timeline,
      Outbox outbox,
      People people,
      Actors actors,
      EvaluationProperties properties,
      RuleBook rules,
      RequiredSections sections) {
    this.sectionMinimums = sections.taskVariables();
    this.voteRule = BranchVote.ruleVariables(rules.settings());
    this.records = records;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.actors = actors;
    this.properties = properties;
  }

  @EventListener
  public void on(DelegateTask task) {
    if (task.getVariable(MEMBER_ID) == null || task.getVariable(YEAR) == null) {
      return; // not a member's evaluation
    }
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> created(task);
      case TaskListener.EVENTNAME_ASSIGNMENT -> assigned(task);
      default -> {}
    }
  }

  private void created(DelegateTask task) {
    // settings the completion rules read at every door, task-local (engine REST cannot send them):
    // the configured
    // vote rule of the branch review, the minimum lengths of the self-criticism's sections
    String taskKey = task.getTaskDefinitionKey();
    Map<String, Object> settings =
        ProcessKeys.BRANCH_REVIEW.equals(taskKey)
            ? voteRule
            : ProcessKeys.SELF_REVIEW.equals(taskKey) ? sectionMinimums : null;
    if (settings != null && !settings.isEmpty()) {
      task.setVariablesLocal(settings);
    }
    int year = year(task);
    String memberId = memberId(task);
    String candidateGroup = TaskEngine.candidateGroup(task);
    EvaluationStatus status = statusWhileOpen(taskKey);
    if (status != null) {
      records.status(year, memberId, status);
    }

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskName", task.getName());
    details.put("assignee", task.getAssignee());
    details.put("candidateGroup", candidateGroup);
    details.put(
        "dueDate", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString());
    timeline.record(
        year,
        memberId,
        TimelineKind.TASK_CREATED,
        task.getTaskDefinitionKey(),
        task.getId(),
        Actors.SYSTEM, // the process made the task, whoever's step led to it
        details);

    List<Recipient> recipients =
        task.getAssignee() != null
            ? people.user(task.getAssignee())
            : candidateGroup != null ? people.groupMembers(candidateGroup) : List.of();
    if (!ProcessKeys.SELF_REVIEW.equals(taskKey)) {
      // recusal: a committee member is not asked to decide their own case (nor may they, see
      // OwnCases)
      Object userId = task.getVariable(MEMBER_USER_ID); // null since issue 15: memberId itself
      recipients =
          recipients.stream()
              .filter(r -> !r.userId().equals(memberId) && !r.userId().equals(userId))
              .toList();
    }
    outbox.publish(
        EventTypes.TASK_ASSIGNED,
        memberId,
        new TaskAssigned(
            task.getId(),
            task.getTaskDefinitionKey(),
            task.getName(),
            task.getAssignee(),
            candidateGroup,
            memberId,
            (String) task.getVariable(MEMBER_NAME),
            year,
            (String) task.getVariable(ORGANIZATION_ID),
            (String) task.getVariable(BRANCH_ID),
            task.getDueDate() == null
                ? null
                : task.getDueDate().toInstant().atOffset(ZoneOffset.UTC).toString(),
            properties.taskUrl(task.getId()),
            recipients,
            null));
  }

  private void assigned(DelegateTask task) {
    // A claim or a hand-over; the first assignment of the member's own task is already told by
    // TASK_CREATED.
    if (task.getAssignee() == null || ProcessKeys.SELF_REVIEW.equals(task.getTaskDefinitionKey())) {
      return;
    }
    timeline.record(
        year(task),
        memberId(task),
        TimelineKind.TASK_ASSIGNED,
        task.getTaskDefinitionKey(),
        task.getId(),
        actors.current(),
        Map.of("assignee", task.getAssignee()));
  }

  private static EvaluationStatus statusWhileOpen(String taskKey) {
    return switch (taskKey) {
      case ProcessKeys.SELF_REVIEW -> EvaluationStatus.SELF_REVIEW;
      case ProcessKeys.BRANCH_REVIEW -> EvaluationStatus.BRANCH_REVIEW;
      case ProcessKeys.COMMITTEE_DECISION -> EvaluationStatus.COMMITTEE_DECISION;
      case ProcessKeys.RERATING_DECISION ->
          null; // the year's result stays DECIDED; the re-rating has its own record
      case ProcessKeys.REAPPRAISAL_DECISION ->
          null; // likewise: the re-appraisal has its own record
      default -> throw new IllegalStateException("unknown task " + taskKey);
    };
  }
}
