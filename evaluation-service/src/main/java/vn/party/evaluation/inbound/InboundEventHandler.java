package vn.party.evaluation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;

/**
 * Handles one CloudEvent type of the inbound topic. {@link InboundEventConsumer} routes each record to the handler
 * of its type; a type without a handler is kept as unmatched. A handler must be idempotent (use the inbox) and
 * throw {@link vn.party.evaluation.messaging.UnreadableEventException} for data it cannot read (dead-lettered). The
 * handler of an event that carries one fact to record extends {@link FactEventHandler}.
 */
public interface InboundEventHandler {

  String eventType();

  void handle(CloudEvent event, JsonNode data);
}
