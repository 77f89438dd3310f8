package vn.party.evaluation.collective.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.collective.CollectiveEvaluation;
import vn.party.evaluation.collective.CollectiveEvaluations;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.heads.UnitHeads;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.CollectiveKind;
import vn.party.evaluation.security.Actors;

/**
 * Step record-collective-decision: the approved level becomes the collective's result — stored, on the timeline, told
 * — and the collective's head may now be decided.
 */
@Component("collectiveDecisionRecorder")
public class CollectiveDecisionRecorder implements JavaDelegate {

  private final CollectiveEvaluations evaluations;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final Actors actors;
  private final UnitHeads heads;

  public CollectiveDecisionRecorder(
      CollectiveEvaluations evaluations,
      Timeline timeline,
      Outbox outbox,
      People people,
      Actors actors,
      UnitHeads heads) {
    this.evaluations = evaluations;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.actors = actors;
    this.heads = heads;
  }

  /** Data of vn.party.evaluation.collective.decided; recipients: the collective's own committee. */
  public record CollectiveDecided(
      String collectiveId,
      String collectiveKind,
      String collectiveName,
      int year,
      String organizationId,
      String selfProposedLevel,
      String decidedLevel,
      String decisionComment,
      String decidedBy,
      String decidedAt,
      List<Recipient> recipients) {}

  @Override
  public void execute(DelegateExecution execution) {
    int year = year(execution);
    String collectiveId = (String) execution.getVariable(COLLECTIVE_ID);
    String organizationId = (String) execution.getVariable(ORGANIZATION_ID);
    String level = (String) execution.getVariable(DECIDED_LEVEL);
    String comment = (String) execution.getVariable(DECISION_COMMENT);
    String decidedBy = actors.current();

    evaluations.decided(year, collectiveId, level, comment, decidedBy);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decidedLevel", level);
    if (comment != null) {
      details.put("decisionComment", comment);
    }
    timeline.record(
        year,
        CollectiveEvaluation.timelineSubject(collectiveId),
        TimelineKind.DECIDED,
        null,
        null,
        decidedBy,
        details);
    outbox.publish(
        EventTypes.COLLECTIVE_DECIDED,
        organizationId,
        new CollectiveDecided(
            collectiveId,
            (String) execution.getVariable(COLLECTIVE_KIND),
            (String) execution.getVariable(COLLECTIVE_NAME),
            year,
            organizationId,
            (String) execution.getVariable(SELF_PROPOSED_LEVEL),
            level,
            comment,
            decidedBy,
            OffsetDateTime.now(ZoneOffset.UTC).toString(),
            people.groupMembers((String) execution.getVariable(COLLECTIVE_REVIEWER_GROUP))));
    // a collective before its head: now the committee may decide the head, not above this level
    heads.unitRated(
        year,
        UUID.fromString((String) execution.getVariable(CAMPAIGN_ID)),
        CollectiveKind.valueOf((String) execution.getVariable(COLLECTIVE_KIND)),
        collectiveId,
        level);
  }
}
