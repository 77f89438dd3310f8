package vn.party.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.notification.support.Events;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.Mails;
import vn.party.notification.support.TestInfrastructure;

/** Records that can never be processed go to evaluation.events.DLT at once, and the consumer goes on. */
class PoisonRecordsTest extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired MeterRegistry meterRegistry;

  private KafkaConsumer<String, byte[]> deadLetters;

  @BeforeEach
  void readDeadLetters() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA.getBrokersAsString());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    deadLetters =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    deadLetters.subscribe(List.of(Events.DEAD_LETTER_TOPIC));
  }

  @AfterEach
  void close() {
    deadLetters.close();
  }

  @Test
  void notJsonGoesToTheDeadLetterTopicAndTheNextEventIsStillProcessed() {
    String key = "poison-" + UUID.randomUUID();
    double before = deadLettered();

    Events.publishRaw(key, "not json".getBytes(StandardCharsets.UTF_8));
    Events.publish(key, Events.taskAssigned("Tự kiểm điểm", "Nguyễn Văn An", Events.member1()));

    ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(key);
    assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Events.TOPIC);
    assertThat(header(deadLetter, DeadLetters.REASON_HEADER))
        .startsWith("not a readable CloudEvent");
    await()
        .atMost(WAIT)
        .until(() -> Mails.receivedBy("member1@thanhkhetay.example.vn").size() == 1);
    await().atMost(WAIT).until(() -> deadLettered() == before + 1);
  }

  @Test
  void aWrongSpecVersionGoesToTheDeadLetterTopic() {
    String key = "poison-" + UUID.randomUUID();
    String json =
        """
        {"specversion":"0.1","id":"%s","source":"/evaluation-service","type":"%s","data":{}}"""
            .formatted(UUID.randomUUID(), EventTypes.TASK_ASSIGNED);

    Events.publishRaw(key, json.getBytes(StandardCharsets.UTF_8));

    ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(key);
    assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo(json);
    assertThat(header(deadLetter, DeadLetters.REASON_HEADER))
        .startsWith("not a readable CloudEvent")
        .contains("0.1");
  }

  @Test
  void missingRequiredDataFieldsGoToTheDeadLetterTopicAndNothingIsSent() {
    String key = "poison-" + UUID.randomUUID();
    Map<String, Object> data =
        Events.taskAssignedData("Tự kiểm điểm", "Nguyễn Văn An", List.of(Events.member1()));
    data.remove("taskName");
    data.remove("recipients");
    CloudEvent invalid = Events.event(EventTypes.TASK_ASSIGNED, data);
    CloudEvent valid =
        Events.taskAssigned(
            "Việc sau", "Nguyễn Văn An", Events.recipient("member2", "Trần Thị Bình"));

    Events.publish(key, invalid);
    Events.publish(key, valid);

    ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(key);
    assertThat(header(deadLetter, "content-type")).startsWith("application/cloudevents+json");
    assertThat(header(deadLetter, DeadLetters.REASON_HEADER))
        .isEqualTo(
            EventTypes.TASK_ASSIGNED
                + " "
                + invalid.getId()
                + ": recipients must not be null; taskName must not be blank");
    await().atMost(WAIT).until(() -> Mails.received().size() == 1);
    assertThat(Mails.receivedBy("member2@thanhkhetay.example.vn")).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from notification.processed_event where event_id = :id")
                .param("id", invalid.getId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aFollowUpEventBreakingTheContractGoesToTheDeadLetterTopicAndNothingIsSent() {
    String key = "poison-" + UUID.randomUUID();
    Map<String, Object> nameless =
        Events.caseReturnedData(
            "Nguyễn Văn An",
            "Thiếu nhận xét",
            List.of(Events.recipient("secretary1", "Lê Văn Cường")));
    nameless.remove("memberName");
    Map<String, Object> noTask =
        Events.taskReminderData("Tự kiểm điểm", "Nguyễn Văn An", List.of(Events.member1()));
    noTask.remove("taskId");
    CloudEvent returned = Events.event(EventTypes.CASE_RETURNED, nameless);
    CloudEvent reminder = Events.event(EventTypes.TASK_REMINDER, noTask);
    CloudEvent valid =
        Events.event(
            EventTypes.TASK_OVERDUE,
            Events.taskOverdueData(
                "Việc sau",
                "Nguyễn Văn An",
                null,
                List.of(Events.recipient("member2", "Trần Thị Bình"))));

    Events.publish(key, returned);
    Events.publish(key, reminder);
    Events.publish(key, valid);

    List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(key, 2);
    assertThat(deadLetters)
        .extracting(record -> header(record, DeadLetters.REASON_HEADER))
        .containsExactly(
            EventTypes.CASE_RETURNED
                + " "
                + returned.getId()
                + ": memberName must not be blank when recipients are given",
            EventTypes.TASK_REMINDER + " " + reminder.getId() + ": taskId must not be blank");
    await().atMost(WAIT).until(() -> Mails.received().size() == 1);
    assertThat(Mails.receivedBy("member2@thanhkhetay.example.vn")).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from notification.processed_event where event_id in (:ids)")
                .param("ids", List.of(returned.getId(), reminder.getId()))
                .query(Long.class)
                .single())
        .isZero();
  }

  /**
   * Issue 12, outsiders' recheck: a NUL in a CloudEvent's id made the row that remembers it fail (a "failed" dead
   * letter after retries, no reason a person can act on), and ids differing only by a lone surrogate were remembered
   * alike (the second taken for a redelivery and dropped). Now each is refused at once, naming the attribute and the
   * reason, as the API refuses such characters; nothing is processed.
   */
  @Test
  void cloudEventAttributesWithCharactersTheApiRefusesAreDeadLetteredNamingTheAttribute()
      throws Exception {
    String key = "poison-" + UUID.randomUUID();
    String prefix = "attack-" + UUID.randomUUID();
    String data =
        new ObjectMapper()
            .writeValueAsString(
                Events.taskAssignedData(
                    "Tự kiểm điểm", "Nguyễn Văn An", List.of(Events.member1())));
    // written as a producer would, JSON escapes and all
    String[][] attacks = {
      {prefix + "\\u0000", Events.SOURCE, "id: control-characters"},
      {prefix + "-twin\\ud800", Events.SOURCE, "id: invalid-characters"},
      {prefix + "-twin\\ud801", Events.SOURCE, "id: invalid-characters"},
      {prefix + "-rtl", Events.SOURCE + "\\u202e", "source: invalid-characters"},
      // the outsider's re-attack of 2026-12-06 (fourth session): an empty id was processed
      {"", Events.SOURCE, "id: required"},
      // and ids that show nothing, which evaluation-service refuses (TextCharacters.blank): Hangul
      // fillers, a Braille blank
      {"\\u3164\\u3164\\u3164", Events.SOURCE, "id: required"},
      {"\\u2800 \\u3164", Events.SOURCE, "id: required"}
    };
    for (String[] attack : attacks) {
      String json =
          """
          {"specversion":"1.0","id":"%s","source":"%s","type":"%s","datacontenttype":"application/json","data":%s}"""
              .formatted(attack[0], attack[1], EventTypes.TASK_ASSIGNED, data);
      Events.publishRaw(key, json.getBytes(StandardCharsets.UTF_8));
    }

    assertThat(awaitDeadLetters(key, attacks.length))
        .extracting(record -> header(record, DeadLetters.REASON_HEADER))
        .containsExactly(
            Arrays.stream(attacks)
                .map(a -> "CloudEvent attributes the API refuses: " + a[2])
                .toArray(String[]::new));
    assertThat(
            jdbc.sql("select count(*) from notification.processed_event where event_id like :p")
                .param("p", prefix + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int count) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              deadLetters
                  .poll(Duration.ofMillis(200))
                  .forEach(
                      record -> {
                        if (key.equals(record.key())) {
                          found.add(record);
                        }
                      });
              return found.size() >= count;
            });
    assertThat(found).hasSize(count);
    return found;
  }

  private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
    return awaitDeadLetters(key, 1).get(0);
  }

  private double deadLettered() {
    Counter counter = meterRegistry.find(DeadLetters.COUNTER).tag("reason", "invalid").counter();
    return counter == null ? 0 : counter.count();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
