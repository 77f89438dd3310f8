package vn.party.notification.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.party.notification.inbox.EventTypes;

/**
 * Publishes events to the real broker the way evaluation-service does: CloudEvents built and
 * serialized with the io.cloudevents SDK.
 */
public final class Events {

  public static final String TOPIC = "evaluation.events";
  public static final String DEAD_LETTER_TOPIC = "evaluation.events.DLT";
  public static final String SOURCE = "/evaluation-service";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static KafkaProducer<String, CloudEvent> structured;
  private static KafkaProducer<String, CloudEvent> binary;
  private static KafkaProducer<String, byte[]> raw;

  private Events() {}

  public static Map<String, Object> recipient(String userId, String displayName) {
    Map<String, Object> recipient = new LinkedHashMap<>();
    recipient.put("userId", userId);
    recipient.put("email", userId + "@thanhkhetay.example.vn");
    recipient.put("displayName", displayName);
    return recipient;
  }

  /** The demo's first member, Nguyễn Văn An, as a recipient. */
  public static Map<String, Object> member1() {
    return recipient("member1", "Nguyễn Văn An");
  }

  /** A task.assigned event of the task named, about the member named, to these recipients. */
  @SafeVarargs
  public static CloudEvent taskAssigned(
      String taskName, String memberName, Map<String, Object>... recipients) {
    return event(
        EventTypes.TASK_ASSIGNED, taskAssignedData(taskName, memberName, List.of(recipients)));
  }

  /**
   * The data of an event about member1's evaluation of 2025 in the demo organization: the member, the year and the
   * organization first, as evaluation-service writes them; the caller adds the rest and the recipients.
   */
  public static Map<String, Object> aboutMember1() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("memberId", "member1");
    data.put("memberName", "Nguyễn Văn An");
    data.put("year", 2025);
    data.put("organizationId", "thanh-khe-tay");
    return data;
  }

  public static Map<String, Object> taskAssignedData(
      String taskName, String memberName, List<Map<String, Object>> recipients) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("taskId", UUID.randomUUID().toString());
    data.put("taskKey", "self-review");
    data.put("taskName", taskName);
    data.put("assignee", recipients.size() == 1 ? recipients.get(0).get("userId") : null);
    data.put(
        "candidateGroup", recipients.size() == 1 ? null : "branch-committee-thanh-khe-tay-cb1");
    data.put("memberId", "member1");
    data.put("memberName", memberName);
    data.put("year", 2025);
    data.put("organizationId", "thanh-khe-tay");
    data.put("branchId", "thanh-khe-tay-cb1");
    data.put("dueDate", "2025-12-15T10:00:00Z");
    // As evaluation-service builds it: a Camunda Tasklist link.
    data.put(
        "taskUrl",
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + data.get("taskId"));
    data.put("recipients", recipients);
    return data;
  }

  /** task.reminder carries exactly the fields of task.assigned. */
  public static Map<String, Object> taskReminderData(
      String taskName, String memberName, List<Map<String, Object>> recipients) {
    return taskAssignedData(taskName, memberName, recipients);
  }

  /** task.overdue: the fields of task.assigned plus escalatedTo (a group id, or null). */
  public static Map<String, Object> taskOverdueData(
      String taskName,
      String memberName,
      String escalatedTo,
      List<Map<String, Object>> recipients) {
    Map<String, Object> data = taskAssignedData(taskName, memberName, recipients);
    data.put("escalatedTo", escalatedTo);
    return data;
  }

  /** case.returned as the producer now sends it: with memberName, organizationId, branchId and recipients. */
  public static Map<String, Object> caseReturnedData(
      String memberName, String reason, List<Map<String, Object>> recipients) {
    Map<String, Object> data = caseReturnedDataOfAnOlderProducer(reason);
    data.put("memberName", memberName);
    data.put("organizationId", "thanh-khe-tay");
    data.put("branchId", "thanh-khe-tay-cb1");
    data.put("recipients", recipients);
    return data;
  }

  /** case.returned as first specified: memberId, year, reason, returnedBy, returnedAt; nobody to notify. */
  public static Map<String, Object> caseReturnedDataOfAnOlderProducer(String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("memberId", "member1");
    data.put("year", 2025);
    data.put("reason", reason);
    data.put("returnedBy", "committee");
    data.put("returnedAt", OffsetDateTime.now().toString());
    return data;
  }

  public static Map<String, Object> memberDecidedData(
      String level, String comment, List<Map<String, Object>> recipients) {
    Map<String, Object> data = aboutMember1();
    data.put("decidedLevel", level);
    data.put("decisionComment", comment);
    data.put("decidedBy", "committee");
    data.put("decidedAt", OffsetDateTime.now().toString());
    data.put("recipients", recipients);
    return data;
  }

  public static CloudEvent event(String type, Map<String, Object> data) {
    return event(UUID.randomUUID().toString(), type, data);
  }

  public static CloudEvent event(String id, String type, Map<String, Object> data) {
    try {
      return CloudEventBuilder.v1()
          .withId(id)
          .withSource(URI.create(SOURCE))
          .withType(type)
          .withTime(OffsetDateTime.now())
          .withData("application/json", JSON.writeValueAsBytes(data))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Structured JSON mode, content-type header application/cloudevents+json (the contract's default). */
  public static void publish(String key, CloudEvent event) {
    send(structuredProducer(), new ProducerRecord<>(TOPIC, key, event));
  }

  /** Binary mode: attributes in ce_* headers, the data as the value. */
  public static void publishBinary(String key, CloudEvent event) {
    send(binaryProducer(), new ProducerRecord<>(TOPIC, key, event));
  }

  /** Bytes exactly as given, with no headers. */
  public static void publishRaw(String key, byte[] value) {
    send(rawProducer(), new ProducerRecord<>(TOPIC, null, key, value, new RecordHeaders()));
  }

  public static byte[] structuredJson(CloudEvent event) {
    return new JsonFormat().serialize(event);
  }

  private static <V> void send(
      KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish to " + record.topic(), e);
    }
  }

  private static synchronized KafkaProducer<String, CloudEvent> structuredProducer() {
    if (structured == null) {
      structured = cloudEventProducer(Encoding.STRUCTURED);
    }
    return structured;
  }

  private static synchronized KafkaProducer<String, CloudEvent> binaryProducer() {
    if (binary == null) {
      binary = cloudEventProducer(Encoding.BINARY);
    }
    return binary;
  }

  private static synchronized KafkaProducer<String, byte[]> rawProducer() {
    if (raw == null) {
      raw =
          new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }
    return raw;
  }

  private static KafkaProducer<String, CloudEvent> cloudEventProducer(Encoding encoding) {
    Map<String, Object> config = producerConfig();
    config.put(CloudEventSerializer.ENCODING_CONFIG, encoding.name());
    config.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
    CloudEventSerializer serializer = new CloudEventSerializer();
    serializer.configure(config, false);
    return new KafkaProducer<>(config, new StringSerializer(), serializer);
  }

  private static Map<String, Object> producerConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA.getBrokersAsString());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return config;
  }
}
