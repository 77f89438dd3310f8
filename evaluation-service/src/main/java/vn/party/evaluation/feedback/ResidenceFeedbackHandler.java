package vn.party.evaluation.feedback;

import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.EventFields;
import vn.party.evaluation.inbound.FactEventHandler;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.process.TextLimits;

/** {@code vn.party.member.residence-feedback}: reads the comment; data it cannot read is dead-lettered. */
@Component
public class ResidenceFeedbackHandler extends FactEventHandler<ResidenceFeedback> {

  private final ResidenceFeedbackService service;

  public ResidenceFeedbackHandler(ResidenceFeedbackService service) {
    super(EventTypes.RESIDENCE_FEEDBACK, "residence feedback {} for {}/{}{}");
    this.service = service;
  }

  @Override
  protected ResidenceFeedback read(EventFields fields) {
    String memberId = fields.text("memberId", EventFields.MAX_MEMBER_ID);
    String comment = fields.text("comment", TextLimits.RESIDENCE_COMMENT);
    String submittedBy = fields.text("submittedBy", EventFields.MAX_NAME);
    return new ResidenceFeedback(memberId, fields.year(), comment, submittedBy);
  }

  @Override
  protected boolean receive(CloudEvent event, ResidenceFeedback feedback) {
    return service.receive(event, feedback);
  }

  @Override
  protected Object[] logArguments(CloudEvent event, ResidenceFeedback feedback) {
    return new Object[] {event.getId(), feedback.year(), feedback.memberId()};
  }
}
