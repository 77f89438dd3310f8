package vn.party.evaluation.complaint;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.EventFields;
import vn.party.evaluation.inbound.InboundEventHandler;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.process.TextLimits;

/**
 * {@code vn.party.member.complaint}: a complaint, denunciation or sign of violation about a member's announced result,
 * received elsewhere (the member's unit, the inspection committee). Data: memberId, year, grounds (text, required),
 * submittedBy (who complains, free text). Idempotent by event; refused ones (no evaluation, not announced, window
 * closed) are kept as unmatched with the reason.
 */
@Component
public class ComplaintHandler implements InboundEventHandler {

  private static final Logger log = LoggerFactory.getLogger(ComplaintHandler.class);

  private final ComplaintService service;

  public ComplaintHandler(ComplaintService service) {
    this.service = service;
  }

  @Override
  public String eventType() {
    return EventTypes.MEMBER_COMPLAINT;
  }

  @Override
  public void handle(CloudEvent event, JsonNode data) {
    EventFields fields = new EventFields(event, data);
    String memberId = fields.text("memberId", EventFields.MAX_MEMBER_ID);
    int year = fields.year();
    String grounds = fields.text("grounds", TextLimits.COMPLAINT_GROUNDS);
    String submittedBy = fields.text("submittedBy", EventFields.MAX_NAME);
    service
        .fromEvent(event, year, memberId, grounds.strip(), submittedBy)
        .ifPresentOrElse(
            outcome ->
                log.info(
                    "complaint {} about {}/{}: {}",
                    event.getId(),
                    year,
                    memberId,
                    outcome.refusal() == null
                        ? "received"
                        : "kept as unmatched (" + outcome.refusal() + ")"),
            () -> log.info("complaint {} again (duplicate, ignored)", event.getId()));
  }
}
