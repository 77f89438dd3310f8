package vn.party.evaluation.complaint.flow;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.EvaluationProperties;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.complaint.Announcements;
import vn.party.evaluation.complaint.ComplaintEvents;
import vn.party.evaluation.complaint.Reappraisals;
import vn.party.evaluation.complaint.ResultsAnnouncer;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.security.Actors;

/**
 * {@code record-reappraisal}: the committee above's outcome beside the original decision (which stays), the
 * timeline, {@code member.reappraised}; and, once the window is closed, the last open re-appraisal of the campaign
 * lets the campaign complete ({@code all-reappraisals-done}). The announcement's row lock orders this with the
 * window's closing: either the closing counts this one as decided, or it sees it open and this message follows.
 */
@Component("reappraisalRecorder")
public class ReappraisalRecorder implements JavaDelegate {

  private final Reappraisals reappraisals;
  private final Announcements announcements;
  private final Timeline timeline;
  private final Outbox outbox;
  private final People people;
  private final Actors actors;
  private final RuntimeService runtimeService;
  private final EvaluationProperties properties;

  public ReappraisalRecorder(
      Reappraisals reappraisals,
      Announcements announcements,
      Timeline timeline,
      Outbox outbox,
      People people,
      Actors actors,
      RuntimeService runtimeService,
      EvaluationProperties properties) {
    this.reappraisals = reappraisals;
    this.announcements = announcements;
    this.timeline = timeline;
    this.outbox = outbox;
    this.people = people;
    this.actors = actors;
    this.runtimeService = runtimeService;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = ProcessVariables.year(execution);
    String memberId = ProcessVariables.memberId(execution);
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    String organizationId = (String) execution.getVariable(ORGANIZATION_ID);
    String original = (String) execution.getVariable(ORIGINAL_LEVEL);
    String level = (String) execution.getVariable(REAPPRAISED_LEVEL);
    String comment = (String) execution.getVariable(REAPPRAISAL_COMMENT);
    String by = actors.current();

    Announcements.Announcement announcement = announcements.lock(campaignId).orElseThrow();
    reappraisals.decided(year, memberId, level, comment, by);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("originalLevel", original);
    details.put("reappraisedLevel", level);
    details.put("levelChanged", !level.equals(original));
    details.put("reappraisalComment", comment);
    timeline.record(year, memberId, TimelineKind.REAPPRAISED, null, null, by, details);
    outbox.publish(
        EventTypes.MEMBER_REAPPRAISED,
        memberId,
        new ComplaintEvents.MemberReappraised(
            memberId,
            (String) execution.getVariable(MEMBER_NAME),
            year,
            organizationId,
            original,
            level,
            !level.equals(original),
            comment,
            by,
            OffsetDateTime.now(ZoneOffset.UTC).toString(),
            ResultsAnnouncer.evaluationUrl(properties, year, memberId),
            people.user(memberId)));

    if (announcement.closedAt() != null && reappraisals.open(campaignId) == 0) {
      // the campaign waits at all-reappraisals-done since the closing committed (it saw this one
      // open)
      runtimeService
          .createMessageCorrelation(ProcessKeys.MESSAGE_ALL_REAPPRAISALS_DONE)
          .processInstanceBusinessKey(BusinessKeys.campaign(year, organizationId))
          .correlate();
    }
  }
}
