package vn.party.evaluation.complaint;

import static vn.party.evaluation.process.ProcessVariables.CAMPAIGN_ID;
import static vn.party.evaluation.process.ProcessVariables.COMPLAINT_WINDOW_END;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.party.evaluation.EvaluationProperties;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.campaign.Campaign;
import vn.party.evaluation.campaign.Campaigns;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.security.Actors;

/**
 * Step announce-results: the results are announced and the complaint window opens. Records the announcement (its
 * window end fixed now), tells each decided member's timeline, emits one {@code result.announced} per member (the
 * e-mail says the level, the window's end and how to complain) and sets {@code complaintWindowEnd} for the timer.
 */
@Component("resultsAnnouncer")
public class ResultsAnnouncer implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ResultsAnnouncer.class);

  private final Announcements announcements;
  private final Campaigns campaigns;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final ComplaintWindowProperties window;
  private final EvaluationProperties properties;

  public ResultsAnnouncer(
      Announcements announcements,
      Campaigns campaigns,
      Timeline timeline,
      Outbox outbox,
      People people,
      ComplaintWindowProperties window,
      EvaluationProperties properties) {
    this.announcements = announcements;
    this.campaigns = campaigns;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.window = window;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    Campaign campaign = campaigns.find(campaignId).orElseThrow();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Announcements.Announcement announcement =
        announcements.announce(
            campaignId,
            campaign.organizationId(),
            campaign.year(),
            now.plus(window.complaintWindow()));
    String windowEnd = announcement.windowEnd().toInstant().toString();
    int announced = 0;
    for (Announcements.Announced member : announcements.decidedMembers(campaignId)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("decidedLevel", member.decidedLevel());
      details.put("complaintWindowEnd", windowEnd);
      timeline.record(
          campaign.year(),
          member.memberId(),
          TimelineKind.RESULT_ANNOUNCED,
          null,
          null,
          Actors.SYSTEM,
          details);
      outbox.publish(
          EventTypes.RESULT_ANNOUNCED,
          member.memberId(),
          new ComplaintEvents.ResultAnnounced(
              member.memberId(),
              member.memberName(),
              campaign.year(),
              campaign.organizationId(),
              member.decidedLevel(),
              member.decisionComment(),
              announcement.announcedAt().toInstant().toString(),
              windowEnd,
              evaluationUrl(properties, campaign.year(), member.memberId()),
              people.user(member.memberId())));
      announced++;
    }
    execution.setVariable(COMPLAINT_WINDOW_END, Date.from(announcement.windowEnd().toInstant()));
    log.info(
        "results of {}/{} announced to {} members; complaints until {}",
        campaign.year(),
        campaign.organizationId(),
        announced,
        windowEnd);
  }

  /** The member's evaluation page (sign-in first if needed): the result, and the complaint form while open. */
  public static String evaluationUrl(EvaluationProperties properties, int year, String memberId) {
    return properties.publicUrl() + "/app/evaluations/" + year + "/" + memberId;
  }
}
