package vn.party.evaluation.caps;

import io.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.campaign.Campaigns;
import vn.party.evaluation.caps.flow.RunningEvaluations;
import vn.party.evaluation.directory.MemberDirectory;
import vn.party.evaluation.inbound.UnmatchedEvents;
import vn.party.evaluation.inbound.UnmatchedReason;
import vn.party.evaluation.messaging.Inbox;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.EvaluationStatus;
import vn.party.evaluation.record.LateArrival;
import vn.party.evaluation.rerating.ReratingStarter;
import vn.party.evaluation.security.Actors;

/**
 * Takes facts that cap a level in: stores them, tells the timeline, and brings the cap of the member's running
 * evaluation up to date. A fact for an evaluation not started yet is kept and used when it starts (the first task
 * reads the stored facts); both sides lock the evaluation row, so none slips through in between. A unit assessment
 * after the decision (or the end) is too late ({@link LateArrival#forUnitAssessment}): not stored as a fact, the
 * record and the engine unchanged; on the timeline, marked, and listed for the administrators ({@code TOO_LATE}).
 */
@Service
public class MemberFactService {

  private final Inbox inbox;
  private final MemberFactStore store;
  private final EvaluationRecords records;
  private final Timeline timeline;
  private final LevelCapService caps;
  private final MemberDirectory directory;
  private final UnmatchedEvents unmatched;
  private final ReratingStarter rerating;
  private final Campaigns campaigns;
  private final RunningEvaluations running;

  public MemberFactService(
      Inbox inbox,
      MemberFactStore store,
      EvaluationRecords records,
      Timeline timeline,
      LevelCapService caps,
      MemberDirectory directory,
      UnmatchedEvents unmatched,
      ReratingStarter rerating,
      Campaigns campaigns,
      RunningEvaluations running) {
    this.running = running;
    this.rerating = rerating;
    this.campaigns = campaigns;
    this.inbox = inbox;
    this.store = store;
    this.records = records;
    this.timeline = timeline;
    this.caps = caps;
    this.directory = directory;
    this.unmatched = unmatched;
  }

  /** @return false for a redelivered event, which changes nothing */
  @Transactional
  public boolean receive(CloudEvent event, DisciplineDecision decision) {
    if (!inbox.firstDelivery(event)) {
      return false;
    }
    boolean evaluationExists = records.lock(decision.year(), decision.memberId());
    store.save(decision, event.getSource().toString(), event.getId());
    Map<String, Object> details = received(event, evaluationExists);
    details.put("decisionId", decision.decisionId());
    details.put("form", decision.form().name());
    details.put("selfDetectedAndRemedied", decision.selfDetectedAndRemedied());
    details.put("decidedOn", decision.decidedOn().toString());
    details.put("decidedBy", decision.decidedBy());
    applied(event, decision.year(), decision.memberId(), evaluationExists, details);
    if (evaluationExists) {
      // a discipline for a year already decided: the committee re-rates (xếp loại lại), the
      // original stays
      records
          .find(decision.year(), decision.memberId())
          .ifPresent(
              evaluation ->
                  rerating.onDiscipline(
                      evaluation,
                      decision.decisionId(),
                      campaigns.find(evaluation.campaignId()).orElseThrow().regulation()));
    }
    return true;
  }

  /**
   * @return false for a redelivered event, which changes nothing
   */
  @Transactional
  public boolean receive(CloudEvent event, UnitAssessment assessment) {
    // issue 15: the assessment's timeline entry and a new task's (the engine's create listener,
    // when the evaluation goes on to its branch review) go in one insert at the end
    return timeline.writtenTogether(() -> take(event, assessment));
  }

  private boolean take(CloudEvent event, UnitAssessment assessment) {
    if (!inbox.firstDelivery(event)) {
      return false;
    }
    Optional<EvaluationStatus> status =
        records.lockedStatus(assessment.year(), assessment.memberId());
    boolean evaluationExists = status.isPresent();
    Optional<LateArrival> late = status.flatMap(LateArrival::forUnitAssessment);
    Map<String, Object> details = received(event, evaluationExists);
    details.put(
        "civilServiceLevel",
        assessment.civilServiceLevel() == null ? null : assessment.civilServiceLevel().name());
    details.put("comment", assessment.comment());
    details.put("assessedBy", assessment.assessedBy());
    details.put("tasksCompletedPercent", assessment.tasksCompletedPercent());
    if (late.isPresent()) {
      // outsider's finding 2: after the decision the record must not read RECEIVED beside a level
      // decided without it, nor may a later re-rating's cap read it from the store; it stays on the
      // timeline, marked, and in the administrators' list
      details.put("lateArrival", late.get().name());
      timeline.record(
          assessment.year(),
          assessment.memberId(),
          TimelineKind.EVENT_RECEIVED,
          null,
          null,
          Actors.SYSTEM,
          details);
      unmatched.keep(event, assessment.year(), assessment.memberId(), UnmatchedReason.TOO_LATE);
      return true;
    }
    store.save(assessment, event.getSource().toString(), event.getId());
    applied(event, assessment.year(), assessment.memberId(), evaluationExists, details);
    if (evaluationExists) {
      records.unitAssessmentReceived(
          assessment.year(), assessment.memberId(), assessment.comment(), assessment.assessedBy());
      running.unitAssessmentReceived(
          assessment.year(), assessment.memberId(), assessment.comment());
    }
    return true;
  }

  private static Map<String, Object> received(CloudEvent event, boolean evaluationExists) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", event.getType());
    details.put("eventId", event.getId());
    details.put("source", event.getSource().toString());
    details.put("evaluationStarted", evaluationExists);
    return details;
  }

  private void applied(
      CloudEvent event,
      int year,
      String memberId,
      boolean evaluationExists,
      Map<String, Object> details) {
    // the system took the event in; who decided or assessed (free text from outside) is part of the
    // details
    timeline.record(
        year, memberId, TimelineKind.EVENT_RECEIVED, null, null, Actors.SYSTEM, details);
    if (!evaluationExists) {
      unmatched.keep(
          event,
          year,
          memberId,
          directory.member(memberId).isPresent()
              ? UnmatchedReason.NO_EVALUATION_YET
              : UnmatchedReason.UNKNOWN_MEMBER);
    } else {
      caps.refreshRunning(year, memberId, event.getType());
    }
  }
}
