package vn.party.evaluation.complaint;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.InboundEventHandler;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.UnreadableEventException;
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
  private static final int MAX_MEMBER_ID = TextLimits.ID;
  private static final int MAX_NAME = TextLimits.NAME;
  private static final int MAX_GROUNDS = TextLimits.COMPLAINT_GROUNDS;

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
    String memberId = text(event, data, "memberId", MAX_MEMBER_ID);
    JsonNode year = data.get("year");
    if (year == null
        || !year.canConvertToInt()
        || year.isFloatingPointNumber()
        || year.asInt() < 2000
        || year.asInt() > 2100) {
      throw new UnreadableEventException("event " + event.getId() + ": year missing or invalid");
    }
    String grounds = text(event, data, "grounds", MAX_GROUNDS);
    String submittedBy = text(event, data, "submittedBy", MAX_NAME);
    service
        .fromEvent(event, year.asInt(), memberId, grounds.strip(), submittedBy)
        .ifPresentOrElse(
            outcome ->
                log.info(
                    "complaint {} about {}/{}: {}",
                    event.getId(),
                    year.asInt(),
                    memberId,
                    outcome.refusal() == null
                        ? "received"
                        : "kept as unmatched (" + outcome.refusal() + ")"),
            () -> log.info("complaint {} again (duplicate, ignored)", event.getId()));
  }

  private static String text(CloudEvent event, JsonNode data, String field, int maxLength) {
    JsonNode node = data.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new UnreadableEventException(
          "event " + event.getId() + ": " + field + " missing or not text");
    }
    if (node.asText().length() > maxLength) {
      throw new UnreadableEventException(
          "event " + event.getId() + ": " + field + " longer than " + maxLength);
    }
    return node.asText();
  }
}
