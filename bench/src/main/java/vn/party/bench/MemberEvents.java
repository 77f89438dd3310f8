package vn.party.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Inbound events as the party's other systems send them to evaluation-service: CloudEvents 1.0 in structured JSON
 * mode on topic {@code party.member-events}, keyed by member id (docs/contracts.md) — here the residence-area
 * comment {@code vn.party.member.residence-feedback}, in the format of the service's own integration tests
 * ({@code IntegrationTestSupport.sendResidenceFeedback}).
 */
final class MemberEvents implements AutoCloseable {

  static final String TOPIC = "party.member-events";
  static final String RESIDENCE_FEEDBACK = "vn.party.member.residence-feedback";
  static final String CONTENT_TYPE = "application/cloudevents+json";
  static final String SOURCE = "/residence/bench";

  private final KafkaProducer<String, byte[]> producer;

  MemberEvents(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // send each record at once: the open-loop schedule decides when, not the producer's batching
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-member-events");
    producer = new KafkaProducer<>(config);
  }

  /** The structured CloudEvent of a residence-area comment (a new event id each call). */
  static byte[] residenceFeedback(String eventId, String memberId, int year, String comment) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("memberId", memberId);
    data.put("year", year);
    data.put("comment", comment);
    data.put("submittedBy", "Chi ủy khu dân cư (bench)");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", eventId);
    event.put("source", SOURCE);
    event.put("type", RESIDENCE_FEEDBACK);
    event.put("time", Instant.now().toString());
    event.put("datacontenttype", "application/json");
    event.put("data", data);
    try {
      return EvaluationClient.JSON.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends the member's residence-area comment, keyed by member id; does not wait for the broker. */
  Future<RecordMetadata> sendResidenceFeedback(String memberId, int year) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            TOPIC,
            memberId,
            residenceFeedback(
                UUID.randomUUID().toString(), memberId, year, "Gương mẫu ở nơi cư trú."));
    record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    return producer.send(record);
  }

  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
