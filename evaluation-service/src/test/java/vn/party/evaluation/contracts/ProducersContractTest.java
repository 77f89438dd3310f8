package vn.party.evaluation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Who may produce which inbound event is written in three places that must agree, or an outside producer builds on
 * a document the service does not follow: the service's own map ({@code evaluation.kafka.producers} in
 * application.yml, which decides PRODUCER_NOT_ALLOWED), the AsyncAPI document (a channel per producer's topic and
 * {@code x-producers} on each inbound message) and the broker's ACLs in docker-compose (docker/kafka/acls.txt).
 */
class ProducersContractTest {

  private static final Path APPLICATION_YML = Path.of("src/main/resources/application.yml");
  private static final Path ACLS = Path.of("../docker/kafka/acls.txt");

  @Test
  void theAsyncapiChannelsNameEachProducerTopicWithExactlyTheTypesTheServiceBelievesThere() {
    Map<String, Set<String>> configured = configuredTypesByTopic();
    assertThat(configured).as("evaluation.kafka.producers in application.yml").isNotEmpty();

    Map<String, Set<String>> documented = new TreeMap<>();
    JsonNode doc = Contracts.asyncApi();
    doc.path("channels")
        .properties()
        .forEach(
            channel -> {
              String topic = channel.getValue().path("address").asText();
              if (topic.startsWith("party.member-events.")) {
                Set<String> types = new TreeSet<>();
                channel
                    .getValue()
                    .path("messages")
                    .forEach(
                        ref ->
                            types.add(
                                doc.at(ref.path("$ref").asText().substring(1))
                                    .path("name")
                                    .asText()));
                documented.put(topic, types);
              }
            });
    assertThat(documented).isEqualTo(configured);
  }

  @Test
  void eachInboundMessageNamesThePrincipalsAndTopicsAllowedToSendIt() {
    Map<String, Set<String>> configured = new TreeMap<>();
    producers()
        .properties()
        .forEach(
            producer ->
                producer
                    .getValue()
                    .path("types")
                    .forEach(
                        type ->
                            configured
                                .computeIfAbsent(type.asText(), t -> new TreeSet<>())
                                .add(
                                    producer.getKey()
                                        + " → "
                                        + producer.getValue().path("topic").asText())));

    Map<String, Set<String>> documented = new TreeMap<>();
    Contracts.messages().values().stream()
        .filter(Contracts.Message::inbound)
        .forEach(
            message ->
                message
                    .node()
                    .path("x-producers")
                    .forEach(
                        p -> {
                          assertThat(p.path("who").asText())
                              .as("who produces " + message.type())
                              .isNotBlank();
                          documented
                              .computeIfAbsent(message.type(), t -> new TreeSet<>())
                              .add(p.path("principal").asText() + " → " + p.path("topic").asText());
                        }));
    assertThat(documented).isEqualTo(configured);
  }

  @Test
  void theComposeBrokerLetsEachProducerWriteItsOwnTopicAndNothingElse() throws IOException {
    Map<String, Set<String>> configured = new TreeMap<>();
    producers()
        .properties()
        .forEach(
            producer ->
                configured.put(
                    producer.getKey(), Set.of(producer.getValue().path("topic").asText())));

    Map<String, Set<String>> granted = new TreeMap<>();
    for (String line : Files.readAllLines(ACLS)) {
      String[] columns = line.strip().split("\\s+");
      if (line.isBlank() || line.startsWith("#") || !configured.containsKey(columns[0])) {
        continue;
      }
      assertThat(columns[1]).as("an outside producer only produces: " + line).isEqualTo("produce");
      granted.computeIfAbsent(columns[0], p -> new TreeSet<>()).add(columns[2]);
    }
    assertThat(granted).isEqualTo(configured);
  }

  private static Map<String, Set<String>> configuredTypesByTopic() {
    Map<String, Set<String>> byTopic = new TreeMap<>();
    producers()
        .properties()
        .forEach(
            producer -> {
              Set<String> types =
                  byTopic.computeIfAbsent(
                      producer.getValue().path("topic").asText(), t -> new TreeSet<>());
              producer.getValue().path("types").forEach(type -> types.add(type.asText()));
            });
    return byTopic;
  }

  private static JsonNode producers() {
    return Contracts.read(APPLICATION_YML).at("/evaluation/kafka/producers");
  }
}
