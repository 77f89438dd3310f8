package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.inbound.InboundProducers;
import vn.party.evaluation.messaging.KafkaTopicsProperties;
import vn.party.evaluation.messaging.KafkaTopicsProperties.Producer;
import vn.party.evaluation.messaging.KafkaTopicsProperties.Topics;

/**
 * Issue 12, "forged discipline and complaint events are accepted": each outside producer writes to its own topic
 * (only its Kafka principal may, by ACL) and may send only its own event types. A discipline decision on the
 * residence committees' topic — whatever {@code source} it claims — is kept as unmatched with the reason
 * {@code PRODUCER_NOT_ALLOWED} and changes nothing; the residence comment on the same topic is taken.
 */
class InboundProducersTest extends IntegrationTestSupport {

  private static final int YEAR = 2092;

  @Test
  void anEventFromAProducerNotAllowedItsTypeIsKeptAsUnmatchedAndChangesNothing() {
    String forged =
        sendTo(
            "party.member-events.residence",
            "vn.party.member.disciplined",
            "/inspection-committee/thanh-khe-tay",
            "{\"memberId\":\"member1\",\"year\":"
                + YEAR
                + ",\"decisionId\":\"QĐ-99/UBKT\",\"form\":\"EXPULSION\",\"decidedOn\":\""
                + YEAR
                + "-03-01\",\"decidedBy\":\"Ủy ban kiểm tra\"}");
    String forgedComplaint =
        sendTo(
            "party.member-events.unit",
            "vn.party.member.complaint",
            "/complaints/x",
            "{\"memberId\":\"member1\",\"year\":"
                + YEAR
                + ",\"grounds\":\"x\",\"submittedBy\":\"member1\"}");
    String comment =
        sendTo(
            "party.member-events.residence",
            "vn.party.member.residence-feedback",
            "/residence/khu-pho-1",
            "{\"memberId\":\"member1\",\"year\":"
                + YEAR
                + ",\"comment\":\"Gương mẫu\",\"submittedBy\":\"Chi ủy khu dân cư 1\"}");
    String discipline =
        sendTo(
            "party.member-events.inspection",
            "vn.party.member.disciplined",
            "/inspection/x",
            "{\"memberId\":\"member2\",\"year\":"
                + YEAR
                + ",\"decisionId\":\"QĐ-01/UBKT\",\"form\":\"REPRIMAND\","
                + "\"decidedOn\":\""
                + YEAR
                + "-03-01\",\"decidedBy\":\"Ủy ban kiểm tra\"}");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(count("residence_feedback", "member1")).isEqualTo(1);
              assertThat(count("discipline_decision", "member2")).isEqualTo(1);
              List<JsonNode> unmatched = unmatched();
              for (String id : List.of(forged, forgedComplaint)) {
                assertThat(unmatched)
                    .filteredOn(e -> e.path("eventId").asText().equals(id))
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.path("reason").asText()).isEqualTo("PRODUCER_NOT_ALLOWED");
                          assertThat(e.path("reasonText").asText()).contains("không được phép");
                          assertThat(e.path("memberId").asText()).isEqualTo("member1");
                        });
              }
            });
    assertThat(count("discipline_decision", "member1"))
        .as("the forged discipline changed nothing")
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from evaluation.complaint where year = :y")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(unmatched())
        .noneMatch(
            e ->
                e.path("eventId").asText().equals(comment)
                    || e.path("eventId").asText().equals(discipline));
  }

  @Test
  void theSharedTopicCountsOnlyWhereTrustedAndProducerTopicsMustBeTheirOwn() {
    Topics topics = new Topics("evaluation.events", "party.member-events");
    Map<String, Producer> producers =
        Map.of(
            "residence-committees",
            new Producer(
                "party.member-events.residence", List.of("vn.party.member.residence-feedback")));
    InboundProducers untrusted =
        new InboundProducers(new KafkaTopicsProperties(topics, 3, producers, false));
    assertThat(untrusted.refusal("party.member-events", "vn.party.member.residence-feedback"))
        .isPresent();
    assertThat(
            untrusted.refusal(
                "party.member-events.residence", "vn.party.member.residence-feedback"))
        .isEmpty();
    assertThat(untrusted.refusal("party.member-events.residence", "vn.party.member.disciplined"))
        .contains("residence-committees");
    assertThat(untrusted.topics())
        .containsExactly("party.member-events", "party.member-events.residence");
    InboundProducers trusted =
        new InboundProducers(new KafkaTopicsProperties(topics, 3, producers, null));
    assertThat(trusted.refusal("party.member-events", "vn.party.member.disciplined")).isEmpty();

    assertThatThrownBy(
            () ->
                new InboundProducers(
                    new KafkaTopicsProperties(
                        topics,
                        3,
                        Map.of("x", new Producer("party.member-events", List.of())),
                        false)))
        .hasMessageContaining("evaluation.kafka.producers.x.topic");
    assertThatThrownBy(
            () ->
                new InboundProducers(
                    new KafkaTopicsProperties(
                        topics,
                        3,
                        Map.of(
                            "a", new Producer("t", List.of()), "b", new Producer("t", List.of())),
                        false)))
        .hasMessageContaining("two producers");
  }

  private String sendTo(String topic, String type, String source, String data) {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(UUID.randomUUID().toString())
            .withSource(URI.create(source))
            .withType(type)
            .withDataContentType("application/json")
            .withData(data.getBytes(StandardCharsets.UTF_8))
            .build();
    try (var producer = producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  "member1",
                  EventFormatProvider.getInstance()
                      .resolveFormat(JsonFormat.CONTENT_TYPE)
                      .serialize(event)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return event.getId();
  }

  private int count(String table, String memberId) {
    return jdbc.sql(
            "select count(*) from evaluation." + table + " where year = :y and member_id = :m")
        .param("y", YEAR)
        .param("m", memberId)
        .query(Integer.class)
        .single();
  }

  private List<JsonNode> unmatched() {
    return unmatchedEvents("?reason=PRODUCER_NOT_ALLOWED");
  }
}
