package vn.party.evaluation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Reads a Kafka record as a CloudEvent 1.0: binary mode (ce_* headers) or structured JSON mode, with or without
 * a content-type header. Anything else is an {@link UnreadableEventException}.
 */
@Component
public class CloudEventReader {

  private final EventFormat json =
      EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
  private final ObjectMapper objectMapper;

  public CloudEventReader(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  public CloudEvent read(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      throw new UnreadableEventException("empty record");
    }
    try {
      boolean hasHeaders =
          record.headers().lastHeader("ce_specversion") != null
              || record.headers().lastHeader("content-type") != null;
      CloudEvent event =
          hasHeaders
              ? KafkaMessageFactory.createReader(record.headers(), record.value()).toEvent()
              : json.deserialize(record.value());
      if (!"1.0".equals(event.getSpecVersion().toString())) {
        throw new UnreadableEventException(
            "unsupported CloudEvents specversion " + event.getSpecVersion());
      }
      return event;
    } catch (UnreadableEventException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UnreadableEventException("not a CloudEvents 1.0 record: " + e.getMessage(), e);
    }
  }

  /** The event's JSON data, or an {@link UnreadableEventException} when it has none or it is not JSON. */
  public JsonNode data(CloudEvent event) {
    if (event.getData() == null) {
      throw new UnreadableEventException("event " + event.getId() + " has no data");
    }
    try {
      // structured JSON data is read as it came: written back to bytes first, a lone surrogate
      // became
      // U+FFFD and slipped past the character check (issue 12, finding 5)
      JsonNode node =
          event.getData() instanceof JsonCloudEventData json
              ? json.getNode()
              : objectMapper.readTree(event.getData().toBytes());
      if (node == null || !node.isObject()) {
        throw new UnreadableEventException("event " + event.getId() + " data is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new UnreadableEventException("event " + event.getId() + " data is not JSON", e);
    }
  }
}
