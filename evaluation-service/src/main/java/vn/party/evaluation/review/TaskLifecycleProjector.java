package vn.party.evaluation.review;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.EvaluationProperties;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.caps.CapRefusals;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.Decision;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.BranchVote;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.process.validation.TaskCompletionValidator;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.selfreview.RequiredSections;
import vn.party.evaluation.selfreview.SelfReviewKeeper;

/**
 * Projects the engine's user-task lifecycle of {@code member-evaluation} into the domain: the evaluation record,
 * its append-only timeline and the outgoing events. Runs inside the engine's transaction (Spring eventing bridge,
 * not skippable), so the three always agree with the process state.
 */
@Component
public class TaskLifecycleProjector {

  private static final TaskCompletionValidator COMPLETION_RULES = new TaskCompletionValidator();

  private final EvaluationRecords records;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final Actors actors;
  private final EvaluationProperties properties;
  private final CapRefusals capRefusals;
  private final SelfReviewKeeper selfReviewKeeper;
  private final Map<String, Object> voteRule;
  private final Map<String, Object> sectionMinimums;

  public TaskLifecycleProjector(
      EvaluationRecords records,
      Timeline timeline,
      Outbox outbox,
      People people,
      Actors actors,
      EvaluationProperties properties,
      CapRefusals capRefusals,
      SelfReviewKeeper selfReviewKeeper,
      RuleBook rules,
      RequiredSections sections) {
    this.selfReviewKeeper = selfReviewKeeper;
    this.sectionMinimums = sections.taskVariables();
    this.voteRule = BranchVote.ruleVariables(rules.settings());
    this.records = records;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.actors = actors;
    this.properties = properties;
    this.capRefusals = capRefusals;
  }

  @EventListener
  public void on(DelegateTask task) {
    if (task.getVariable(MEMBER_ID) == null || task.getVariable(YEAR) == null) {
      return; // not a member's evaluation
    }
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> created(task);
      case TaskListener.EVENTNAME_ASSIGNMENT -> assigned(task);
      case TaskListener.EVENTNAME_COMPLETE -> completed(task);
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
    if (settings != null) {
      task.setVariablesLocal(settings);
    }
    int year = year(task);
    String memberId = memberId(task);
    String candidateGroup = candidateGroup(task);
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
        actors.current(),
        details);

    List<Recipient> recipients =
        task.getAssignee() != null
            ? people.user(task.getAssignee())
            : candidateGroup != null ? people.groupMembers(candidateGroup) : List.of();
    if (!ProcessKeys.SELF_REVIEW.equals(taskKey)) {
      // recusal: a committee member is not asked to decide their own case (nor may they, see
      // OwnCases)
      Object userId = task.getVariable(MEMBER_USER_ID);
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

  private void completed(DelegateTask task) {
    // The engine may call this listener before the one declared in the BPMN: refuse bad values here
    // too, before
    // they reach the record (the same rules, the same 400 naming the field).
    int year = year(task);
    String memberId = memberId(task);
    String actor = actors.current();
    try {
      COMPLETION_RULES.notify(task);
    } catch (FormFieldValidationException refusal) {
      // through the engine REST API or Tasklist (the domain API refuses before the engine and
      // records it itself)
      if (refusal.getDetail() instanceof List<?> errors
          && !errors.isEmpty()
          && errors.stream().allMatch(FieldError.class::isInstance)) {
        List<FieldError> fieldErrors = errors.stream().map(FieldError.class::cast).toList();
        if (CapRefusals.anyAboveCap(fieldErrors)) {
          capRefusals.record(
              year,
              memberId,
              task.getTaskDefinitionKey(),
              task.getId(),
              actor,
              fieldErrors,
              task.getVariables());
        }
      }
      throw refusal;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : TaskCompletionRules.fields(task.getTaskDefinitionKey())) {
      values.put(field, task.getVariable(field));
    }
    timeline.record(
        year,
        memberId,
        TimelineKind.TASK_COMPLETED,
        task.getTaskDefinitionKey(),
        task.getId(),
        actor,
        values);

    switch (task.getTaskDefinitionKey()) {
      case ProcessKeys.SELF_REVIEW -> {
        if (task.getVariable(SELF_REVIEW_VERSION) == null) {
          // submitted through Tasklist or the engine REST API: kept as well, whole (the engine
          // variables got what
          // fits of a text longer than one holds, TextLimits.forEngine; the guard kept the whole
          // texts: WholeTexts)
          Map<String, Object> context = new HashMap<>();
          for (String name :
              List.of(
                  YEAR, MEMBER_ID, REGULATION, LEADERSHIP_POST, CIVIL_SERVICE_LEVEL, FORM_KIND)) {
            context.put(name, task.getVariable(name));
          }
          task.getExecution()
              .setVariables(selfReviewKeeper.keep(task.getId(), context, values, actor, true));
        }
        String level = (String) task.getVariable(SELF_PROPOSED_LEVEL);
        records.selfReviewed(year, memberId, level, actor);
        records.status(year, memberId, EvaluationStatus.WAITING_RESIDENCE_FEEDBACK);
        outbox.publish(
            EventTypes.SELF_REVIEW_SUBMITTED,
            memberId,
            new StepEvents.SelfReviewSubmitted(memberId, year, level, actor, StepEvents.now()));
      }
      case ProcessKeys.BRANCH_REVIEW -> {
        String level = (String) task.getVariable(BRANCH_PROPOSED_LEVEL);
        String comment = (String) task.getVariable(BRANCH_COMMENT);
        records.branchReviewed(year, memberId, level, comment, actor);
        outbox.publish(
            EventTypes.BRANCH_REVIEW_COMPLETED,
            memberId,
            new StepEvents.BranchReviewCompleted(
                memberId, year, level, comment, actor, StepEvents.now()));
      }
      case ProcessKeys.COMMITTEE_DECISION -> {
        if (Decision.RETURN.name().equals(task.getVariable(DECISION))) {
          String reason = (String) task.getVariable(DECISION_COMMENT);
          records.returned(year, memberId, reason);
          timeline.record(
              year,
              memberId,
              TimelineKind.CASE_RETURNED,
              task.getTaskDefinitionKey(),
              task.getId(),
              actor,
              Map.of("reason", reason));
          String branchId = (String) task.getVariable(BRANCH_ID);
          outbox.publish(
              EventTypes.CASE_RETURNED,
              memberId,
              new StepEvents.CaseReturned(
                  memberId,
                  year,
                  reason,
                  actor,
                  StepEvents.now(),
                  (String) task.getVariable(MEMBER_NAME),
                  (String) task.getVariable(ORGANIZATION_ID),
                  branchId,
                  people.groupMembers(Groups.branchCommittee(branchId))));
        }
        // an approval is made final by the record-decision step (DecisionRecorder)
      }
      default -> {}
    }
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

  /** The task's first candidate group, or null. */
  public static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst()
        .orElse(null);
  }

  /**
   * Data of vn.party.evaluation.task.assigned. A member's task names the member; a committee's task about a collective
   * or the whole organization (collective ratings, finalize-results) has no member and names its subject instead.
   */
  public record TaskAssigned(
      String taskId,
      String taskKey,
      String taskName,
      String assignee,
      String candidateGroup,
      String memberId,
      String memberName,
      int year,
      String organizationId,
      String branchId,
      String dueDate,
      String taskUrl,
      List<Recipient> recipients,
      String subjectName) {}
}
