package vn.party.notification.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Publishes a record that cannot be processed to the dead-letter topic, saying why, and counts it. */
public class DeadLetters implements ConsumerRecordRecoverer {

  public static final String COUNTER = "notification.events.dead_lettered";

  /** Header of a dead letter saying in plain words why it could not be processed. */
  public static final String REASON_HEADER = "notification_dlt-reason";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final DeadLetterPublishingRecoverer publisher;
  private final Counter invalid;
  private final Counter failed;

  public DeadLetters(DeadLetterPublishingRecoverer publisher, MeterRegistry meterRegistry) {
    this.publisher = publisher;
    this.invalid =
        Counter.builder(COUNTER)
            .tag("reason", "invalid")
            .description("Records of evaluation.events sent to the dead-letter topic")
            .register(meterRegistry);
    this.failed =
        Counter.builder(COUNTER)
            .tag("reason", "failed")
            .description("Records of evaluation.events sent to the dead-letter topic")
            .register(meterRegistry);
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception exception) {
    InvalidEventException invalidEvent = find(exception, InvalidEventException.class);
    String reason = reason(exception);
    log.warn(
        "Dead-lettering record {}-{}@{} (key {}): {}",
        record.topic(),
        record.partition(),
        record.offset(),
        record.key(),
        reason);
    // Throws when the dead letter cannot be written; the record is then retried, not lost.
    publisher.accept(record, exception);
    (invalidEvent != null ? invalid : failed).increment();
  }

  /** The InvalidEventException's message, else the innermost cause. */
  static String reason(Exception exception) {
    InvalidEventException invalidEvent = find(exception, InvalidEventException.class);
    return invalidEvent != null ? invalidEvent.getMessage() : mostSpecific(exception).toString();
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable mostSpecific(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
