package vn.party.evaluation.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.InboundEventHandler;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.rules.Level;

/**
 * {@code vn.party.member.unit-assessment}: the unit leadership's comment with the member's civil-service level, a
 * fact that caps the party level. Data: memberId, year, civilServiceLevel (a level name; null or absent for a member
 * without one), comment, assessedBy, tasksCompletedPercent (optional number 0–100).
 */
@Component
public class UnitAssessmentHandler implements InboundEventHandler {

  private static final Logger log = LoggerFactory.getLogger(UnitAssessmentHandler.class);

  private final MemberFactService service;

  public UnitAssessmentHandler(MemberFactService service) {
    this.service = service;
  }

  @Override
  public String eventType() {
    return EventTypes.UNIT_ASSESSMENT;
  }

  @Override
  public void handle(CloudEvent event, JsonNode data) {
    EventFields fields = new EventFields(event, data);
    UnitAssessment assessment =
        new UnitAssessment(
            fields.text("memberId", EventFields.MAX_MEMBER_ID),
            fields.year(),
            fields.oneOf("civilServiceLevel", Level.class, false).orElse(null),
            fields.text("comment", TextLimits.UNIT_ASSESSMENT_COMMENT),
            fields.text("assessedBy", EventFields.MAX_NAME),
            fields.optionalPercent("tasksCompletedPercent"));
    InboundEventHandler.logReceived(
        log,
        service.receive(event, assessment),
        "unit assessment {} for {}/{}{}",
        event.getId(),
        assessment.year(),
        assessment.memberId());
  }
}
