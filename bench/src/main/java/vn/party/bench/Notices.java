package vn.party.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * evaluation-service's outgoing events ({@code evaluation.events}) as the bench's virtual users learn of their work:
 * each {@code task.assigned} is the notice (and e-mail link) that tells a member or a committee that a task waits,
 * with its id; {@code member.decided} ends a member's evaluation. Read by one thread from the end of the topic as it
 * stood at {@link #start}, without a consumer group (nothing is committed).
 */
final class Notices implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Notices.class);
  static final String TOPIC = "evaluation.events";
  static final String TASK_ASSIGNED = "vn.party.evaluation.task.assigned";
  static final String MEMBER_DECIDED = "vn.party.evaluation.member.decided";

  /**
   * One outgoing event, as much as the bench needs of it; taskId, taskKey, assignee and candidateGroup only for
   * task.assigned (one of the last two).
   */
  record Notice(
      String type,
      String memberId,
      String taskId,
      String taskKey,
      String assignee,
      String candidateGroup) {

    /** Parses a structured CloudEvent of {@code evaluation.events}; null if it is not JSON or has no data. */
    static Notice parse(byte[] value) {
      if (value == null) {
        return null;
      }
      JsonNode event;
      try {
        event = EvaluationClient.JSON.readTree(value);
      } catch (IOException e) {
        return null;
      }
      JsonNode data = event == null ? null : event.get("data");
      if (data == null || !data.isObject()) {
        return null;
      }
      return new Notice(
          event.path("type").asText(null),
          text(data, "memberId"),
          text(data, "taskId"),
          text(data, "taskKey"),
          text(data, "assignee"),
          text(data, "candidateGroup"));
    }

    private static String text(JsonNode data, String field) {
      JsonNode v = data.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean stopped;

  private Notices(String bootstrapServers, Consumer<Notice> handler) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-notices");
    consumer = new KafkaConsumer<>(config);
    List<TopicPartition> partitions =
        consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(TOPIC, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // resolve the positions now, so that everything published after start() is seen
    partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
    thread = new Thread(() -> poll(handler), "bench-notices");
    thread.setDaemon(true);
  }

  /** Starts reading at the topic's current end; {@code handler} runs on the reading thread (keep it short). */
  static Notices start(String bootstrapServers, Consumer<Notice> handler) {
    Notices notices = new Notices(bootstrapServers, handler);
    notices.thread.start();
    return notices;
  }

  private void poll(Consumer<Notice> handler) {
    try {
      while (!stopped) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          Notice notice = Notice.parse(record.value());
          if (notice != null) {
            try {
              handler.accept(notice);
            } catch (RuntimeException e) {
              log.warn("notice handler failed on {}: {}", notice, e.toString());
            }
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    stopped = true;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
