package vn.party.evaluation.messaging;

import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka, oldest first. One instance at a time publishes (a PostgreSQL advisory
 * lock), which keeps each key's events in order even with several service nodes. Delivery is at least once: a
 * crash between the send and the update sends the row again, and consumers deduplicate by CloudEvent id.
 */
@Component
public class OutboxPublisher {

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
  private static final long PUBLISHER_LOCK = 0x0E7A1_0B0BL;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final KafkaTemplate<String, byte[]> kafka;
  private final OutboxProperties properties;
  private final Counter published;

  public OutboxPublisher(
      JdbcClient jdbc,
      TransactionTemplate tx,
      KafkaTemplate<String, byte[]> kafka,
      OutboxProperties properties,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.kafka = kafka;
    this.properties = properties;
    this.published = meters.counter("evaluation.outbox.published");
  }

  private record Row(long id, String topic, String messageKey, byte[] payload) {}

  @Scheduled(fixedDelayString = "${evaluation.outbox.poll-interval-ms}")
  public void publishPending() {
    try {
      Integer sent;
      do {
        sent = tx.execute(status -> publishBatch());
      } while (sent != null && sent == properties.batchSize());
    } catch (RuntimeException e) {
      // Kafka or the database is away: the rows stay unpublished and the next poll tries again.
      log.warn("outbox publishing paused: {}", e.getMessage());
    }
  }

  private int publishBatch() {
    Boolean locked =
        jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
            .param("lock", PUBLISHER_LOCK)
            .query(Boolean.class)
            .single();
    if (!Boolean.TRUE.equals(locked)) {
      return 0;
    }
    List<Row> rows =
        jdbc.sql(
                """
            select id, topic, message_key, payload from evaluation.outbox
            where published_at is null order by id limit :limit""")
            .param("limit", properties.batchSize())
            .query(Row.class)
            .list();
    if (rows.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
    for (Row row : rows) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
      record
          .headers()
          .add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
      sends.add(kafka.send(record));
    }
    List<Long> done = new ArrayList<>();
    try {
      for (int i = 0; i < rows.size(); i++) {
        sends.get(i).get(30, TimeUnit.SECONDS);
        done.add(rows.get(i).id());
      }
    } catch (Exception e) {
      log.warn(
          "outbox send failed after {} of {} events: {}", done.size(), rows.size(), e.toString());
    } finally {
      if (!done.isEmpty()) {
        jdbc.sql("update evaluation.outbox set published_at = now() where id in (:ids)")
            .param("ids", done)
            .update();
        published.increment(done.size());
      }
    }
    return done.size();
  }
}
