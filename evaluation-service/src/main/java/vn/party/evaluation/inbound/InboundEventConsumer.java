package vn.party.evaluation.inbound;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.CloudEventReader;

/**
 * The one listener of the inbound topic ({@code party.member-events}): reads each record as a CloudEvent and hands
 * it to the handler of its type. Unreadable records are dead-lettered by the container's error handler; a type
 * no handler takes is kept as unmatched, for the administrator, rather than dropped.
 */
@Component
public class InboundEventConsumer {

  private static final Logger log = LoggerFactory.getLogger(InboundEventConsumer.class);

  private final CloudEventReader reader;
  private final Map<String, InboundEventHandler> handlers;
  private final UnmatchedEvents unmatched;

  public InboundEventConsumer(CloudEventReader reader, List<InboundEventHandler> handlers,
      UnmatchedEvents unmatched) {
    this.reader = reader;
    this.handlers = handlers.stream().collect(Collectors.toMap(InboundEventHandler::eventType, Function.identity()));
    this.unmatched = unmatched;
  }

  @KafkaListener(topics = "${evaluation.kafka.topics.inbound}")
  public void onMemberEvent(ConsumerRecord<String, byte[]> record) {
    CloudEvent event = reader.read(record);
    InboundEventHandler handler = handlers.get(event.getType());
    if (handler == null) {
      log.warn("no handler for event type {} ({} from {}): kept as unmatched", event.getType(), event.getId(),
          event.getSource());
      unmatched.keepUnsupported(event);
      return;
    }
    handler.handle(event, reader.data(event));
  }
}
