package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The people's notifications with both services running as separate processes on real parts: evaluation-service's
 * pages call notification-service on behalf of the signed-in person (a short-lived signed token, never the
 * password) — the unread count in the header, the list, marking one and all read, the choice of e-mail or in-app
 * only — and, once notification-service is stopped, say so and go on. Also in headless Chromium where installed
 * (screenshots in {@code target/screenshots/}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalNotificationsEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int YEAR = 2040;
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static LocalInfrastructure infra;
  private static ServiceProcess evaluation;
  private static ServiceProcess notification;
  private static String evaluationUrl;
  private static String notificationUrl;

  @BeforeAll
  static void startSystem() throws Exception {
    ServiceJars jars = ServiceJars.locate();
    infra = LocalInfrastructure.startForTests();
    Path logs = jars.repositoryRootPath().resolve("local-stack/target/e2e-logs/portal");
    int evaluationPort = LocalInfrastructure.freePort();
    int notificationPort = LocalInfrastructure.freePort();
    evaluationUrl = "http://localhost:" + evaluationPort;
    notificationUrl = "http://localhost:" + notificationPort;
    evaluation =
        LocalStack.evaluationService(
                infra, jars.jar(ServiceJars.EVALUATION_SERVICE), evaluationPort, true)
            .property("evaluation.outbox.poll-interval-ms", 100)
            .property("evaluation.notifications.url", notificationUrl)
            .property("evaluation.notifications.pause-after-failure", "1s")
            .logDir(logs)
            .start()
            .awaitHealthy(Duration.ofMinutes(4));
    notification =
        LocalStack.notificationService(
                infra, jars.jar(ServiceJars.NOTIFICATION_SERVICE), notificationPort, evaluationUrl)
            .logDir(logs)
            .start()
            .awaitHealthy(Duration.ofMinutes(4));
    // the campaign gives every member a self-review, and so an in-app notice
    HttpResponse<String> opened =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(evaluationUrl + "/api/v1/campaigns"))
                .header("Authorization", basic("committee"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            CampaignRequest.of("thanh-khe-tay", YEAR, "QD-366-2025"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
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
  @Order(1)
  void aMemberReadsAndMarksNotificationsAndChoosesInAppOnlyOnThePages() throws Exception {
    String member = "member3";
    await().atMost(Duration.ofSeconds(90)).until(() -> unread(member) >= 1);
    long unread = unread(member);
    Page page = Page.signIn(member);

    // the header's count, as notification-service has it
    String tasks = page.get("/app/tasks").body();
    assertThat(tasks)
        .containsPattern("id=\"unread-count\">" + unread + "<")
        .doesNotContain("notifications-unavailable");

    // the list, in Vietnamese, with a button per unread notice
    HttpResponse<String> list = page.get("/app/notifications");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("Việc mới: Tự kiểm điểm", "Chưa đọc: " + unread);
    Matcher first =
        Pattern.compile("data-notification=\"([0-9a-f-]{36})\" data-read=\"false\"")
            .matcher(list.body());
    assertThat(first.find()).isTrue();
    assertThat(page.get("/app/notifications?lang=en").body()).contains("New task: Self-review");

    // mark one read: notification-service has it read, the count drops
    HttpResponse<String> marked = page.post("/app/notifications/" + first.group(1) + "/read", "");
    assertThat(marked.statusCode()).isEqualTo(302);
    assertThat(unread(member)).isEqualTo(unread - 1);
    JsonNode items = notifications(member).get("items");
    boolean read = false;
    for (JsonNode item : items) {
      read |= item.get("id").asText().equals(first.group(1)) && item.get("read").asBoolean();
    }
    assertThat(read).isTrue();
    // someone else's notification cannot be marked through the pages either
    Page other = Page.signIn("member4");
    assertThat(other.post("/app/notifications/" + first.group(1) + "/read", "").statusCode())
        .isEqualTo(404);

    // mark all read
    assertThat(page.post("/app/notifications/read-all", "").statusCode()).isEqualTo(302);
    assertThat(unread(member)).isZero();
    assertThat(page.get("/app/tasks").body()).doesNotContain("id=\"unread-count\"");

    // in-app only: notification-service keeps the choice
    assertThat(page.get("/app/notifications/preferences").body())
        .contains("id=\"channel-email\" checked");
    assertThat(page.post("/app/notifications/preferences", "channel=IN_APP").statusCode())
        .isEqualTo(302);
    assertThat(
            JSON.readTree(get(notificationUrl + "/api/v1/notifications/preferences", member).body())
                .get("emailEnabled")
                .asBoolean())
        .isFalse();
    assertThat(page.get("/app/notifications/preferences").body())
        .contains("id=\"channel-in-app\" checked");
    assertThat(page.post("/app/notifications/preferences", "channel=EMAIL").statusCode())
        .isEqualTo(302);
    assertThat(
            JSON.readTree(get(notificationUrl + "/api/v1/notifications/preferences", member).body())
                .get("emailEnabled")
                .asBoolean())
        .isTrue();
  }

  @Test
  @Order(2)
  void inChromiumAMemberSeesTheCountOpensTheListAndMarksOneRead() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "needs the Debian packages chromium and chromium-driver");
    String member = "member8";
    await().atMost(Duration.ofSeconds(90)).until(() -> unread(member) >= 1);
    long unread = unread(member);
    Path screenshots = Path.of("target", "screenshots");
    Files.createDirectories(screenshots);
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toString())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--lang=vi");
    WebDriver browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    try {
      browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
      browser.get(evaluationUrl + "/login?lang=vi");
      browser.findElement(By.id("username")).sendKeys(member);
      browser.findElement(By.id("password")).sendKeys("demo");
      browser.findElement(By.id("sign-in")).click();
      assertThat(browser.findElement(By.id("unread-count")).getText())
          .isEqualTo(String.valueOf(unread));
      screenshot(browser, screenshots.resolve("notifications-1-unread-count.png"));
      browser.findElement(By.id("nav-notifications")).click();
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thông báo của tôi");
      assertThat(browser.findElements(By.cssSelector("tr.notification.unread")))
          .hasSize((int) unread);
      screenshot(browser, screenshots.resolve("notifications-2-list.png"));
      browser.findElement(By.cssSelector("tr.notification.unread button.mark-read")).click();
      assertThat(browser.findElement(By.id("notice")).getText())
          .isEqualTo("Đã đánh dấu thông báo là đã đọc.");
      assertThat(browser.findElements(By.cssSelector("tr.notification.unread")))
          .hasSize((int) unread - 1);
      if (unread > 1) {
        assertThat(browser.findElement(By.id("unread-count")).getText())
            .isEqualTo(String.valueOf(unread - 1));
      }
      screenshot(browser, screenshots.resolve("notifications-3-marked-read.png"));
      assertThat(unread(member)).isEqualTo(unread - 1);
      browser.findElement(By.id("nav-preferences")).click();
      browser.findElement(By.id("channel-in-app")).click();
      browser.findElement(By.id("save-preferences")).click();
      assertThat(browser.findElement(By.id("notice")).getText())
          .isEqualTo("Đã lưu tùy chọn nhận thông báo.");
      screenshot(browser, screenshots.resolve("notifications-4-preferences.png"));
      assertThat(
              JSON.readTree(
                      get(notificationUrl + "/api/v1/notifications/preferences", member).body())
                  .get("emailEnabled")
                  .asBoolean())
          .isFalse();
    } finally {
      browser.quit();
    }
  }

  @Test
  @Order(3)
  void withNotificationServiceStoppedThePagesSaySoAndGoOn() throws Exception {
    Page page = Page.signIn("member5");
    notification.stop();
    HttpResponse<String> tasks = page.get("/app/tasks");
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).contains("id=\"notifications-unavailable\"");
    HttpResponse<String> list = page.get("/app/notifications");
    assertThat(list.statusCode()).isEqualTo(503);
    assertThat(list.body()).contains("Thông báo tạm thời không khả dụng");
    assertThat(page.get("/app/evaluations").statusCode()).isEqualTo(200);
  }

  private static long unread(String user) throws Exception {
    return notifications(user).get("unreadCount").asLong();
  }

  private static JsonNode notifications(String user) throws Exception {
    HttpResponse<String> response = get(notificationUrl + "/api/v1/notifications", user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String url, String user)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static void screenshot(WebDriver browser, Path file) throws IOException {
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** A signed-in page session: cookies kept, redirects not followed, the CSRF token sent with each form. */
  private static final class Page {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String csrf;

    static Page signIn(String user) throws Exception {
      Page page = new Page();
      page.csrf = page.token(page.get("/login").body());
      HttpResponse<String> login =
          page.send(
              HttpRequest.newBuilder(URI.create(evaluationUrl + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=" + user + "&password=demo&_csrf=" + enc(page.csrf))));
      assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/app");
      page.csrf = page.token(page.get("/app/evaluations").body());
      return page;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(URI.create(evaluationUrl + path)).GET());
    }

    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
      return send(
          HttpRequest.newBuilder(URI.create(evaluationUrl + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(csrf))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      return client.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String token(String html) {
      Matcher matcher = CSRF.matcher(html);
      assertThat(matcher.find()).as("a CSRF token").isTrue();
      return matcher.group(1);
    }

    private static String enc(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
