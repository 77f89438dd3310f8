package vn.party.evaluation.rerating.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.rerating.Reratings;
import vn.party.evaluation.security.Actors;

/** {@code record-rerating}: the new level beside the original, the timeline, and {@code member.rerated}. */
@Component("reratingRecorder")
public class ReratingRecorder implements JavaDelegate {

  private final Reratings reratings;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final Actors actors;

  public ReratingRecorder(
      Reratings reratings, Timeline timeline, Outbox outbox, People people, Actors actors) {
    this.reratings = reratings;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.actors = actors;
  }

  /** Data of {@code vn.party.evaluation.member.rerated}. */
  public record MemberRerated(
      String memberId,
      String memberName,
      int year,
      String organizationId,
      String disciplineDecisionId,
      String originalLevel,
      String reratedLevel,
      String comment,
      String decidedBy,
      List<Recipient> recipients) {}

  @Override
  public void execute(DelegateExecution execution) {
    int year = ProcessVariables.year(execution);
    String memberId = ProcessVariables.memberId(execution);
    String decisionId = (String) execution.getVariable(DISCIPLINE_DECISION_ID);
    String level = (String) execution.getVariable(RERATED_LEVEL);
    String comment = (String) execution.getVariable(RERATING_COMMENT);
    String by = actors.current();
    reratings.decided(year, memberId, decisionId, level, comment, by);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("disciplineDecisionId", decisionId);
    details.put("originalLevel", execution.getVariable(ORIGINAL_LEVEL));
    details.put("reratedLevel", level);
    details.put("reratingComment", comment);
    timeline.record(year, memberId, TimelineKind.RERATED, null, null, by, details);
    outbox.publish(
        EventTypes.MEMBER_RERATED,
        memberId,
        new MemberRerated(
            memberId,
            (String) execution.getVariable(MEMBER_NAME),
            year,
            (String) execution.getVariable(ORGANIZATION_ID),
            decisionId,
            (String) execution.getVariable(ORIGINAL_LEVEL),
            level,
            comment,
            by,
            people.user(memberId)));
  }
}
