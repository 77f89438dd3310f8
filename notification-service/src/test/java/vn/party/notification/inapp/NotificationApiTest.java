package vn.party.notification.inapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.party.notification.compose.NotificationKind;
import vn.party.notification.compose.Params;
import vn.party.notification.support.IntegrationTest;
import vn.party.notification.support.TestIdentityProvider;
import vn.party.notification.support.TestInfrastructure;

/**
 * The HTTP API over real HTTP, with users verified by a real identity endpoint
 * ({@link TestIdentityProvider}) the way evaluation-service verifies them.
 */
class NotificationApiTest extends IntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired NotificationRepository notifications;

  private UUID olderTask;
  private UUID newerDecision;
  private UUID othersNotification;

  @BeforeEach
  void notifications() {
    Instant now = Instant.now();
    olderTask =
        insert(
            "member1",
            NotificationKind.TASK_ASSIGNED,
            Map.of(
                Params.YEAR,
                "2025",
                Params.TASK_NAME,
                "Tự kiểm điểm",
                Params.MEMBER_NAME,
                "Nguyễn Văn An",
                Params.TASK_KEY,
                "self-review",
                Params.DUE_DATE,
                "2025-12-15T10:00:00Z"),
            now.minusSeconds(60));
    newerDecision =
        insert(
            "member1",
            NotificationKind.MEMBER_DECIDED,
            Map.of(
                Params.YEAR,
                "2025",
                Params.MEMBER_NAME,
                "Nguyễn Văn An",
                Params.LEVEL,
                "EXCELLENT"),
            now);
    othersNotification =
        insert(
            "member2",
            NotificationKind.TASK_ASSIGNED,
            Map.of(
                Params.YEAR,
                "2025",
                Params.TASK_NAME,
                "Tự kiểm điểm",
                Params.MEMBER_NAME,
                "Trần Thị Bình"),
            now);
  }

  @Test
  void withoutCredentialsTheAnswerIs401WithABasicChallengeAsAProblem() throws Exception {
    HttpResponse<String> response = send(get("/api/v1/notifications").build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("title").asText()).isEqualTo("Chưa đăng nhập");
  }

  @Test
  void aWrongPasswordIs401InTheCallersLanguage() throws Exception {
    HttpResponse<String> response =
        send(
            get("/api/v1/notifications")
                .header("Authorization", basic("member1", "wrong"))
                .header("Accept-Language", "en")
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("title").asText()).isEqualTo("Not signed in");
    assertThat(problem.path("detail").asText()).isEqualTo("Wrong user name or password.");
  }

  @Test
  void aUserSeesOnlyOwnNotificationsNewestFirstWithTheUnreadCount() throws Exception {
    JsonNode list = read("/api/v1/notifications", "member1", 200);

    assertThat(list.path("unreadCount").asLong()).isEqualTo(2);
    assertThat(list.path("items")).hasSize(2);
    JsonNode first = list.path("items").get(0);
    assertThat(first.path("id").asText()).isEqualTo(newerDecision.toString());
    assertThat(first.path("kind").asText()).isEqualTo("MEMBER_DECIDED");
    assertThat(first.path("title").asText())
        .isEqualTo("Đảng ủy quyết định xếp loại năm 2025: Hoàn thành xuất sắc nhiệm vụ");
    assertThat(first.path("read").asBoolean()).isFalse();
    JsonNode second = list.path("items").get(1);
    assertThat(second.path("id").asText()).isEqualTo(olderTask.toString());
    assertThat(second.path("title").asText()).isEqualTo("Việc mới: Tự kiểm điểm – Nguyễn Văn An");
    assertThat(second.path("body").asText()).contains("15/12/2025 17:00");
    assertThat(second.path("link").asText()).isEqualTo("http://localhost:8080/tasks/1");
  }

  @Test
  void textsFollowAcceptLanguage() throws Exception {
    JsonNode list = read("/api/v1/notifications", "member1", "en", 200);

    assertThat(list.path("items").get(0).path("title").asText())
        .isEqualTo("Committee's rating decision 2025: Excellently fulfilled tasks");
    assertThat(list.path("items").get(1).path("title").asText())
        .isEqualTo("New task: Self-review – Nguyễn Văn An");
  }

  @Test
  void remindersOverdueTasksAndReturnedCasesAreWrittenAgainInTheReadersLanguage() throws Exception {
    jdbc.sql("delete from notification.notification").update();
    Instant now = Instant.now();
    Map<String, String> task =
        Map.of(
            Params.YEAR,
            "2025",
            Params.TASK_NAME,
            "Tự kiểm điểm",
            Params.MEMBER_NAME,
            "Nguyễn Văn An",
            Params.DUE_DATE,
            "2025-12-15T10:00:00Z");
    Map<String, String> overdue = new LinkedHashMap<>(task);
    overdue.put(Params.ESCALATED_TO, "branch-committee-thanh-khe-tay-cb1");
    insert("member1", NotificationKind.TASK_REMINDER, task, now.minusSeconds(2));
    insert("member1", NotificationKind.TASK_OVERDUE, overdue, now.minusSeconds(1));
    insert(
        "member1",
        NotificationKind.CASE_RETURNED,
        Map.of(
            Params.YEAR,
            "2025",
            Params.MEMBER_NAME,
            "Nguyễn Văn An",
            Params.REASON,
            "Thiếu nhận xét"),
        now);

    JsonNode vi = read("/api/v1/notifications", "member1", 200);
    JsonNode en = read("/api/v1/notifications", "member1", "en", 200);

    assertThat(vi.path("items"))
        .extracting(item -> item.path("title").asText())
        .containsExactly(
            "Trả lại chi bộ: Nguyễn Văn An",
            "Quá hạn: Tự kiểm điểm – Nguyễn Văn An",
            "Nhắc việc: Tự kiểm điểm – Nguyễn Văn An");
    assertThat(en.path("items"))
        .extracting(item -> item.path("title").asText())
        .containsExactly(
            "Returned to the branch: Nguyễn Văn An",
            "Overdue: Tự kiểm điểm – Nguyễn Văn An",
            "Reminder: Tự kiểm điểm – Nguyễn Văn An");
    assertThat(en.path("items").get(0).path("body").asText())
        .endsWith("Committee's reason: Thiếu nhận xét");
    assertThat(en.path("items").get(1).path("body").asText())
        .isEqualTo(
            "Evaluation 2025: task \"Tự kiểm điểm\" for party member Nguyễn Văn An is overdue"
                + " (due: 15/12/2025 17:00). The branch committee has been informed that this task is overdue.");
    assertThat(en.path("items").get(1).path("kind").asText()).isEqualTo("TASK_OVERDUE");
  }

  @Test
  void markingOwnNotificationReadLowersTheUnreadCount() throws Exception {
    JsonNode read =
        json(send(post("/api/v1/notifications/" + olderTask + "/read", "member1")), 200);
    assertThat(read.path("read").asBoolean()).isTrue();
    assertThat(read.path("readAt").asText()).isNotBlank();

    JsonNode all = read("/api/v1/notifications", "member1", 200);
    assertThat(all.path("unreadCount").asLong()).isEqualTo(1);
    assertThat(all.path("items")).hasSize(2);
    JsonNode unread = read("/api/v1/notifications?unreadOnly=true", "member1", 200);
    assertThat(unread.path("unreadCount").asLong()).isEqualTo(1);
    assertThat(unread.path("items")).hasSize(1);
    assertThat(unread.path("items").get(0).path("id").asText()).isEqualTo(newerDecision.toString());

    // Marking again keeps the first read time.
    JsonNode again =
        json(send(post("/api/v1/notifications/" + olderTask + "/read", "member1")), 200);
    assertThat(again.path("readAt").asText()).isEqualTo(read.path("readAt").asText());
  }

  @Test
  void someoneElsesNotificationIsNotFoundAndStaysUnread() throws Exception {
    HttpResponse<String> response =
        send(post("/api/v1/notifications/" + othersNotification + "/read", "member1"));

    JsonNode problem = json(response, 404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(problem.path("title").asText()).isEqualTo("Không tìm thấy thông báo");
    assertThat(problem.path("detail").asText()).contains(othersNotification.toString());
    JsonNode others = read("/api/v1/notifications", "member2", 200);
    assertThat(others.path("unreadCount").asLong()).isEqualTo(1);
  }

  @Test
  void aBadIdIs400AsAProblem() throws Exception {
    JsonNode problem = json(send(post("/api/v1/notifications/not-a-uuid/read", "member1")), 400);
    assertThat(problem.path("title").asText()).isEqualTo("Tham số không hợp lệ");
    // issue 12, finding 17: the detail was Spring's English "Failed to convert 'id' with value…"
    assertThat(problem.toString()).doesNotContain("Failed to convert").doesNotContain("java.");
    assertThat(problem.path("detail").asText())
        .isEqualTo("Giá trị \"not-a-uuid\" của tham số \"id\" không hợp lệ.");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("id");
    assertThat(problem.path("errors").get(0).path("reason").asText()).isEqualTo("wrong-type");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("Trường id sai kiểu dữ liệu.");
    JsonNode english =
        json(
            send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/notifications/xyz/read"))
                    .header("Authorization", basic("member1"))
                    .header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build()),
            400);
    assertThat(english.path("detail").asText())
        .isEqualTo("Value \"xyz\" of parameter \"id\" is invalid.");
    assertThat(english.path("errors").get(0).path("field").asText()).isEqualTo("id");
  }

  /**
   * Issue 12, outsider's re-attack (L4): a negative or huge {@code limit} was taken silently, or refused without
   * naming the parameter. Now each is a 400 naming it, as a refused body field is named; within bounds it works.
   */
  @Test
  void aLimitOutOfItsBoundsIs400NamingIt() throws Exception {
    for (String limit : new String[] {"-5", "0", "201", "100000"}) {
      JsonNode problem = read("/api/v1/notifications?limit=" + limit, "member1", 400);
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("errors").get(0).path("field").asText()).as(limit).isEqualTo("limit");
      assertThat(problem.path("errors").get(0).path("reason").asText()).isEqualTo("out-of-range");
      assertThat(problem.path("errors").get(0).path("message").asText())
          .isEqualTo("Trường limit nằm ngoài khoảng cho phép.");
    }
    JsonNode huge = read("/api/v1/notifications?limit=99999999999", "member1", 400);
    assertThat(huge.path("errors").get(0).path("field").asText()).isEqualTo("limit");
    assertThat(huge.path("errors").get(0).path("reason").asText()).isEqualTo("wrong-type");
    read("/api/v1/notifications?limit=200", "member1", 200);
  }

  /**
   * Issue 12, outsider's re-attack finding 11: {@code size=5} (or {@code page}, {@code offset}) was ignored, so the
   * client silently got the default page. The list pages by {@code limit} only: any other query parameter is a 400
   * naming it; the parameters it takes still answer.
   */
  @Test
  void anUnknownPagingParameterIs400NamingIt() throws Exception {
    for (String query : new String[] {"size=5", "page=2", "offset=10", "limit=5&pageSize=5"}) {
      JsonNode problem = read("/api/v1/notifications?" + query, "member1", 400);
      String name = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("errors").get(0).path("field").asText()).as(query).isEqualTo(name);
      assertThat(problem.path("errors").get(0).path("reason").asText())
          .isEqualTo("unknown-parameter");
      assertThat(problem.path("errors").get(0).path("message").asText()).contains(name);
    }
    JsonNode english = read("/api/v1/notifications?size=5", "member1", "en", 400);
    assertThat(english.path("errors").get(0).path("message").asText())
        .startsWith("This address takes no parameter size");
    read("/api/v1/notifications?unreadOnly=true&limit=5", "member1", 200);
  }

  @Test
  void groupsComeFromTheIdentityServiceAndEveryCallIsCheckedThere() throws Exception {
    int before = TestInfrastructure.IDENTITY.calls("secretary1");

    read("/api/v1/notifications", "secretary1", 200);
    read("/api/v1/notifications", "secretary1", 200);

    // no cache (issue 12): a password changed or an account removed there is refused here at once
    assertThat(TestInfrastructure.IDENTITY.calls("secretary1") - before).isEqualTo(2);
    assertThat(TestInfrastructure.IDENTITY.forwardedFor("secretary1"))
        .as("the caller's address, for the throttle")
        .isEqualTo("127.0.0.1");
  }

  @Test
  void aChangedPasswordIsRefusedAtOnceAndTheNewOneAccepted() throws Exception {
    try {
      read("/api/v1/notifications", "member2", 200);
      TestInfrastructure.IDENTITY.password("member2", "Mật-khẩu-mới-2026");
      assertThat(
              send(get("/api/v1/notifications").header("Authorization", basic("member2")).build())
                  .statusCode())
          .as("the old password, right after the change")
          .isEqualTo(401);
      json(
          send(
              get("/api/v1/notifications")
                  .header("Authorization", basic("member2", "Mật-khẩu-mới-2026"))
                  .build()),
          200);
    } finally {
      TestInfrastructure.IDENTITY.password("member2", null);
    }
  }

  @Test
  void aWrongPasswordIsCheckedEveryTime() throws Exception {
    int before = TestInfrastructure.IDENTITY.calls("member2");

    assertThat(
            send(get("/api/v1/notifications")
                    .header("Authorization", basic("member2", "x"))
                    .build())
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(get("/api/v1/notifications")
                    .header("Authorization", basic("member2", "x"))
                    .build())
                .statusCode())
        .isEqualTo(401);

    assertThat(TestInfrastructure.IDENTITY.calls("member2") - before).isEqualTo(2);
  }

  @Test
  void whenTheIdentityServiceFailsTheAnswerIs503NotA500() throws Exception {
    HttpResponse<String> response =
        send(get("/api/v1/notifications").header("Authorization", basic("outage")).build());

    JsonNode problem = json(response, 503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(problem.path("title").asText()).isEqualTo("Tạm thời không kiểm tra được tài khoản");
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void aSignInHeldBackByEvaluationServiceIs429WithItsWaitInTheCallersLanguage() throws Exception {
    HttpResponse<String> vietnamese =
        send(get("/api/v1/notifications").header("Authorization", basic("heldback")).build());
    HttpResponse<String> english =
        send(
            get("/api/v1/notifications")
                .header("Authorization", basic("heldback"))
                .header("Accept-Language", "en")
                .build());

    JsonNode problem = json(vietnamese, 429);
    assertThat(vietnamese.headers().firstValue("Retry-After")).hasValue("120");
    assertThat(vietnamese.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(problem.path("title").asText()).isEqualTo("Tạm dừng đăng nhập");
    assertThat(problem.path("detail").asText()).contains("2 phút");
    assertThat(json(english, 429).path("detail").asText())
        .isEqualTo("Too many wrong passwords. Please wait about 2 minute(s) and sign in again.");
  }

  @Test
  void healthAndTheOpenApiDocumentAreOpen() throws Exception {
    HttpResponse<String> health = send(get("/actuator/health").build());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");

    HttpResponse<String> api = send(get("/v3/api-docs").build());
    assertThat(api.statusCode()).isEqualTo(200);
    JsonNode document = JSON.readTree(api.body());
    assertThat(document.path("paths").has("/api/v1/notifications")).isTrue();
    assertThat(document.path("paths").has("/api/v1/notifications/{id}/read")).isTrue();
    assertThat(document.path("paths").path("/api/v1/notifications").path("get").path("parameters"))
        .extracting(parameter -> parameter.path("name").asText())
        .containsExactly("unreadOnly", "limit");
  }

  private UUID insert(
      String userId, NotificationKind kind, Map<String, String> params, Instant createdAt) {
    UUID id = UUID.randomUUID();
    notifications.insert(
        new Notification(
            id,
            userId,
            kind,
            "stored title",
            "stored body",
            kind == NotificationKind.TASK_ASSIGNED ? "http://localhost:8080/tasks/1" : null,
            new LinkedHashMap<>(params),
            "/evaluation-service",
            UUID.randomUUID().toString(),
            null,
            null));
    jdbc.sql("update notification.notification set created_at = :createdAt where id = :id")
        .param("createdAt", java.sql.Timestamp.from(createdAt))
        .param("id", id)
        .update();
    return id;
  }

  /** GET as the user, checked to answer with that status; the body as JSON. */
  private JsonNode read(String path, String user, int expectedStatus) throws Exception {
    return json(send(get(path).header("Authorization", basic(user)).build()), expectedStatus);
  }

  /** The same in that language (Accept-Language). */
  private JsonNode read(String path, String user, String language, int expectedStatus)
      throws Exception {
    return json(
        send(
            get(path)
                .header("Authorization", basic(user))
                .header("Accept-Language", language)
                .build()),
        expectedStatus);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
  }

  private HttpRequest post(String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(user))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response, int expectedStatus)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  private static String basic(String user) {
    return basic(user, TestIdentityProvider.PASSWORD);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
