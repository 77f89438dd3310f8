package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service on real parts: PostgreSQL (embedded binaries, one server per test JVM) and a real Kafka broker
 * in KRaft mode, with the demo organization loaded. Test classes share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "evaluation.outbox.poll-interval-ms=100",
      "evaluation.campaign.launch-batch-size=4",
      // each test class opens a campaign of its own year, 2018–2100, with that year's deadlines
      // (FutureCampaignYearTest and CampaignCalendarBrowserTest turn this off)
      "evaluation.campaign.any-calendar-allowed=true",
      "camunda.bpm.job-execution.wait-time-in-millis=200",
      "camunda.bpm.job-execution.max-wait=1000",
      // the corpora and matrices send thousands of wrong credentials from 127.0.0.1 on purpose; the
      // throttle's own
      // test (SignInThrottleTest) sets the real limits for its duration
      "evaluation.sign-in-throttle.account-free-failures=1000000",
      "evaluation.sign-in-throttle.address-free-failures=1000000"
    })
@EmbeddedKafka(
    kraft = true,
    partitions = 3,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    topics = {"evaluation.events", "party.member-events", "party.member-events.DLT"})
@ActiveProfiles("demo")
public abstract class IntegrationTestSupport {

  protected static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static EmbeddedPostgres postgres;

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected EmbeddedKafkaBroker kafka;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    synchronized (IntegrationTestSupport.class) {
      if (postgres == null) {
        try {
          postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    // PostgreSQL's driver, its statements counted while a test records them (SqlStatements)
    registry.add("spring.datasource.driver-class-name", SqlStatements.Driver.class::getName);
    // notification-service is not part of these tests: a port nobody listens on, so the pages meet
    // it "down"
    // (the two services together: local-stack's PortalNotificationsEndToEndTest)
    registry.add("evaluation.notifications.url", () -> "http://127.0.0.1:" + closedPort());
  }

  private static int closedPort;

  private static synchronized int closedPort() {
    if (closedPort == 0) {
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return closedPort;
  }

  /** An HTTP client signed in as the given demo user (password "demo", or "admin" for admin). */
  protected RestClient as(String user) {
    return as(user, "admin".equals(user) ? "admin" : "demo");
  }

  /** An HTTP client signed in with the given password; every answer is returned, none thrown. */
  protected RestClient as(String user, String password) {
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .defaultHeaders(h -> h.setBasicAuth(user, password, StandardCharsets.UTF_8))
        .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  /**
   * The body of {@code POST /engine-rest/user/create} (what Camunda Admin sends): the user's profile and password.
   */
  protected static Map<String, Object> engineUser(
      String id, String firstName, String lastName, String email, String password) {
    return Map.of(
        "profile",
        Map.of("id", id, "firstName", firstName, "lastName", lastName, "email", email),
        "credentials",
        Map.of("password", password));
  }

  /** Creates that engine user through engine REST as the administrator; the answer's status (204: made). */
  protected int createEngineUser(
      String id, String firstName, String lastName, String email, String password) {
    return as("admin")
        .post()
        .uri("/engine-rest/user/create")
        .contentType(MediaType.APPLICATION_JSON)
        .body(engineUser(id, firstName, lastName, email, password))
        .retrieve()
        .toBodilessEntity()
        .getStatusCode()
        .value();
  }

  protected RestClient anonymous() {
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  /** The unmatched events the administrator lists with that query ("" or "?name=value…"): 200. */
  protected List<JsonNode> unmatchedEvents(String query) {
    ResponseEntity<String> response =
        as("admin")
            .get()
            .uri("/api/v1/admin/unmatched-events" + query)
            .retrieve()
            .toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    json(response.getBody()).forEach(events::add);
    return events;
  }

  /** The status of a GET of the URI with that client (signed in or not), the body unread. */
  protected static int statusOf(RestClient client, String uri) {
    return client.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
  }

  protected static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected KafkaProducer<String, byte[]> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  /** Publishes a residence-area comment as a structured CloudEvent; returns the event. */
  protected CloudEvent sendResidenceFeedback(String memberId, int year, String comment) {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(UUID.randomUUID().toString())
            .withSource(URI.create("/residence-committee/test"))
            .withType("vn.party.member.residence-feedback")
            .withDataContentType("application/json")
            .withData(
                ("{\"memberId\":\""
                        + memberId
                        + "\",\"year\":"
                        + year
                        + ",\"comment\":\""
                        + comment
                        + "\",\"submittedBy\":\"Chi ủy khu dân cư số 1\"}")
                    .getBytes(StandardCharsets.UTF_8))
            .build();
    send(
        memberId,
        EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event));
    return event;
  }

  /**
   * Publishes the unit leadership's assessment as a structured CloudEvent; civilServiceLevel and
   * tasksCompletedPercent may be null (left out).
   */
  protected CloudEvent sendUnitAssessment(
      String memberId,
      int year,
      String civilServiceLevel,
      Double tasksCompletedPercent,
      String comment) {
    String data =
        "{\"memberId\":\""
            + memberId
            + "\",\"year\":"
            + year
            + (civilServiceLevel == null
                ? ""
                : ",\"civilServiceLevel\":\"" + civilServiceLevel + "\"")
            + (tasksCompletedPercent == null
                ? ""
                : ",\"tasksCompletedPercent\":" + tasksCompletedPercent)
            + ",\"comment\":\""
            + comment
            + "\",\"assessedBy\":\"Thủ trưởng đơn vị\"}";
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(UUID.randomUUID().toString())
            .withSource(URI.create("/unit-leadership/test"))
            .withType("vn.party.member.unit-assessment")
            .withDataContentType("application/json")
            .withData(data.getBytes(StandardCharsets.UTF_8))
            .build();
    send(
        memberId,
        EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event));
    return event;
  }

  protected void send(String key, byte[] value) {
    try (var producer = producer()) {
      producer.send(new ProducerRecord<>("party.member-events", key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads every record of a topic from the beginning, for up to the given time. */
  protected List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration within) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      long end = System.currentTimeMillis() + within.toMillis();
      while (System.currentTimeMillis() < end) {
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
      }
    }
    return records;
  }

  /** The outbox rows already checked against the schemas (the context, and so the database, is shared). */
  private static long outboxChecked;

  /**
   * Issue 16: every event the outbox holds (what is, or will be, published) matches the published contract — the
   * CloudEvents envelope with its dataschema and its data against the type's JSON Schema (docs/asyncapi). Run after
   * each test on the rows it added, so the test that produced a wrong event is the one that fails.
   */
  @org.junit.jupiter.api.AfterEach
  void everyEventInTheOutboxMatchesItsSchema() {
    synchronized (IntegrationTestSupport.class) {
      record Row(long id, byte[] payload) {}
      List<Row> rows =
          jdbc.sql("select id, payload from evaluation.outbox where id > :after order by id")
              .param("after", outboxChecked)
              .query(Row.class)
              .list();
      List<String> problems = new ArrayList<>();
      for (Row row : rows) {
        JsonNode event = json(new String(row.payload(), StandardCharsets.UTF_8));
        vn.party.evaluation.contracts.Contracts.problems(event)
            .forEach(
                problem ->
                    problems.add(
                        event.path("type").asText()
                            + " "
                            + event.path("id").asText()
                            + ": "
                            + problem));
        if (!event
            .path("dataschema")
            .asText()
            .endsWith("/asyncapi/schemas/" + event.path("type").asText() + ".json")) {
          problems.add(event.path("id").asText() + ": dataschema " + event.path("dataschema"));
        }
      }
      if (!rows.isEmpty()) {
        outboxChecked = rows.get(rows.size() - 1).id();
      }
      org.assertj.core.api.Assertions.assertThat(problems)
          .as("outbox events against docs/asyncapi")
          .isEmpty();
    }
  }

  protected static JsonNode cloudEvent(ConsumerRecord<String, byte[]> record) {
    return json(new String(record.value(), StandardCharsets.UTF_8));
  }
}
