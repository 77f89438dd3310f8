package vn.party.localstack.resilience;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.party.localstack.LocalInfrastructure;
import vn.party.localstack.LocalStack;
import vn.party.localstack.ServiceJars;
import vn.party.localstack.ServiceProcess;

/**
 * What the fault tests share: the system started as in production (real PostgreSQL, a real Kafka broker, GreenMail,
 * the two service jars as separate processes), HTTP with Basic credentials, JDBC look-ups, Kafka reads and writes,
 * generated members. Every wait is bounded.
 */
final class Fixture {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DEMO_ORGANIZATION = "thanh-khe-tay";
  static final Duration START_TIMEOUT = Duration.ofMinutes(8);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private Fixture() {}

  // ------------------------------------------------------------------ processes

  static ServiceJars jars() {
    return ServiceJars.locate();
  }

  static Path logDir(Class<?> test) {
    return jars()
        .repositoryRootPath()
        .resolve("local-stack/target/resilience-logs/" + test.getSimpleName());
  }

  /** Deletes the logs of an earlier run of {@code test}: the tests read the services' logs of this run. */
  static void freshLogDir(Class<?> test) {
    deleteQuietly(logDir(test));
  }

  /** evaluation-service on a free port; the outbox polled every 100 ms so that the tests wait less. */
  static ServiceProcess.Builder evaluationService(
      LocalInfrastructure infra, int port, boolean demo, Class<?> test) {
    return evaluationService(ServiceJars.EVALUATION_SERVICE, infra, port, demo, test);
  }

  /** The same under another name (log file {@code <name>.log}), e.g. a second node. */
  static ServiceProcess.Builder evaluationService(
      String name, LocalInfrastructure infra, int port, boolean demo, Class<?> test) {
    return LocalStack.evaluationService(name, infra, jars().evaluationService(), port, demo)
        .property("evaluation.outbox.poll-interval-ms", 100)
        .logDir(logDir(test));
  }

  static ServiceProcess.Builder notificationService(
      LocalInfrastructure infra, int port, String evaluationUrl, Class<?> test) {
    return LocalStack.notificationService(infra, jars().notificationService(), port, evaluationUrl)
        .property("notification.mail.poll-interval", "200ms")
        .logDir(logDir(test));
  }

  static Path tempDirectory(String prefix) {
    try {
      return java.nio.file.Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null || !java.nio.file.Files.exists(dir)) {
      return;
    }
    try (var all = java.nio.file.Files.walk(dir)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      System.err.println("cannot delete " + dir + ": " + e);
    }
  }

  /** Starts the service and waits until it is healthy (at most {@link #START_TIMEOUT}). */
  static ServiceProcess started(ServiceProcess.Builder service) {
    return service.start().awaitHealthy(START_TIMEOUT);
  }

  /** Stops the services, then the infrastructure (either may not have started). */
  static void stopSystem(LocalInfrastructure infra, ServiceProcess... services) {
    stopQuietly(services);
    if (infra != null) {
      infra.close();
    }
  }

  static void stopQuietly(ServiceProcess... services) {
    for (ServiceProcess service : services) {
      if (service != null) {
        try {
          service.stop();
        } catch (RuntimeException e) {
          System.err.println("stopping " + service + " failed: " + e);
        }
      }
    }
  }

  // ------------------------------------------------------------------ HTTP

  record Reply(int status, String body, HttpHeaders headers, long millis) {
    JsonNode json() {
      return Fixture.json(body);
    }

    String contentType() {
      return headers == null ? "" : headers.firstValue("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return "HTTP "
          + status
          + " in "
          + millis
          + " ms: "
          + (body.length() > 500 ? body.substring(0, 500) : body);
    }
  }

  static String password(String user) {
    return "admin".equals(user) ? "admin" : "demo";
  }

  static Reply get(String url, String user) {
    return send(
        authorized(HttpRequest.newBuilder(URI.create(url)), user)
            .header("Accept", "application/json")
            .GET()
            .build());
  }

