package vn.party.evaluation.caps;

import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.EventFields;
import vn.party.evaluation.inbound.FactEventHandler;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.rules.Level;

/**
 * {@code vn.party.member.unit-assessment}: the unit leadership's comment with the member's civil-service level, a
 * fact that caps the party level. Data: memberId, year, civilServiceLevel (a level name; null or absent for a member
 * without one), comment, assessedBy, tasksCompletedPercent (optional number 0–100).
 */
@Component
public class UnitAssessmentHandler extends FactEventHandler<UnitAssessment> {

  private final MemberFactService service;

  public UnitAssessmentHandler(MemberFactService service) {
    super(EventTypes.UNIT_ASSESSMENT, "unit assessment {} for {}/{}{}");
    this.service = service;
  }

  @Override
  protected UnitAssessment read(EventFields fields) {
    return new UnitAssessment(
        fields.text("memberId", EventFields.MAX_MEMBER_ID),
        fields.year(),
        fields.oneOf("civilServiceLevel", Level.class, false).orElse(null),
        fields.text("comment", TextLimits.UNIT_ASSESSMENT_COMMENT),
        fields.text("assessedBy", EventFields.MAX_NAME),
        fields.optionalPercent("tasksCompletedPercent"));
  }

  @Override
  protected boolean receive(CloudEvent event, UnitAssessment assessment) {
    return service.receive(event, assessment);
  }

  @Override
  protected Object[] logArguments(CloudEvent event, UnitAssessment assessment) {
    return new Object[] {event.getId(), assessment.year(), assessment.memberId()};
  }
}
