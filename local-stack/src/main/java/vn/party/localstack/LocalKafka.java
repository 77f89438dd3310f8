package vn.party.localstack;

import static vn.party.localstack.StartupFailure.rootMessage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node Kafka broker in KRaft mode (spring-kafka-test, a real broker) with the given topics; its broker can
 * be stopped and started again with its log directories and controller kept (fault injection).
 */
final class LocalKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

  /** Port 0 picks a random one (then the broker cannot be stopped and started again). */
  private final int port;

  private final List<String> topics;
  private final int partitions;
  private EmbeddedKafkaKraftBroker kafka;
  private String bootstrapServers;
  private boolean brokerStopped;

  /** Kafka's own JVM-exit hooks (deleting its temporary directories), run by {@link #close()} after the broker. */
  private final List<Runnable> exitHooks = new CopyOnWriteArrayList<>();

  LocalKafka(int port, List<String> topics, int partitions) {
    this.port = port;
    this.topics = List.copyOf(topics);
    this.partitions = partitions;
  }

  synchronized void start() {
    long t0 = System.nanoTime();
    Map<String, String> props = new HashMap<>();
    if (port != 0) {
      // EmbeddedKafkaKraftBroker.kafkaPorts(...) is ignored in KRaft mode; the test kit sets
      // 'listeners' only if it is absent, so setting it here fixes the client port.
      props.put("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
    }
    props.put("auto.create.topics.enable", "true");
    props.put("num.partitions", String.valueOf(partitions));
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    // a single broker: transactional and idempotent producers need these at 1
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    EmbeddedKafkaKraftBroker broker =
        new EmbeddedKafkaKraftBroker(1, partitions, topics.toArray(String[]::new));
    broker.brokerProperties(props);
    broker.adminTimeout(60);
    // do not publish spring.kafka.bootstrap-servers as a system property of this JVM
    broker.brokerListProperty(null);
    // The test kit's JVM shutdown hooks delete the broker's directories; run concurrently with an
    // orderly close they make the still-running broker log storage errors, so close() runs them.
    Exit.setShutdownHookAdder((name, hook) -> exitHooks.add(hook));
    try {
      broker.afterPropertiesSet();
    } catch (RuntimeException e) {
      try {
        broker.destroy();
      } catch (RuntimeException ignored) {
        // already failing
      }
      throw new IllegalStateException(
          "Cannot start the embedded Kafka broker"
              + (port != 0 ? " on port " + port + " (is another Kafka running there?)" : "")
              + ": "
              + rootMessage(e),
          e);
    } finally {
      Exit.resetShutdownHookAdder();
    }
    kafka = broker;
    bootstrapServers = broker.getBrokersAsString();
    awaitReady();
    log.info(
        "Kafka (KRaft, broker+controller) started in {} ms at {}, topics {} with {} partitions",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        bootstrapServers,
        topics,
        partitions);
  }

  /** The broker answers metadata requests and every topic has a leader for each partition. */
  private void awaitReady() {
    Map<String, Object> adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            20_000);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Exception last = null;
    try (AdminClient admin = AdminClient.create(adminConfig)) {
      while (System.nanoTime() < deadline) {
        try {
          admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
          boolean allLed =
              admin
                  .describeTopics(topics)
                  .allTopicNames()
                  .get(10, TimeUnit.SECONDS)
                  .values()
                  .stream()
                  .allMatch(
                      t ->
                          t.partitions().size() == partitions
                              && t.partitions().stream().allMatch(p -> p.leader() != null));
          if (allLed) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (Exception e) {
          last = e;
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
      }
    }
    throw new IllegalStateException(
        "Kafka at "
            + bootstrapServers
            + " did not become ready in 60 s"
            + (last == null ? "" : ": " + rootMessage(last)),
        last);
  }

  /** Controlled shutdown of the broker; log directories and controller stay (see {@link #startBrokerAgain()}). */
  synchronized void stopBroker() {
    if (port == 0) {
      throw new IllegalStateException(
          "stopKafkaBroker() needs a fixed Kafka port: build the infrastructure "
              + "with kafkaPort(LocalInfrastructure.freePort())");
    }
    if (brokerStopped) {
      return;
    }
    long t0 = System.nanoTime();
    broker().getCluster().brokers().values().forEach(broker -> broker.shutdown());
    brokerStopped = true;
    log.info(
        "Kafka broker stopped in {} ms (fault injection); controller and log directories kept",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  /** After {@link #stopBroker()}; waits until every topic has a leader. */
  synchronized void startBrokerAgain() {
    if (!brokerStopped) {
      throw new IllegalStateException("The Kafka broker is running");
    }
    long t0 = System.nanoTime();
    broker().getCluster().brokers().values().forEach(broker -> broker.startup());
    brokerStopped = false;
    awaitReady();
    log.info(
        "Kafka broker started again in {} ms at {}",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        bootstrapServers);
  }

  synchronized boolean brokerRunning() {
    return kafka != null && !brokerStopped;
  }

  String bootstrapServers() {
    return Objects.requireNonNull(bootstrapServers, "Kafka is not running");
  }

  int port() {
    String first = bootstrapServers().split(",")[0];
    return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
  }

  EmbeddedKafkaKraftBroker broker() {
    return Objects.requireNonNull(kafka, "Kafka is not running");
  }

  List<String> topics() {
    return topics;
  }

  /** Stops the broker, then runs Kafka's exit hooks; never throws. */
  @Override
  public synchronized void close() {
    if (kafka != null) {
      try {
        kafka.destroy();
      } catch (RuntimeException e) {
        log.warn("Stopping Kafka failed: {}", e.toString());
      }
    }
    for (Runnable hook : exitHooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        log.debug("Kafka clean-up hook failed: {}", e.toString());
      }
    }
  }
}
