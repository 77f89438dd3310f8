package vn.party.evaluation.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.CloudEventReader;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.UnreadableEventException;

/** Listens to {@code party.member-events}; unreadable records are dead-lettered by the container's error handler. */
@Component
public class ResidenceFeedbackConsumer {

  private static final Logger log = LoggerFactory.getLogger(ResidenceFeedbackConsumer.class);
  static final int MAX_COMMENT = 10_000;

  private final CloudEventReader reader;
  private final ResidenceFeedbackService service;

  public ResidenceFeedbackConsumer(CloudEventReader reader, ResidenceFeedbackService service) {
    this.reader = reader;
    this.service = service;
  }

  @KafkaListener(topics = "${evaluation.kafka.topics.inbound}")
  public void onMemberEvent(ConsumerRecord<String, byte[]> record) {
    CloudEvent event = reader.read(record);
    if (!EventTypes.RESIDENCE_FEEDBACK.equals(event.getType())) {
      log.debug("ignoring event type {} ({})", event.getType(), event.getId());
      return;
    }
    ResidenceFeedback feedback = feedback(event, reader.data(event));
    boolean first = service.receive(event, feedback);
    log.info("residence feedback {} for {}/{}{}", event.getId(), feedback.year(), feedback.memberId(),
        first ? "" : " (duplicate, ignored)");
  }

  private static ResidenceFeedback feedback(CloudEvent event, JsonNode data) {
    String memberId = text(event, data, "memberId", 100);
    String comment = text(event, data, "comment", MAX_COMMENT);
    String submittedBy = text(event, data, "submittedBy", 300);
    JsonNode year = data.get("year");
    if (year == null || !year.canConvertToInt() || year.asInt() < 2000 || year.asInt() > 2100) {
      throw new UnreadableEventException("event " + event.getId() + ": year missing or invalid");
    }
    return new ResidenceFeedback(memberId, year.asInt(), comment, submittedBy);
  }

  private static String text(CloudEvent event, JsonNode data, String field, int maxLength) {
    JsonNode node = data.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new UnreadableEventException("event " + event.getId() + ": " + field + " missing or not text");
    }
    if (node.asText().length() > maxLength) {
      throw new UnreadableEventException("event " + event.getId() + ": " + field + " longer than " + maxLength);
    }
    return node.asText();
  }
}
