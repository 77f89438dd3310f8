package vn.party.evaluation.reminder;

import static vn.party.evaluation.process.ProcessVariables.BRANCH_ID;
import static vn.party.evaluation.process.ProcessVariables.MEMBER_ID;
import static vn.party.evaluation.process.ProcessVariables.MEMBER_NAME;
import static vn.party.evaluation.process.ProcessVariables.ORGANIZATION_ID;
import static vn.party.evaluation.process.ProcessVariables.YEAR;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.EvaluationProperties;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.reminder.flow.DueTaskFacts;
import vn.party.evaluation.security.Actors;
import vn.party.evaluation.task.flow.TaskEngine;

/**
 * Reminders before a task's due date and escalation once it is overdue: found by scanning the open tasks, told as
 * events ({@code vn.party.evaluation.task.reminder}, {@code .task.overdue}) that notification-service turns into
 * e-mails and in-app notices, and written on the member's timeline so that inspectors see them.
 */
@Service
public class DeadlineNotices {

  private static final Logger log = LoggerFactory.getLogger(DeadlineNotices.class);

  private final JdbcClient jdbc;
  private final DueTaskFacts engine;
  private final TaskEngine tasks;
  private final People people;
  private final Outbox outbox;
  private final Timeline timeline;
  private final EvaluationProperties properties;
  private final ReminderProperties reminders;

  public DeadlineNotices(
      JdbcClient jdbc,
      DueTaskFacts engine,
      TaskEngine tasks,
      People people,
      Outbox outbox,
      Timeline timeline,
      EvaluationProperties properties,
      ReminderProperties reminders) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.tasks = tasks;
    this.people = people;
    this.outbox = outbox;
    this.timeline = timeline;
    this.properties = properties;
    this.reminders = reminders;
  }

  /** Data of both events: task.assigned's fields, and for an escalation the group told. */
  public record DeadlineNotice(
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
      String escalatedTo,
      List<Recipient> recipients) {}

  /** Reminds the people of tasks due within the configured time. @return reminders queued */
  @Transactional
  public int remind(OffsetDateTime now) {
    List<DueTask> due =
        due(
            "t.due_date_ > :now and t.due_date_ <= :horizon",
            "REMINDER",
            now,
            now.plus(reminders.before()));
    due.forEach(
        task ->
            notice(task, "REMINDER", EventTypes.TASK_REMINDER, TimelineKind.REMINDER_SENT, null));
    return due.size();
  }

  /** Escalates tasks past their due date, once each. @return escalations queued */
  @Transactional
  public int escalate(OffsetDateTime now) {
    List<DueTask> overdue = due("t.due_date_ <= :now", "OVERDUE", now, now);
    overdue.forEach(
        task ->
            notice(
                task,
                "OVERDUE",
                EventTypes.TASK_OVERDUE,
                TimelineKind.OVERDUE_ESCALATED,
                escalationGroup(task)));
    return overdue.size();
  }

  private List<DueTask> due(
      String condition, String kind, OffsetDateTime now, OffsetDateTime horizon) {
    // The engine's table, read where the engine keeps it (search path); only our own members' tasks
    // have a due date.
    return jdbc.sql(
            """
            select t.id_ as id, t.task_def_key_ as task_key, t.name_ as name, t.assignee_ as assignee,
                   t.due_date_ as due_date, t.proc_inst_id_ as process_instance_id
            from act_ru_task t
            where t.suspension_state_ = 1 and t.due_date_ is not null and %s
              and not exists (select 1 from evaluation.task_notice n where n.task_id = t.id_ and n.kind = :kind)
            order by t.due_date_ limit :limit"""
                .formatted(condition))
        // as Timestamps: the engine writes its timestamp-without-time-zone columns in the JVM's
        // zone
        .param("now", Timestamp.from(now.toInstant()))
        .param("horizon", Timestamp.from(horizon.toInstant()))
        .param("kind", kind)
        .param("limit", reminders.batchSize())
        .query(
            (rs, i) ->
                new DueTask(
                    rs.getString("id"),
                    rs.getString("task_key"),
                    rs.getString("name"),
                    rs.getString("assignee"),
                    rs.getObject("due_date", Timestamp.class).toInstant().atOffset(ZoneOffset.UTC),
                    rs.getString("process_instance_id")))
        .list();
  }

  private void notice(
      DueTask task, String kind, String eventType, TimelineKind timelineKind, GroupRef escalation) {
    boolean first =
        jdbc.sql(
                    "insert into evaluation.task_notice (task_id, kind) values (:task, :kind) "
                        + "on conflict do nothing")
                .param("task", task.id())
                .param("kind", kind)
                .update()
            == 1;
    if (!first) {
      return; // another node got there first
    }
    Map<String, Object> variables =
        engine.processVariables(
            task.processInstanceId(),
            List.of(MEMBER_ID, MEMBER_NAME, YEAR, ORGANIZATION_ID, BRANCH_ID));
    String memberId = (String) variables.get(MEMBER_ID);
    int year = (Integer) variables.get(YEAR);
    String candidateGroup = tasks.candidateGroup(task.id());
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    List<Recipient> doers =
        task.assignee() != null
            ? people.user(task.assignee())
            : candidateGroup != null ? people.groupMembers(candidateGroup) : List.of();
    doers.forEach(r -> recipients.putIfAbsent(r.userId(), r));
    String escalatedTo = null;
    if (escalation != null) {
      escalatedTo =
          escalation.groupId(
              (String) variables.get(BRANCH_ID), (String) variables.get(ORGANIZATION_ID));
      people.groupMembers(escalatedTo).forEach(r -> recipients.putIfAbsent(r.userId(), r));
    }
    if (!ProcessKeys.SELF_REVIEW.equals(task.taskKey())) {
      recipients.remove(memberId); // recusal: nobody is reminded to decide their own case
    }
    outbox.publish(
        eventType,
        memberId,
        new DeadlineNotice(
            task.id(),
            task.taskKey(),
            task.name(),
            task.assignee(),
            candidateGroup,
            memberId,
            (String) variables.get(MEMBER_NAME),
            year,
            (String) variables.get(ORGANIZATION_ID),
            (String) variables.get(BRANCH_ID),
            task.dueDate().toString(),
            properties.taskUrl(task.id()),
            escalatedTo,
            new ArrayList<>(recipients.values())));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dueDate", task.dueDate().toString());
    details.put("recipients", recipients.keySet().stream().toList());
    if (escalatedTo != null) {
      details.put("escalatedTo", escalatedTo);
    }
    timeline.record(
        year, memberId, timelineKind, task.taskKey(), task.id(), Actors.SYSTEM, details);
    log.info(
        "{} for task {} ({} of {}/{}) to {}",
        kind,
        task.id(),
        task.taskKey(),
        year,
        memberId,
        recipients.keySet());
  }

  /** Who hears of an overdue task: one level up from whoever should have done it. */
  private static GroupRef escalationGroup(DueTask task) {
    return ProcessKeys.SELF_REVIEW.equals(task.taskKey())
        ? (branch, organization) -> Groups.branchCommittee(branch)
        : (branch, organization) -> Groups.organizationCommittee(organization);
  }

  @FunctionalInterface
  private interface GroupRef {
    String groupId(String branchId, String organizationId);
  }
}
