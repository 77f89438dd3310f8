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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.contracts.EventSchemas;
import vn.party.evaluation.sql.RowsWrittenTogether;

/**
 * Writes outgoing events into the outbox table, inside the caller's transaction: an event exists if and only if
 * the change that caused it committed. {@link OutboxPublisher} sends them to Kafka afterwards.
 */
@Component
public class Outbox {

  static final URI SOURCE = URI.create("/evaluation-service");

  /** At most so many events in one insert. */
  private static final int ROWS_PER_STATEMENT = 500;

  /** Events of {@link #writtenTogether}, held until its work ends. */
  private final RowsWrittenTogether held =
      new RowsWrittenTogether(ROWS_PER_STATEMENT, this::insert);

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
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    row.put("topic", topics.topics().outbound());
    row.put("key", key);
    row.put("type", type);
    row.put("payload", format.serialize(event));
    held.add(row);
    return id;
  }

  /**
   * Runs {@code work} with the events it publishes written at its end, in order, in one statement per {@value
   * #ROWS_PER_STATEMENT} (issue 15: a launch batch published an event per member, a statement each). Still in the
   * caller's transaction: nothing is written if {@code work} fails.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public <T> T writtenTogether(Supplier<T> work) {
    return held.around(work);
  }

  private void insert(List<Map<String, Object>> rows) {
    StringJoiner values = new StringJoiner(", ");
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      values.add("(:id%1$d, :topic%1$d, :key%1$d, :type%1$d, :payload%1$d)".formatted(i));
      for (Map.Entry<String, Object> column : rows.get(i).entrySet()) {
        params.put(column.getKey() + i, column.getValue());
      }
    }
    jdbc.sql(
            """
            insert into evaluation.outbox (event_id, topic, message_key, event_type, payload)
            values %s"""
                .formatted(values))
        .params(params)
        .update();
  }

  private byte[] toJson(Object data) {
    try {
      return objectMapper.writeValueAsBytes(data);
    } catch (Exception e) {
      throw new IllegalStateException("event data not serializable: " + data.getClass(), e);
    }
  }
}
