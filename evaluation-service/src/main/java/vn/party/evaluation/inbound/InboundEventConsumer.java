package vn.party.evaluation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
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
import vn.party.evaluation.contracts.EventSchemas;
import vn.party.evaluation.messaging.CloudEventReader;

/**
 * The one listener of the inbound topic ({@code party.member-events}): reads each record as a CloudEvent and hands
 * it to the handler of its type. Unreadable records are dead-lettered by the container's error handler; a type
 * no handler takes is kept as unmatched, for the administrator, rather than dropped. Data is first checked against
 * its type's published JSON Schema (docs/asyncapi/schemas): data that does not match is kept as unmatched
 * ({@code INVALID_DATA}) with the schema's message, and no handler sees it.
 */
@Component
public class InboundEventConsumer {

  private static final Logger log = LoggerFactory.getLogger(InboundEventConsumer.class);

  private final CloudEventReader reader;
  private final Map<String, InboundEventHandler> handlers;
  private final UnmatchedEvents unmatched;
  private final EventSchemas schemas;

  public InboundEventConsumer(CloudEventReader reader, List<InboundEventHandler> handlers,
      UnmatchedEvents unmatched, EventSchemas schemas) {
    this.schemas = schemas;
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
    JsonNode data = reader.data(event);
    List<String> problems = schemas.problems(event.getType(), data);
    if (!problems.isEmpty()) {
      log.warn("event {} from {} ({}) does not match its schema: {}", event.getId(), event.getSource(),
          event.getType(), problems);
      unmatched.keepInvalid(event, year(data), text(data, "memberId"), String.join("; ", problems));
      return;
    }
    handler.handle(event, data);
  }

  /** The year, when it is one (the list shows it); anything else is left out, the problem says why. */
  private static Integer year(JsonNode data) {
    JsonNode year = data.get("year");
    return year != null && year.isIntegralNumber() && year.canConvertToInt() ? year.intValue() : null;
  }

  private static String text(JsonNode data, String field) {
    JsonNode node = data.get(field);
    return node != null && node.isTextual() && node.asText().length() <= 100 ? node.asText() : null;
  }
}
