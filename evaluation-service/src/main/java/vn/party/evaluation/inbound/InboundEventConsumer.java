package vn.party.evaluation.inbound;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.CloudEventReader;
import vn.party.evaluation.process.TextLimits;

/**
 * The one listener of the inbound topics ({@code party.member-events} and each outside producer's own
 * {@code party.member-events.<producer>}): reads each record as a CloudEvent, checks that the topic's producer may
 * send its type ({@link InboundProducers}; otherwise kept as unmatched) and hands it to the handler of its type. Unreadable records are dead-lettered by the container's error handler; a type
 * no handler takes is kept as unmatched, for the administrator, rather than dropped.
 */
@Component
public class InboundEventConsumer {

  private static final Logger log = LoggerFactory.getLogger(InboundEventConsumer.class);

  private final CloudEventReader reader;
  private final Map<String, InboundEventHandler> handlers;
  private final UnmatchedEvents unmatched;
  private final InboundProducers producers;

  public InboundEventConsumer(CloudEventReader reader, List<InboundEventHandler> handlers,
      UnmatchedEvents unmatched, InboundProducers producers) {
    this.reader = reader;
    this.handlers = handlers.stream().collect(Collectors.toMap(InboundEventHandler::eventType, Function.identity()));
    this.unmatched = unmatched;
    this.producers = producers;
  }

  /** The shared topic and every producer's own topic ({@link InboundProducers}). */
  @KafkaListener(topics = "#{@inboundProducers.topics()}")
  public void onMemberEvent(ConsumerRecord<String, byte[]> record) {
    CloudEvent event = reader.read(record);
    Optional<String> refusal = producers.refusal(record.topic(), event.getType());
    if (refusal.isPresent()) {
      // the topic says who wrote it (only that principal may); the event's own source proves nothing
      log.warn("event {} of type {} on {}: {} may not send this type; kept as unmatched", event.getId(),
          event.getType(), record.topic(), refusal.get());
      unmatched.keepNotAllowed(event, memberIdOf(event));
      return;
    }
    InboundEventHandler handler = handlers.get(event.getType());
    if (handler == null) {
      log.warn("no handler for event type {} ({} from {}): kept as unmatched", event.getType(), event.getId(),
          event.getSource());
      unmatched.keepUnsupported(event);
      return;
    }
    handler.handle(event, reader.data(event));
  }

  /** The data's memberId if it is readable text of a sane length; otherwise none (the data is kept anyway). */
  private String memberIdOf(CloudEvent event) {
    try {
      com.fasterxml.jackson.databind.JsonNode memberId = reader.data(event).get("memberId");
      return memberId != null && memberId.isTextual() && memberId.asText().length() <= TextLimits.ID
          ? memberId.asText() : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
