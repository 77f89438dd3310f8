package vn.party.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Consumer-group chores of the bench, through Kafka's admin client. */
final class KafkaGroups {

  private static final Logger log = LoggerFactory.getLogger(KafkaGroups.class);

  private KafkaGroups() {}

  private static Admin admin(String bootstrap) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            30_000));
  }

  /**
   * Sets {@code group}'s committed offsets on {@code topic} to the topic's current end, so that a consumer of that
   * group starting now reads only what is published from now on. The group must have no live members.
   */
  static void commitEndOffsets(String bootstrap, String group, String topic) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      int partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .size();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
      admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
      log.info(
          "Consumer group {} set to the end of {}: {}",
          group,
          topic,
          offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum()
              + " records skipped");
    }
  }

  /** Waits until {@code group} is stable with at least {@code members} members (after a rebalance). */
  static void awaitMembers(String bootstrap, String group, int members, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = admin(bootstrap)) {
      while (true) {
        ConsumerGroupDescription d =
            admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
        boolean stable = d.state() == ConsumerGroupState.STABLE && d.members().size() >= members;
        if (stable) {
          log.info("Consumer group {}: {} members, stable", group, d.members().size());
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "consumer group "
                  + group
                  + " has "
                  + d.members().size()
                  + " members (state "
                  + d.state()
                  + ") after "
                  + timeout
                  + ", "
                  + members
                  + " wanted");
        }
        Thread.sleep(500);
      }
    }
  }
}