  static Reply post(String url, String user, Object body) {
    try {
      return send(
          authorized(HttpRequest.newBuilder(URI.create(url)), user)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
    request.timeout(REQUEST_TIMEOUT);
    if (user == null) {
      return request;
    }
    String credentials = user + ":" + password(user);
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  /** Never throws for a transport failure: answers status -1 with the exception as body. */
  static Reply send(HttpRequest request) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(
          response.statusCode(),
          response.body(),
          response.headers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    } catch (IOException e) {
      return new Reply(
          -1, e.toString(), null, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  /**
   * The open task of {@code taskKey} for {@code memberId} in {@code user}'s work list, or null. Read through the
   * engine tables rather than the API so that a slow list does not time a test out.
   */
  static String taskId(DataSource db, String taskKey, int year, String memberId) {
    List<Map<String, Object>> rows =
        rows(
            db,
            """
        select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
        where t.task_def_key_ = ? and e.business_key_ = ?""",
            taskKey,
            year + ":" + memberId);
    return rows.isEmpty() ? null : (String) rows.get(0).get("id_");
  }

  // ------------------------------------------------------------------ waiting

  static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
    await(what)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .pollDelay(Duration.ZERO)
        .ignoreExceptions()
        .until(condition::getAsBoolean);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ JDBC

  static long count(DataSource db, String sql, Object... args) {
    List<Map<String, Object>> rows = rows(db, sql, args);
    Object value = rows.get(0).values().iterator().next();
    return ((Number) value).longValue();
  }

  static List<Map<String, Object>> rows(DataSource db, String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(60);
      for (int i = 0; i < args.length; i++) {
        ps.setObject(
            i + 1, args[i] instanceof String[] array ? c.createArrayOf("varchar", array) : args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static int update(DataSource db, String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Generates an organization with {@code branches} branches of {@code perBranch} active members each, straight into
   * schema {@code evaluation} (as the member registry would). With {@code emailDomain}, each member also gets a user
   * with that e-mail address in the engine's identity store (no password: they are only told about their tasks).
   * Member ids: {@code {organizationId}-m00001} …
   */
  static List<String> generateMembers(
      DataSource db, String organizationId, int branches, int perBranch, String emailDomain) {
    List<String> members = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement org =
          c.prepareStatement(
              "insert into evaluation.organization (id, name, established_on) values (?, ?, date '2001-01-01')")) {
        org.setString(1, organizationId);
        org.setString(2, "Đảng bộ thử nghiệm " + organizationId);
        org.executeUpdate();
      }
      try (PreparedStatement branch =
              c.prepareStatement(
                  "insert into evaluation.branch (id, organization_id, name) values (?, ?, ?)");
          PreparedStatement member =
              c.prepareStatement(
                  """
              insert into evaluation.party_member (id, full_name, email, branch_id, membership, status, admitted_on)
              values (?, ?, ?, ?, 'OFFICIAL', 'ACTIVE', date '2012-03-26')""");
          PreparedStatement user =
              c.prepareStatement(
                  """
              insert into act_id_user (id_, rev_, first_, last_, email_) values (?, 1, ?, ?, ?)""")) {
        int n = 0;
        for (int b = 1; b <= branches; b++) {
          String branchId = organizationId + "-cb" + b;
          branch.setString(1, branchId);
          branch.setString(2, organizationId);
          branch.setString(3, "Chi bộ số " + b);
          branch.executeUpdate();
          for (int m = 1; m <= perBranch; m++) {
            n++;
            String id = String.format("%s-m%05d", organizationId, n);
            String email = emailDomain == null ? null : id + "@" + emailDomain;
            member.setString(1, id);
            member.setString(2, "Đảng viên " + n);
            member.setString(3, email);
            member.setString(4, branchId);
            member.addBatch();
            if (emailDomain != null) {
              user.setString(1, id);
              user.setString(2, "Đảng viên");
              user.setString(3, String.valueOf(n));
              user.setString(4, email);
              user.addBatch();
            }
            members.add(id);
          }
          member.executeBatch();
          if (emailDomain != null) {
            user.executeBatch();
          }
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot generate members: " + e.getMessage(), e);
    }
    return members;
  }

  // ------------------------------------------------------------------ Kafka

  /** How many times each CloudEvent id stands on {@code topic}, reading every partition from the start to its end. */
  static Map<String, Integer> eventIdsOnTopic(LocalInfrastructure infra, String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "resilience-check-" + UUID.randomUUID());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    Map<String, Integer> counts = new HashMap<>();
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (partitions.stream()
          .anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in 3 minutes");
        }
        consumer
            .poll(Duration.ofMillis(500))
            .forEach(
                r ->
                    counts.merge(
                        json(new String(r.value(), StandardCharsets.UTF_8)).path("id").asText(),
                        1,
                        Integer::sum));
      }
    }
    return counts;
  }

  static CloudEvent residenceFeedback(String eventId, String memberId, int year, String comment) {
    try {
      return CloudEventBuilder.v1()
          .withId(eventId)
          .withSource(URI.create("/residence/khu-dan-cu-resilience"))
          .withType("vn.party.member.residence-feedback")
          .withDataContentType("application/json")
          .withData(
              JSON.writeValueAsBytes(
                  Map.of(
                      "memberId",
                      memberId,
                      "year",
                      year,
                      "comment",
                      comment,
                      "submittedBy",
                      "Chi ủy khu dân cư (thử nghiệm)")))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes structured CloudEvents to {@code party.member-events}, each under the given Kafka key. */
  static void publish(LocalInfrastructure infra, List<Map.Entry<String, CloudEvent>> keyedEvents) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    var format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    try (var producer = new KafkaProducer<String, byte[]>(config)) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (Map.Entry<String, CloudEvent> e : keyedEvents) {
        var record =
            new ProducerRecord<>(
                LocalInfrastructure.TOPIC_MEMBER_EVENTS,
                e.getKey(),
                format.serialize(e.getValue()));
        record
            .headers()
            .add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        sent.add(producer.send(record));
      }
      for (var f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish: " + e, e);
    }
  }

  // ------------------------------------------------------------------ outbox of evaluation-service

  static final String TASK_ASSIGNED = "vn.party.evaluation.task.assigned";
  static final String MEMBER_DECIDED = "vn.party.evaluation.member.decided";

  /** One row of {@code evaluation.outbox}: the CloudEvent id, type, Kafka key, data and whether it was published. */
  record OutboxEvent(String eventId, String type, String key, JsonNode data, boolean published) {}

  static List<OutboxEvent> outboxEvents(DataSource db) {
    return rows(
            db,
            "select event_id::text as eid, event_type, message_key, payload, published_at is not null as p "
                + "from evaluation.outbox order by id")
        .stream()
        .map(
            r ->
                new OutboxEvent(
                    (String) r.get("eid"),
                    (String) r.get("event_type"),
                    (String) r.get("message_key"),
                    json(new String((byte[]) r.get("payload"), StandardCharsets.UTF_8))
                        .path("data"),
                    (Boolean) r.get("p")))
        .toList();
  }

  /**
   * The e-mails notification-service owes for these events: one per distinct recipient with an address of each
   * task.assigned and member.decided event, as {@code eventId | address}.
   */
  static java.util.Set<String> expectedMails(List<OutboxEvent> events) {
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (OutboxEvent e : events) {
      if (!TASK_ASSIGNED.equals(e.type()) && !MEMBER_DECIDED.equals(e.type())) {
        continue;
      }
      java.util.Set<String> users = new java.util.HashSet<>();
      for (JsonNode r : e.data().path("recipients")) {
        String email = r.path("email").asText("");
        if (users.add(r.path("userId").asText()) && !email.isBlank()) {
          expected.add(e.eventId() + " | " + email.strip().toLowerCase());
        }
      }
    }
    return expected;
  }

  /**
   * The e-mails received beyond those owed ({@link #expectedMails}), as {@code address | subject}: what else the
   * system mailed (administrators' notices, say), so that "received" above "expected" says what it was.
   */
  static List<String> mailsNotOwed(GreenMail greenMail, java.util.Set<String> expected) {
    Map<String, Integer> owed = new TreeMap<>();
    expected.forEach(e -> owed.merge(e.substring(e.indexOf(" | ") + 3), 1, Integer::sum));
    List<String> extra = new ArrayList<>();
    for (Mail mail : mails(greenMail)) {
      int left = owed.getOrDefault(mail.recipient(), 0);
      if (left > 0) {
        owed.put(mail.recipient(), left - 1);
      } else {
        extra.add(mail.recipient() + " | " + mail.subject());
      }
    }
    return extra;
  }

  // ------------------------------------------------------------------ mail

  /** One received e-mail: recipient, subject, Message-ID. */
  record Mail(String recipient, String subject, String messageId) {}

  static List<Mail> mails(GreenMail greenMail) {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        Address[] to = m.getAllRecipients();
        String subject = m.getSubject();
        String id = m.getMessageID();
        for (Address a : to == null ? new Address[0] : to) {
          mails.add(
              new Mail(
                  ((jakarta.mail.internet.InternetAddress) a).getAddress().toLowerCase(),
                  subject,
                  id));
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot read a received e-mail: " + e, e);
      }
    }
    return mails;
  }

  /** How many e-mails each (recipient, subject) got. */
  static Map<String, Integer> mailCounts(GreenMail greenMail) {
    Map<String, Integer> counts = new TreeMap<>();
    mails(greenMail)
        .forEach(m -> counts.merge(m.recipient() + " | " + m.subject(), 1, Integer::sum));
    return counts;
  }

  static Map<String, Integer> duplicates(Map<String, Integer> counts) {
    Map<String, Integer> duplicated = new TreeMap<>();
    counts.forEach(
        (k, v) -> {
          if (v > 1) {
            duplicated.put(k, v);
          }
        });
    return duplicated;
  }
}
