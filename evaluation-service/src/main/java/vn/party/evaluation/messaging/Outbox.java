package vn.party.evaluation.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.contracts.EventSchemas;

/**
 * Writes outgoing events into the outbox table, inside the caller's transaction: an event exists if and only if
 * the change that caused it committed. {@link OutboxPublisher} sends them to Kafka afterwards.
 */
@Component
public class Outbox {

  static final URI SOURCE = URI.create("/evaluation-service");

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;
  private final KafkaTopicsProperties topics;
  private final EventSchemas schemas;
  private final EventFormat format =
      EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

  public Outbox(
      JdbcClient jdbc,
      ObjectMapper objectMapper,
      KafkaTopicsProperties topics,
      EventSchemas schemas) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
    this.topics = topics;
    this.schemas = schemas;
  }

  /**
   * @param key the Kafka key: the member id for a member's events, the organization id for a campaign's, so that
   *            one member's events stay in order on one partition
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID publish(String type, String key, Object data) {
    UUID id = UUID.randomUUID();
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(id.toString())
            .withSource(SOURCE)
            .withType(type)
            .withSubject(key)
            .withTime(OffsetDateTime.now(ZoneOffset.UTC))
            .withDataContentType("application/json")
            // the JSON Schema of data (docs/asyncapi), served under the public URL: consumers can
            // check before they read
            .withDataSchema(schemas.dataSchema(type))
            .withData(toJson(data))
            .build();
    jdbc.sql(
            """
            insert into evaluation.outbox (event_id, topic, message_key, event_type, payload)
            values (:id, :topic, :key, :type, :payload)""")
        .param("id", id)
        .param("topic", topics.topics().outbound())
        .param("key", key)
        .param("type", type)
        .param("payload", format.serialize(event))
        .update();
    return id;
  }

  private byte[] toJson(Object data) {
    try {
      return objectMapper.writeValueAsBytes(data);
    } catch (Exception e) {
      throw new IllegalStateException("event data not serializable: " + data.getClass(), e);
    }
  }
}
