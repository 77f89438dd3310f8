package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Starts the real embedded PostgreSQL, Kafka (KRaft) and GreenMail on free ports and uses each as a service would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalInfrastructureTest {

  private LocalInfrastructure infra;

  @BeforeAll
  void start() {
    infra = LocalInfrastructure.forTests().start();
  }

  @AfterAll
  void stop() {
    if (infra != null) {
      infra.close();
    }
  }

  @Test
  void postgresAcceptsTheServiceRoleOnItsDatabase() throws Exception {
    assertThat(infra.jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:" + infra.dbPort() + "/party_evaluation");
    assertThat(infra.dbPort()).isNotIn(5432, LocalInfrastructure.DEFAULT_DB_PORT);
    try (Connection c =
            DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("select 1, current_user, current_database()")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getString(2)).isEqualTo("evaluation");
        assertThat(rs.getString(3)).isEqualTo("party_evaluation");
      }
      // what the services do at start-up: Flyway creates its schema, the engine creates tables in
      // public
      st.execute("create schema if not exists notification");
      st.execute("create table public.local_stack_probe(id int primary key, name text)");
      st.execute("insert into public.local_stack_probe values (1, 'Đảng viên')");
      try (ResultSet rs = st.executeQuery("select name from public.local_stack_probe")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("Đảng viên");
      }
      try (ResultSet rs =
          st.executeQuery(
              "select pg_get_userbyid(datdba) from pg_database where datname = 'party_evaluation'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("evaluation");
      }
    }
  }

  @Test
  void kafkaHasTheContractTopicsAndCarriesARecord() throws Exception {
    try (AdminClient admin =
        AdminClient.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(LocalInfrastructure.TOPICS)
              .allTopicNames()
              .get(30, TimeUnit.SECONDS);
      assertThat(topics)
          .containsOnlyKeys(
              "evaluation.events",
              "evaluation.events.DLT",
              "party.member-events",
              "party.member-events.DLT");
      topics.values().forEach(t -> assertThat(t.partitions()).hasSize(3));
    }

    String key = "member1";
    String value = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\"}";
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            infra.kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
      producer
          .send(new ProducerRecord<>(LocalInfrastructure.TOPIC_MEMBER_EVENTS, key, value))
          .get(30, TimeUnit.SECONDS);
    }

    Map<String, Object> consumerConfig =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            infra.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "local-stack-test",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      consumer.subscribe(List.of(LocalInfrastructure.TOPIC_MEMBER_EVENTS));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
      }
    }
    assertThat(received).hasSize(1);
    assertThat(received.get(0).key()).isEqualTo(key);
    assertThat(received.get(0).value()).isEqualTo(value);
  }

  @Test
  void smtpAcceptsAnyRecipientAndTheMailCanBeReadBack() throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "localhost");
    props.put("mail.smtp.port", String.valueOf(infra.smtpPort()));
    Session session = Session.getInstance(props);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("no-reply@thanhkhetay.example.vn"));
    message.setRecipient(
        Message.RecipientType.TO, new InternetAddress("member7@thanhkhetay.example.vn"));
    message.setSubject("Nhắc việc: Tự kiểm điểm <năm 2025>", "UTF-8");
    message.setText("Đồng chí vui lòng hoàn thành bản tự kiểm điểm.", "UTF-8");
    Transport.send(message);

    assertThat(infra.greenMail().waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage[] received = infra.greenMail().getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Nhắc việc: Tự kiểm điểm <năm 2025>");
    assertThat(received[0].getAllRecipients()[0].toString())
        .isEqualTo("member7@thanhkhetay.example.vn");

    // the same mail over IMAP (authentication is disabled: any password opens the recipient's
    // mailbox)
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("localhost", infra.imapPort(), "member7@thanhkhetay.example.vn", "anything");
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessageCount()).isEqualTo(1);
      assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Nhắc việc: Tự kiểm điểm <năm 2025>");
      inbox.close(false);
    } finally {
      store.close();
    }

    // and on the mailbox page, escaped
    try (MailboxWebServer web = MailboxWebServer.start(infra.greenMail(), 0)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(web.url() + "/")).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains(
              "Hộp thư thử nghiệm",
              "member7@thanhkhetay.example.vn",
              "Nhắc việc: Tự kiểm điểm &lt;năm 2025&gt;",
              "Đồng chí vui lòng hoàn thành bản tự kiểm điểm.");
      HttpResponse<String> json =
          http.send(
              HttpRequest.newBuilder(URI.create(web.url() + "/messages.json")).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode list = new ObjectMapper().readTree(json.body());
      assertThat(list).hasSize(1);
      assertThat(list.get(0).get("subject").asText())
          .isEqualTo("Nhắc việc: Tự kiểm điểm <năm 2025>");
    }
  }
}
