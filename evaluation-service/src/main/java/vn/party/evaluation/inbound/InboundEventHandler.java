package vn.party.evaluation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.util.Arrays;
import org.slf4j.Logger;

/**
 * Handles one CloudEvent type of the inbound topic. {@link InboundEventConsumer} routes each record to the handler
 * of its type; a type without a handler is kept as unmatched. A handler must be idempotent (use the inbox) and
 * throw {@link vn.party.evaluation.messaging.UnreadableEventException} for data it cannot read (dead-lettered).
 */
public interface InboundEventHandler {

  String eventType();

  void handle(CloudEvent event, JsonNode data);

  /**
   * Logs a fact taken in, or a redelivery of one already recorded ({@code first} false, the inbox made it a no-op):
   * one wording for every handler that records a fact once. {@code format} ends with the placeholder for that note.
   */
  static void logReceived(Logger log, boolean first, String format, Object... args) {
    Object[] withNote = Arrays.copyOf(args, args.length + 1);
    withNote[args.length] = first ? "" : " (duplicate, ignored)";
    log.info(format, withNote);
  }
}
