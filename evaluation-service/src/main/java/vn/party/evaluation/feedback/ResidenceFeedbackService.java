package vn.party.evaluation.feedback;

import io.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.directory.MemberDirectory;
import vn.party.evaluation.feedback.flow.ResidenceCommentDelivery;
import vn.party.evaluation.inbound.UnmatchedEvents;
import vn.party.evaluation.inbound.UnmatchedReason;
import vn.party.evaluation.messaging.Inbox;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.EvaluationStatus;
import vn.party.evaluation.record.LateArrival;
import vn.party.evaluation.security.Actors;

/**
 * Takes a residence-area comment in: stores it, tells the timeline, and advances the member's evaluation if it
 * waits for the comment. A comment that arrives earlier is kept and picked up when the process gets there
 * ({@link ResidenceFeedbackLookup}); both sides lock the evaluation row, so none slips through in between.
 *
 * <p>Several comments for the same member and year: the latest wins, on the evaluation record and in the engine's
 * {@code residenceComment} alike, whenever it arrives while the evaluation runs (the residence committee corrects
 * what it sent; the lookup takes the latest too). None is lost: each stays in {@code residence_feedback} and on the
 * timeline with its event id.
 *
 * <p>Too late to be considered ({@link LateArrival#forResidenceComment}): once the branch has made its proposal (the
 * branch review is the step that reads the comment; a return reopens it), after the decision and after an end. Such
 * a comment changes neither the record nor the engine; it stays in {@code residence_feedback} and on the timeline,
 * marked, and is listed for the administrators ({@code TOO_LATE}).
 */
@Service
public class ResidenceFeedbackService {

  private final Inbox inbox;
  private final ResidenceFeedbackStore store;
  private final EvaluationRecords records;
  private final Timeline timeline;
  private final ResidenceCommentDelivery delivery;
  private final MemberDirectory directory;
  private final UnmatchedEvents unmatched;

  public ResidenceFeedbackService(
      Inbox inbox,
      ResidenceFeedbackStore store,
      EvaluationRecords records,
      Timeline timeline,
      ResidenceCommentDelivery delivery,
      MemberDirectory directory,
      UnmatchedEvents unmatched) {
    this.inbox = inbox;
    this.directory = directory;
    this.unmatched = unmatched;
    this.store = store;
    this.records = records;
    this.timeline = timeline;
    this.delivery = delivery;
  }

  /**
   * @return false for a redelivered event, which changes nothing
   */
  @Transactional
  public boolean receive(CloudEvent event, ResidenceFeedback feedback) {
    // issue 15: the comment's timeline entry and the new task's (written by the engine's create
    // listener during the correlation) go in one insert at the end, still in this transaction
    return timeline.writtenTogether(() -> take(event, feedback));
  }

  private boolean take(CloudEvent event, ResidenceFeedback feedback) {
    if (!inbox.firstDelivery(event)) {
      return false;
    }
    Optional<EvaluationStatus> status = records.lockedStatus(feedback.year(), feedback.memberId());
    boolean evaluationExists = status.isPresent();
    Optional<LateArrival> late = status.flatMap(LateArrival::forResidenceComment);
    store.save(feedback, event.getSource().toString(), event.getId());
    // the system took the event in; who wrote the comment (free text from outside) is part of the
    // details
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", event.getType());
    details.put("eventId", event.getId());
    details.put("source", event.getSource().toString());
    details.put("comment", feedback.comment());
    details.put("submittedBy", feedback.submittedBy());
    details.put("evaluationStarted", evaluationExists);
    late.ifPresent(when -> details.put("lateArrival", when.name()));
    timeline.record(
        feedback.year(),
        feedback.memberId(),
        TimelineKind.EVENT_RECEIVED,
        null,
        null,
        Actors.SYSTEM,
        details);
    if (!evaluationExists) {
      // kept and visible to the administrator; a comment for a known member is picked up when the
      // evaluation starts
      unmatched.keep(
          event,
          feedback.year(),
          feedback.memberId(),
          directory.member(feedback.memberId()).isPresent()
              ? UnmatchedReason.NO_EVALUATION_YET
              : UnmatchedReason.UNKNOWN_MEMBER);
    } else if (late.isPresent()) {
      // outsider's finding 1: the branch can no longer read it, so neither the record nor the
      // engine take it; the timeline and the administrators' list say it came too late
      unmatched.keep(event, feedback.year(), feedback.memberId(), UnmatchedReason.TOO_LATE);
    } else {
      records.residenceFeedbackReceived(
          feedback.year(), feedback.memberId(), feedback.comment(), feedback.submittedBy());
      delivery.deliver(feedback.year(), feedback.memberId(), feedback.comment());
    }
    return true;
  }
}
