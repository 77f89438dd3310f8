package vn.party.notification.inbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead letter's value as the original record's bytes: raw bytes for a record that could
 * not be deserialized, {@link InboundEvent#raw()} for one whose processing failed.
 */
public class DeadLetterValueSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (data instanceof byte[] bytes) {
      return bytes;
    }
    if (data instanceof InboundEvent event) {
      return event.raw();
    }
    return data.toString().getBytes(StandardCharsets.UTF_8);
  }
}
