package vn.party.evaluation.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.InboundEventHandler;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.UnreadableEventException;
import vn.party.evaluation.process.TextLimits;

/** {@code vn.party.member.residence-feedback}: reads the comment; data it cannot read is dead-lettered. */
@Component
public class ResidenceFeedbackHandler implements InboundEventHandler {

  private static final Logger log = LoggerFactory.getLogger(ResidenceFeedbackHandler.class);
  static final int MAX_COMMENT = TextLimits.RESIDENCE_COMMENT;

  private final ResidenceFeedbackService service;

  public ResidenceFeedbackHandler(ResidenceFeedbackService service) {
    this.service = service;
  }

  @Override
  public String eventType() {
    return EventTypes.RESIDENCE_FEEDBACK;
  }

  @Override
  public void handle(CloudEvent event, JsonNode data) {
    ResidenceFeedback feedback = feedback(event, data);
    InboundEventHandler.logReceived(
        log,
        service.receive(event, feedback),
        "residence feedback {} for {}/{}{}",
        event.getId(),
        feedback.year(),
        feedback.memberId());
  }

  private static ResidenceFeedback feedback(CloudEvent event, JsonNode data) {
    String memberId = text(event, data, "memberId", TextLimits.ID);
    String comment = text(event, data, "comment", MAX_COMMENT);
    String submittedBy = text(event, data, "submittedBy", TextLimits.NAME);
    JsonNode year = data.get("year");
    if (year == null || !year.canConvertToInt() || year.asInt() < 2000 || year.asInt() > 2100) {
      throw new UnreadableEventException("event " + event.getId() + ": year missing or invalid");
    }
    return new ResidenceFeedback(memberId, year.asInt(), comment, submittedBy);
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
