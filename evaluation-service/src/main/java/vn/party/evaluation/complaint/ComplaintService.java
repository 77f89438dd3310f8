package vn.party.evaluation.complaint;

import static vn.party.evaluation.process.ProcessVariables.*;

import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.campaign.Campaigns;
import vn.party.evaluation.complaint.Announcements.Announcement;
import vn.party.evaluation.complaint.Complaints.Channel;
import vn.party.evaluation.complaint.Complaints.Complaint;
import vn.party.evaluation.complaint.flow.ReappraisalProcess;
import vn.party.evaluation.directory.MemberDirectory;
import vn.party.evaluation.inbound.UnmatchedEvents;
import vn.party.evaluation.inbound.UnmatchedReason;
import vn.party.evaluation.messaging.Inbox;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.process.validation.LevelCaps;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.record.EvaluationStatus;
import vn.party.evaluation.security.Actors;
import vn.party.evaluation.security.SystemAccess;

/**
 * Complaint intake, by the API or as an event, in the complaint window only. The first complaint of a member in a
 * year starts the re-appraisal by the committee above (member-reappraisal); later ones are attached to it (and shown
 * on its form while it is open). Intake locks the announcement row, which the window's closing also locks.
 */
@Service
public class ComplaintService {

  private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

  /** Camunda keeps a String variable in a varchar(4000) column. */
  private static final int MAX_VARIABLE_TEXT = TextLimits.ENGINE_VARIABLE;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final EvaluationRecords records;
  private final Announcements announcements;
  private final Complaints complaints;
  private final Reappraisals reappraisals;
  private final Campaigns campaigns;
  private final Timeline timeline;
  private final ReappraisalProcess process;
  private final SystemAccess systemAccess;
  private final Inbox inbox;
  private final UnmatchedEvents unmatched;
  private final MemberDirectory directory;

  public ComplaintService(
      EvaluationRecords records,
      Announcements announcements,
      Complaints complaints,
      Reappraisals reappraisals,
      Campaigns campaigns,
      Timeline timeline,
      ReappraisalProcess process,
      SystemAccess systemAccess,
      Inbox inbox,
      UnmatchedEvents unmatched,
      MemberDirectory directory) {
    this.records = records;
    this.announcements = announcements;
    this.complaints = complaints;
    this.reappraisals = reappraisals;
    this.campaigns = campaigns;
    this.timeline = timeline;
    this.process = process;
    this.systemAccess = systemAccess;
    this.inbox = inbox;
    this.unmatched = unmatched;
    this.directory = directory;
  }

  /** Why a complaint was not taken in. */
  public enum Refusal {
    NO_EVALUATION,
    NOT_ANNOUNCED,
    WINDOW_CLOSED
  }

  /** A complaint taken in, or why not; {@code reappraisalStarted} false: attached to the member's re-appraisal. */
  public record Outcome(
      Complaint complaint, boolean reappraisalStarted, Announcement announcement, Refusal refusal) {

    static Outcome refused(Refusal refusal, Announcement announcement) {
      return new Outcome(null, false, announcement, refusal);
    }
  }

  /** A complaint through the API; the caller checked who may complain. Nothing is written when it is refused. */
  @Transactional
  public Outcome fromApi(int year, String memberId, String grounds, String submittedBy) {
    return receive(year, memberId, grounds, submittedBy, Channel.API, null, null);
  }

  /** A {@code vn.party.member.complaint} event: idempotent by (source, id); a refused one is kept as unmatched. */
  @Transactional
  public Optional<Outcome> fromEvent(
      CloudEvent event, int year, String memberId, String grounds, String submittedBy) {
    if (!inbox.firstDelivery(event)) {
      return Optional.empty();
    }
    Outcome outcome =
        receive(
            year,
            memberId,
            grounds,
            submittedBy,
            Channel.EVENT,
            event.getSource().toString(),
            event.getId());
    if (outcome.refusal() != null) {
      UnmatchedReason reason =
          switch (outcome.refusal()) {
            case NO_EVALUATION ->
                directory.member(memberId).isPresent()
                    ? UnmatchedReason.NO_EVALUATION_YET
                    : UnmatchedReason.UNKNOWN_MEMBER;
            case NOT_ANNOUNCED -> UnmatchedReason.NOT_ANNOUNCED;
            case WINDOW_CLOSED -> UnmatchedReason.COMPLAINT_WINDOW_CLOSED;
          };
      unmatched.keep(event, year, memberId, reason);
    }
    return Optional.of(outcome);
  }

