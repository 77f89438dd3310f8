package vn.party.evaluation.inbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.party.evaluation.messaging.KafkaTopicsProperties;
import vn.party.evaluation.messaging.KafkaTopicsProperties.Producer;

/**
 * Who may send which inbound event (issue 12). Kafka does not stamp the producer's principal on a record, so the
 * consumer learns the producer from the topic: each outside producer has a topic of its own, which only its
 * principal may write to (ACLs in docker-compose), and an event is believed only if its type is one that producer
 * may send ({@code evaluation.kafka.producers}). The CloudEvent {@code source} is the producer's own word and proves
 * nothing. The shared topic counts for every type only where it is trusted ({@code shared-topic-trusted}).
 */
@Component
public class InboundProducers {

  private final String sharedTopic;
  private final boolean sharedTopicTrusted;

  /** topic → (producer name, its producer). */
  private final Map<String, Map.Entry<String, Producer>> byTopic = new HashMap<>();

  public InboundProducers(KafkaTopicsProperties properties) {
    this.sharedTopic = properties.topics().inbound();
    this.sharedTopicTrusted = properties.sharedTopicTrusted();
    properties
        .producers()
        .forEach(
            (name, producer) -> {
              if (producer.topic() == null
                  || producer.topic().isBlank()
                  || producer.topic().equals(sharedTopic)
                  || producer.topic().endsWith(".DLT")) {
                throw new IllegalStateException(
                    "evaluation.kafka.producers."
                        + name
                        + ".topic must name a topic of its own, "
                        + "not the shared topic or a dead-letter topic: "
                        + producer.topic());
              }
              if (byTopic.put(producer.topic(), Map.entry(name, producer)) != null) {
                throw new IllegalStateException(
                    "evaluation.kafka.producers: two producers write to " + producer.topic());
              }
            });
  }

  /** Every topic the inbound listener reads: the shared one and each producer's. */
  public String[] topics() {
    List<String> topics = new ArrayList<>();
    topics.add(sharedTopic);
    topics.addAll(byTopic.keySet().stream().sorted().toList());
    return topics.toArray(String[]::new);
  }

  /** The producers' own topics (declared at start-up like the shared one). */
  public List<String> producerTopics() {
    return byTopic.keySet().stream().sorted().toList();
  }

  /**
   * Why an event of {@code type} read from {@code topic} is not believed, or empty when it is: the name of the
   * producer (or the shared topic) that may not send it.
   */
  public Optional<String> refusal(String topic, String type) {
    if (topic.equals(sharedTopic)) {
      return sharedTopicTrusted ? Optional.empty() : Optional.of(sharedTopic + " (not trusted)");
    }
    Map.Entry<String, Producer> producer = byTopic.get(topic);
    if (producer == null) {
      return Optional.of(topic + " (no producer)");
    }
    return producer.getValue().types().contains(type)
        ? Optional.empty()
        : Optional.of(producer.getKey());
  }
}
