package vn.party.notification.inbox;

import java.time.OffsetDateTime;

/**
 * A record of {@code evaluation.events} as read from Kafka. It keeps the record's original bytes so
 * that a record that cannot be processed is dead-lettered exactly as it arrived.
 */
public record InboundEvent(
    String id, String source, String type, OffsetDateTime time, EventPayload payload, byte[] raw) {

  @Override
  public String toString() {
    return "InboundEvent[type=" + type + ", source=" + source + ", id=" + id + "]";
  }
}
