package vn.party.localstack.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.party.localstack.LocalInfrastructure;

/**
 * The fault injection the other tests rely on: a stopped Kafka broker comes back on the same port with its topics,
 * records and committed consumer offsets; a stopped PostgreSQL comes back on the same port with its data. While
 * stopped, nothing answers on the port.
 */
class InfrastructureRestartTest {

  private static final String TOPIC = LocalInfrastructure.TOPIC_EVALUATION_EVENTS;

  @Test
  void theBrokerAndTheDatabaseComeBackWithTheirData() throws Exception {
    Path data = Files.createTempDirectory("resilience-pg-");
    try (LocalInfrastructure infra =
        LocalInfrastructure.forTests()
            .kafkaPort(LocalInfrastructure.freePort())
            .dataDirectory(data)
            .start()) {
      // Kafka: 10 records, a group that committed 4 of them
      try (var producer = new KafkaProducer<String, String>(producerConfig(infra))) {
        for (int i = 0; i < 10; i++) {
          producer.send(new ProducerRecord<>(TOPIC, 0, "k", "v" + i)).get(30, TimeUnit.SECONDS);
        }
      }
      TopicPartition p0 = new TopicPartition(TOPIC, 0);
      try (var consumer =
          new KafkaConsumer<String, String>(consumerConfig(infra, "restart-check"))) {
        consumer.commitSync(Map.of(p0, new OffsetAndMetadata(4)), Duration.ofSeconds(30));
      }

      infra.stopKafkaBroker();
      assertThat(infra.kafkaBrokerRunning()).isFalse();
      assertThat(listens(infra.kafkaPort())).as("nothing answers on the broker's port").isFalse();
      infra.startKafkaBrokerAgain();
      assertThat(listens(infra.kafkaPort())).isTrue();

      try (var consumer =
          new KafkaConsumer<String, String>(consumerConfig(infra, "restart-check"))) {
        assertThat(
                consumer.committed(java.util.Set.of(p0), Duration.ofSeconds(30)).get(p0).offset())
            .as("committed offset kept")
            .isEqualTo(4);
        assertThat(consumer.endOffsets(List.of(p0), Duration.ofSeconds(30)).get(p0))
            .as("records kept")
            .isEqualTo(10);
      }
      try (var producer = new KafkaProducer<String, String>(producerConfig(infra))) {
        assertThat(
                producer
                    .send(new ProducerRecord<>(TOPIC, 0, "k", "after"))
                    .get(30, TimeUnit.SECONDS)
                    .offset())
            .as("the partition is writable again, after the old records")
            .isEqualTo(10);
      }

      // PostgreSQL
      try (Connection c = infra.dataSource().getConnection();
          Statement st = c.createStatement()) {
        st.execute("create table restart_check (v text)");
        st.execute("insert into restart_check values ('kept')");
      }
      int port = infra.dbPort();
      infra.stopPostgres();
      assertThat(listens(port)).isFalse();
      assertThatThrownBy(() -> infra.dataSource().getConnection())
          .isInstanceOf(java.sql.SQLException.class);
      infra.startPostgresAgain();
      assertThat(infra.dbPort()).isEqualTo(port);
      assertThat(
              Fixture.count(
                  infra.dataSource(), "select count(*) from restart_check where v = 'kept'"))
          .isEqualTo(1);
    } finally {
      Fixture.deleteQuietly(data);
    }
  }

  private static boolean listens(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 2000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Map<String, Object> producerConfig(LocalInfrastructure infra) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return config;
  }

  private static Map<String, Object> consumerConfig(LocalInfrastructure infra, String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return config;
  }
}
