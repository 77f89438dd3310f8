package vn.party.evaluation.task.flow;

import static vn.party.evaluation.process.ProcessVariables.COLLECTIVE_NAME;
import static vn.party.evaluation.process.ProcessVariables.MEMBER_ID;
import static vn.party.evaluation.process.ProcessVariables.ORGANIZATION_ID;
import static vn.party.evaluation.process.ProcessVariables.YEAR;

import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.EvaluationProperties;
import vn.party.evaluation.directory.MemberDirectory;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;

/**
 * Tells a committee of its tasks that are about no single member — a collective's self-review and rating, and
 * finalizing the organization's results — with the same {@code task.assigned} notice (e-mail with the link, in-app
 * notification) as a member's task. Keyed by the organization: these tasks follow its members' decisions.
 */
@Component
public class CommitteeTaskNotices {

  private final Outbox outbox;
  private final People people;
  private final MemberDirectory directory;
  private final EvaluationProperties properties;

  public CommitteeTaskNotices(
      Outbox outbox, People people, MemberDirectory directory, EvaluationProperties properties) {
    this.outbox = outbox;
    this.people = people;
    this.directory = directory;
    this.properties = properties;
  }

  @EventListener
  public void on(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        || task.getVariable(MEMBER_ID) != null
        || !(task.getVariable(YEAR) instanceof Integer year)
        || !(task.getVariable(ORGANIZATION_ID) instanceof String org)) {
      return; // a member's task (TaskLifecycleProjector tells it) or none of the evaluation's
    }
    String candidateGroup = TaskEngine.candidateGroup(task);
    List<Recipient> recipients =
        task.getAssignee() != null
            ? people.user(task.getAssignee())
            : candidateGroup != null ? people.groupMembers(candidateGroup) : List.of();
    String subject =
        task.getVariable(COLLECTIVE_NAME) instanceof String collective
            ? collective
            : directory.organizationName(org).orElse(org);
    outbox.publish(
        EventTypes.TASK_ASSIGNED,
        org,
        new TaskAssigned(
            task.getId(),
            task.getTaskDefinitionKey(),
            task.getName(),
            task.getAssignee(),
            candidateGroup,
            null,
            null,
            year,
            org,
            null,
            task.getDueDate() == null
                ? null
                : task.getDueDate().toInstant().atOffset(ZoneOffset.UTC).toString(),
            properties.taskUrl(task.getId()),
            recipients,
            subject));
  }
}
