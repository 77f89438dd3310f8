package vn.party.evaluation.messaging;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param producers          issue 12: each outside producer (by its Kafka principal) with the topic only it may write
 *                           to (Kafka ACLs, docker-compose) and the inbound event types it may send; an event of
 *                           another type on that topic is kept as unmatched ({@code PRODUCER_NOT_ALLOWED})
 * @param sharedTopicTrusted whether events on the shared inbound topic ({@code topics.inbound}) are believed for every
 *                           type: true where anyone who can write to the broker is trusted anyway (the local stack,
 *                           PLAINTEXT on loopback); false where producers are authenticated (docker-compose), so that
 *                           only the per-producer topics count
 */
@ConfigurationProperties("evaluation.kafka")
public record KafkaTopicsProperties(
    Topics topics, int partitions, Map<String, Producer> producers, Boolean sharedTopicTrusted) {

  public KafkaTopicsProperties {
    producers = producers == null ? Map.of() : Map.copyOf(producers);
    sharedTopicTrusted = sharedTopicTrusted == null || sharedTopicTrusted;
  }

  public record Topics(String outbound, String inbound) {

    public String inboundDeadLetter() {
      return inbound + ".DLT";
    }
  }

  /** An outside producer: the topic it alone writes to, and the event types it may send. */
  public record Producer(String topic, List<String> types) {

    public Producer {
      types = types == null ? List.of() : List.copyOf(types);
    }
  }
}
