package vn.party.notification.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code evaluation.events}; the offset is committed once the record's transaction has committed. */
@Component
class EvaluationEventListener {

  static final String LISTENER_ID = "evaluation-events";

  private static final Logger log = LoggerFactory.getLogger(EvaluationEventListener.class);

  private final InboxService inbox;

  EvaluationEventListener(InboxService inbox) {
    this.inbox = inbox;
  }

  // idIsGroup = false: the consumer group comes from spring.kafka.consumer.group-id.
  @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${notification.kafka.topic}")
  void onEvent(ConsumerRecord<String, InboundEvent> record) {
    InboundEvent event = record.value();
    if (event.payload() instanceof UnhandledEvent) {
      log.debug("Ignoring event {} of type {} from {}", event.id(), event.type(), event.source());
      return;
    }
    inbox.accept(event);
  }
}
