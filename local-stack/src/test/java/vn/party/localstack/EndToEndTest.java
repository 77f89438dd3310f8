package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as it runs in production, on real parts: PostgreSQL, a Kafka broker and an SMTP server
 * (embedded, but the real thing), and the two service jars started as separate processes. One member goes
 * through every step over HTTP — including a return to the branch and a residence-area comment from Kafka.
 */
class EndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int YEAR = 2026;
  private static final String MEMBER = "member3";

  private static LocalInfrastructure infra;
  private static ServiceProcess evaluation;
  private static ServiceProcess notification;
  private static String evaluationUrl;
  private static String notificationUrl;

  @BeforeAll
  static void startSystem() {
    ServiceJars jars = ServiceJars.locate();
    infra = LocalInfrastructure.startForTests();
    Path logs = jars.repositoryRootPath().resolve("local-stack/target/e2e-logs");
    int evaluationPort = LocalInfrastructure.freePort();
    evaluationUrl = "http://localhost:" + evaluationPort;
    evaluation = LocalStack.evaluationService(infra, jars.jar(ServiceJars.EVALUATION_SERVICE), evaluationPort, true)
        .property("evaluation.outbox.poll-interval-ms", 100)
        .logDir(logs).start().awaitHealthy(Duration.ofMinutes(4));
    int notificationPort = LocalInfrastructure.freePort();
    notificationUrl = "http://localhost:" + notificationPort;
    notification = LocalStack.notificationService(infra, jars.jar(ServiceJars.NOTIFICATION_SERVICE),
            notificationPort, evaluationUrl)
        .logDir(logs).start().awaitHealthy(Duration.ofMinutes(4));
  }

  @AfterAll
  static void stopSystem() {
    if (notification != null) {
      notification.stop();
    }
    if (evaluation != null) {
      evaluation.stop();
    }
    if (infra != null) {
      infra.close();
    }
  }

  @Test
  void a_member_is_evaluated_end_to_end() throws Exception {
    // the grassroots committee opens the year's campaign
    OffsetDateTime now = OffsetDateTime.now();
    HttpResponse<String> opened = post(evaluationUrl + "/api/v1/campaigns", "committee", Map.of(
        "organizationId", "thanh-khe-tay", "year", YEAR, "regulation", "QD-366-2025",
        "selfReviewDue", now.plusDays(10).toString(), "residenceFeedbackDue", now.plusDays(20).toString(),
        "branchReviewDue", now.plusDays(30).toString(), "decisionDue", now.plusDays(40).toString()));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String campaignId = json(opened.body()).get("id").asText();

    // the member signs in to Tasklist and gets the Vietnamese self-review form
    assertTasklistShowsTheSelfReviewForm(MEMBER);

    // the member writes the self-review
    completeTask("self-review", MEMBER, Map.of("selfProposedLevel", "GOOD",
        "strengths", "Hoàn thành 100% nhiệm vụ đúng hạn.", "limitations", "Còn ngại phát biểu trong sinh hoạt."));
    await().atMost(Duration.ofSeconds(30)).until(() ->
        json(get(evaluationUrl + "/api/v1/evaluations/" + YEAR + "/" + MEMBER, MEMBER).body())
            .get("status").asText().equals("WAITING_RESIDENCE_FEEDBACK"));

    // the residence-area committee's comment arrives on Kafka and advances the evaluation
    publishResidenceFeedback(MEMBER, "Gương mẫu chấp hành quy định nơi cư trú.");

    // branch proposes, the committee returns it with a reason, the branch proposes again, the committee approves
    completeTask("branch-review", "secretary1", Map.of("branchProposedLevel", "GOOD", "branchComment", "Nhất trí",
        "eligibleVoters", 12, "votesExcellent", 1, "votesGood", 10, "votesCompleted", 1, "votesNotCompleted", 0));
    completeTask("committee-decision", "committee", Map.of("decision", "RETURN",
        "decisionComment", "Chi bộ bổ sung ý kiến về hạn chế đã nêu."));
    completeTask("branch-review", "secretary1", Map.of("branchProposedLevel", "COMPLETED",
        "branchComment", "Đã bổ sung: còn hạn chế trong sinh hoạt.", "eligibleVoters", 12, "votesExcellent", 0,
        "votesGood", 2, "votesCompleted", 10, "votesNotCompleted", 0));
    completeTask("committee-decision", "committee", Map.of("decision", "APPROVE", "decidedLevel", "COMPLETED"));

    // the stored result
    JsonNode result = json(get(evaluationUrl + "/api/v1/evaluations/" + YEAR + "/" + MEMBER, MEMBER).body());
    assertThat(result.get("status").asText()).isEqualTo("DECIDED");
    assertThat(result.at("/selfReview/level").asText()).isEqualTo("GOOD");
    assertThat(result.at("/branchReview/level").asText()).isEqualTo("COMPLETED");
    assertThat(result.at("/decision/level").asText()).isEqualTo("COMPLETED");
    assertThat(result.at("/decision/by").asText()).isEqualTo("committee");
    assertThat(result.at("/residenceFeedback/status").asText()).isEqualTo("RECEIVED");

    // the history, read by an auditor
    JsonNode history = json(get(evaluationUrl + "/api/v1/evaluations/" + YEAR + "/" + MEMBER + "/history",
        "auditor").body());
    assertThat(StreamSupport.stream(history.spliterator(), false).map(e -> e.get("kind").asText()).toList())
        .containsSubsequence("EVALUATION_STARTED", "TASK_CREATED", "TASK_COMPLETED", "EVENT_RECEIVED",
            "TASK_COMPLETED", "TASK_COMPLETED", "CASE_RETURNED", "TASK_COMPLETED", "TASK_COMPLETED", "DECIDED");

    // the events published on Kafka
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(memberEventTypes(MEMBER))
        .containsSubsequence("vn.party.evaluation.task.assigned", "vn.party.evaluation.self-review.submitted",
            "vn.party.evaluation.branch-review.completed", "vn.party.evaluation.case.returned",
            "vn.party.evaluation.member.decided"));

    // the e-mails received by the SMTP server: the task notice and the result, in Vietnamese, with the task link
    String address = MEMBER + "@thanhkhetay.example.vn";
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      List<MimeMessage> mails = mailsTo(address);
      assertThat(mails.stream().map(EndToEndTest::subject).toList())
          .anyMatch(s -> s.contains("Tự kiểm điểm"))
          .anyMatch(s -> s.contains("Kết quả xếp loại"));
      String taskMail = mails.stream().filter(m -> subject(m).contains("Tự kiểm điểm")).map(MailboxWebServer::text)
          .findFirst().orElseThrow();
      assertThat(taskMail).contains(evaluationUrl + "/app/tasks/");
      String resultMail = mails.stream().filter(m -> subject(m).contains("Kết quả")).map(MailboxWebServer::text)
          .findFirst().orElseThrow();
      assertThat(resultMail).contains("Hoàn thành nhiệm vụ");
    });
    // a candidate-group task reaches every user of the group
    await().atMost(Duration.ofSeconds(60)).until(() -> !mailsTo("secretary1@thanhkhetay.example.vn").isEmpty());

    // the in-app notifications of the signed-in member, through notification-service with the same credentials
    JsonNode notifications = json(get(notificationUrl + "/api/v1/notifications", MEMBER).body());
    assertThat(notifications.toString()).contains("Kết quả xếp loại");
    assertThat(get(notificationUrl + "/api/v1/notifications", null).statusCode()).isEqualTo(401);

    // the campaign's progress counts the decision
    JsonNode campaign = json(get(evaluationUrl + "/api/v1/campaigns/" + campaignId, "committee").body());
    assertThat(campaign.at("/progress/membersTotal").asInt()).isEqualTo(15);
    assertThat(campaign.at("/progress/membersDecided").asInt()).isEqualTo(1);
    assertThat(campaign.at("/progress/decidedByLevel/COMPLETED").asInt()).isEqualTo(1);
  }

  private static void assertTasklistShowsTheSelfReviewForm(String user) throws Exception {
    var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String webapp = evaluationUrl + "/camunda";
    browser.send(HttpRequest.newBuilder(URI.create(webapp + "/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
        .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue)
        .findFirst().orElse("");
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(webapp + "/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String[] taskId = new String[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonNode tasks = json(browser.send(HttpRequest.newBuilder(URI.create(webapp
          + "/api/engine/engine/default/task?assignee=" + user)).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString()).body());
      taskId[0] = tasks.size() > 0 ? tasks.get(0).get("id").asText() : null;
      return taskId[0] != null;
    });
    HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(webapp
        + "/api/engine/engine/default/task/" + taskId[0] + "/deployed-form")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("selfProposedLevel", "Hoàn thành xuất sắc nhiệm vụ");
  }

  private static void completeTask(String taskKey, String user, Map<String, ?> values) throws Exception {
    String[] taskId = new String[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonNode tasks = json(get(evaluationUrl + "/api/v1/tasks", user).body());
      taskId[0] = StreamSupport.stream(tasks.spliterator(), false)
          .filter(t -> taskKey.equals(t.path("taskKey").asText()) && MEMBER.equals(t.path("memberId").asText())
              && t.path("year").asInt() == YEAR)
          .map(t -> t.get("id").asText()).findFirst().orElse(null);
      return taskId[0] != null;
    });
    HttpResponse<String> done = post(evaluationUrl + "/api/v1/tasks/" + taskId[0] + "/complete", user, values);
    assertThat(done.statusCode()).as(taskKey + ": " + done.body()).isEqualTo(204);
    // wait until the task is gone from the user's list, so the next step sees the next task
    await().atMost(Duration.ofSeconds(30)).until(() -> !get(evaluationUrl + "/api/v1/tasks", user).body()
        .contains(taskId[0]));
  }

  private static void publishResidenceFeedback(String memberId, String comment) throws Exception {
    CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
        .withSource(URI.create("/residence/khu-dan-cu-1")).withType("vn.party.member.residence-feedback")
        .withDataContentType("application/json")
        .withData(JSON.writeValueAsBytes(Map.of("memberId", memberId, "year", YEAR, "comment", comment,
            "submittedBy", "Chi ủy khu dân cư số 1")))
        .build();
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (var producer = new KafkaProducer<String, byte[]>(config)) {
      var record = new ProducerRecord<>(LocalInfrastructure.TOPIC_MEMBER_EVENTS, memberId,
          EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event));
      record.headers().add("content-type", JsonFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    }
  }

  private static List<String> memberEventTypes(String memberId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<String> types = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      consumer.subscribe(List.of(LocalInfrastructure.TOPIC_EVALUATION_EVENTS));
      long end = System.currentTimeMillis() + 3000;
      while (System.currentTimeMillis() < end) {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> {
          if (memberId.equals(r.key())) {
            types.add(json(new String(r.value(), StandardCharsets.UTF_8)).get("type").asText());
          }
        });
      }
    }
    return types;
  }

  private static List<MimeMessage> mailsTo(String address) {
    return List.of(infra.greenMail().getReceivedMessages()).stream().filter(m -> {
      try {
        return m.getAllRecipients() != null && List.of(m.getAllRecipients()).toString().contains(address);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(String url, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
    return send(authorized(request, user).GET().build());
  }

  private static HttpResponse<String> post(String url, String user, Map<String, ?> body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return send(authorized(request, user).build());
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
    if (user == null) {
      return request;
    }
    String credentials = user + ":" + ("admin".equals(user) ? "admin" : "demo");
    return request.header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