  private Outcome receive(
      int year,
      String memberId,
      String grounds,
      String submittedBy,
      Channel channel,
      String eventSource,
      String eventId) {
    Optional<EvaluationRecord> found = records.find(year, memberId);
    if (found.isEmpty()) {
      return Outcome.refused(Refusal.NO_EVALUATION, null);
    }
    EvaluationRecord evaluation = found.get();
    Optional<Announcement> locked = announcements.lock(evaluation.campaignId());
    if (locked.isEmpty() || evaluation.status() != EvaluationStatus.DECIDED) {
      return Outcome.refused(Refusal.NOT_ANNOUNCED, null);
    }
    Announcement announcement = locked.get();
    if (!announcement.open(OffsetDateTime.now(ZoneOffset.UTC))) {
      return Outcome.refused(Refusal.WINDOW_CLOSED, announcement);
    }

    Optional<Reappraisals.Reappraisal> existing = reappraisals.of(year, memberId);
    String processInstanceId;
    if (existing.isEmpty()) {
      processInstanceId = startReappraisal(evaluation, grounds, submittedBy);
      reappraisals.start(
          year, memberId, evaluation.campaignId(), processInstanceId, evaluation.decidedLevel());
    } else {
      processInstanceId = existing.get().processInstanceId();
    }
    Complaint complaint =
        complaints.add(
            year,
            memberId,
            evaluation.campaignId(),
            grounds,
            submittedBy,
            channel,
            eventSource,
            eventId);
    if (existing.isPresent() && !existing.get().decided()) {
      // the committee above sees every complaint on the open form
      systemAccess.call(
          () -> {
            process.setVariable(
                processInstanceId, COMPLAINTS, summary(complaints.of(year, memberId)));
            return null;
          });
    }

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("complaintId", complaint.id());
    details.put("channel", channel.name());
    details.put("submittedBy", submittedBy);
    details.put("grounds", grounds);
    details.put("eventId", eventId);
    details.put("reappraisalStarted", existing.isEmpty());
    details.put("processInstanceId", processInstanceId);
    String actor = channel == Channel.API ? submittedBy : Actors.SYSTEM;
    timeline.record(year, memberId, TimelineKind.COMPLAINT_RECEIVED, null, null, actor, details);
    log.info(
        "complaint {} about {}/{} received by {}; re-appraisal {}",
        complaint.id(),
        year,
        memberId,
        channel,
        existing.isEmpty() ? "started" : "already there");
    return new Outcome(complaint, existing.isEmpty(), announcement, null);
  }

  private String startReappraisal(EvaluationRecord evaluation, String grounds, String submittedBy) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(YEAR, evaluation.year());
    variables.put(MEMBER_ID, evaluation.memberId());
    variables.put(MEMBER_NAME, evaluation.memberName());
    variables.put(ORGANIZATION_ID, evaluation.organizationId());
    variables.put(BRANCH_ID, evaluation.branchId());
    variables.put(CAMPAIGN_ID, evaluation.campaignId().toString());
    variables.put(REGULATION, campaigns.find(evaluation.campaignId()).orElseThrow().regulation());
    variables.put(SUPERIOR_COMMITTEE_GROUP, Groups.superiorCommittee(evaluation.organizationId()));
    variables.put(ORIGINAL_LEVEL, evaluation.decidedLevel());
    variables.put(SELF_PROPOSED_LEVEL, evaluation.selfProposedLevel());
    variables.put(BRANCH_PROPOSED_LEVEL, evaluation.branchProposedLevel());
    variables.put(COMPLAINTS, clip("1. " + submittedBy + ": " + grounds));
    variables.putAll(branchFacts(evaluation.processInstanceId()));
    return systemAccess.call(
        () ->
            process.start(
                BusinessKeys.reappraisal(evaluation.year(), evaluation.memberId()), variables));
  }

  /**
   * The facts the branch recorded (sick leave, concluded findings), from the finished evaluation: the committee
   * above is held to the same caps as the committee that decided. The facts from events are set at task creation.
   */
  private Map<String, Object> branchFacts(String evaluationInstanceId) {
    if (evaluationInstanceId == null) {
      return new HashMap<>();
    }
    return systemAccess.call(
        () -> process.historicValues(evaluationInstanceId, LevelCaps.BRANCH_FACTS));
  }

  private static String summary(List<Complaint> all) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < all.size(); i++) {
      Complaint c = all.get(i);
      text.append(i + 1)
          .append(". ")
          .append(c.submittedBy())
          .append(" (")
          .append(DAY.format(c.receivedAt().atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh"))))
          .append("): ")
          .append(c.grounds())
          .append("\n");
    }
    return clip(text.toString().strip());
  }

  private static String clip(String text) {
    return text.length() <= MAX_VARIABLE_TEXT
        ? text
        : text.substring(0, MAX_VARIABLE_TEXT - 1) + "…";
  }
}
