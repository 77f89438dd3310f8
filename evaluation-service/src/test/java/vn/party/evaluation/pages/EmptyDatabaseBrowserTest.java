package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Done when" of issue 13, on pages only: the service started on an EMPTY database (no demo profile, a PostgreSQL of
 * its own; as {@code ./run-local.sh --no-demo}), where only the configured administrator exists. The administrator
 * signs in and must change the password first; sets up the committee above, the grassroots organization, a
 * sub-committee and two branches on the organization-tree pages; imports the roster file (a CSV in the template's
 * headings) and reads the one-time passwords shown once; names the grassroots committee and a branch committee on
 * the units' pages. The grassroots committee's secretary signs in with the one-time password, must change it, and
 * opens the campaign of 2050 on its page; every member's evaluation starts; a member signs in for the first time
 * and finds the self-review among "my tasks", the branch secretary finds the branch's meeting page. Not yet here:
 * finishing that campaign on the pages (self-reviews, meeting, decisions, collective ratings, finalization — each
 * page has its own browser test on the demo organization).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // A second application in the same JVM as the other tests' (Spring keeps both contexts):
      // Camunda registers
      // engines in a static registry by name, and a second "default" would replace the first one's,
      // so that the
      // other tests' /engine-rest and webapps would run against this empty database.
      "camunda.bpm.process-engine-name=empty-database",
      "evaluation.outbox.poll-interval-ms=100",
      "camunda.bpm.job-execution.wait-time-in-millis=200",
      "camunda.bpm.job-execution.max-wait=1000",
      "evaluation.sign-in-throttle.account-free-failures=1000000",
      "evaluation.sign-in-throttle.address-free-failures=1000000",
      // as ./run-local.sh does without the demo profile: a random secret for the notification
      // tokens
      "evaluation.notifications.on-behalf-secret=${random.uuid}${random.uuid}"
    })
@EmbeddedKafka(
    kraft = true,
    partitions = 3,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    topics = {"evaluation.events", "party.member-events", "party.member-events.DLT"})
class EmptyDatabaseBrowserTest {

  private static final int YEAR = 2050;
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static EmbeddedPostgres postgres;
  private static WebDriver browser;

  @LocalServerPort private int port;
  @Autowired private JdbcClient jdbc;

  @DynamicPropertySource
  static void emptyDatabase(DynamicPropertyRegistry registry) throws IOException {
    if (postgres == null) {
      postgres =
          EmbeddedPostgres.builder()
              .start(); // its own server: the other tests' database has the demo
    }
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    try (ServerSocket socket = new ServerSocket(0)) {
      int closed = socket.getLocalPort();
      registry.add("evaluation.notifications.url", () -> "http://127.0.0.1:" + closed);
    }
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "needs the Debian packages chromium and chromium-driver");
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toString())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--lang=vi");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @Test
  void aGrassrootsCommitteeStartsFromNothingAndOpensItsCampaignOnPages() throws IOException {
    assertThat(jdbc.sql("select count(*) from evaluation.unit").query(Integer.class).single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from evaluation.party_member").query(Integer.class).single())
        .isZero();

    // 1. the administrator's first sign-in: a new password first
    String adminPassword = "Quan-tri-vien-" + YEAR + "!";
    signIn("admin", "admin");
    changePassword("admin", adminPassword);

    // 2. the organization tree
    createUnit("SUPERIOR_COMMITTEE", null, "Quận ủy Rỗng", "qu-rong", "1990-01-01");
    createUnit("ORGANIZATION", "qu-rong", "Đảng bộ phường Khởi Đầu", "kd-ward", "2000-01-01");
    createUnit("SUB_COMMITTEE", "kd-ward", "Đảng bộ bộ phận Khu 2", "kd-bp2", "2005-01-01");
    createUnit("BRANCH", "kd-ward", "Chi bộ Khu 1", "kd-cb1", "2005-01-01");
    createUnit("BRANCH", "kd-bp2", "Chi bộ Khu 2", "kd-cb2", "2006-01-01");
    open("/app/units");
    assertThat(browser.findElement(By.id("units")).getText())
        .contains(
            "Quận ủy Rỗng",
            "Đảng bộ phường Khởi Đầu",
            "Đảng bộ bộ phận Khu 2",
            "Chi bộ Khu 1",
            "Chi bộ Khu 2");
    screenshot("empty-01-units");

    // 3. the roster file, in the template's headings: preview, then all rows at once
    String file =
        "\uFEFFHọ và tên,Ngày sinh (dd/MM/yyyy),Giới tính (Nam/Nữ),Số thẻ đảng viên,"
            + "Ngày vào Đảng (dd/MM/yyyy),Ngày chính thức (dd/MM/yyyy),Chi bộ (mã hoặc tên),Thư điện tử\r\n"
            + "Phạm Văn Bí Thư,01/01/1970,Nam,KD000001,19/05/1995,19/05/1996,Chi bộ Khu 1,bithu@kd.example.vn\r\n"
            + "Đỗ Thị Chi Ủy,02/02/1975,Nữ,KD000002,19/05/2000,19/05/2001,Chi bộ Khu 1,chiuy@kd.example.vn\r\n"
            + "Vũ Văn Đảng Viên,03/03/1980,Nam,KD000003,19/05/2005,19/05/2006,Chi bộ Khu 2,dangvien@kd.example.vn\r\n";
    Path roster = Files.createTempFile("danh-sach-kd", ".csv");
    Files.write(roster, file.getBytes(StandardCharsets.UTF_8));
    open("/app/roster-import?org=kd-ward");
    browser.findElement(By.id("file")).sendKeys(roster.toString());
    browser.findElement(By.id("upload")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.getCurrentUrl().matches(".*/app/roster-import/[0-9a-f-]{36}$"));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.id("commit")).isEmpty());
    assertThat(browser.findElement(By.id("counts")).getAttribute("data-create")).isEqualTo("3");
    browser.findElement(By.id("commit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.findElement(By.id("result")).isDisplayed());
    Map<String, String[]> accounts = new LinkedHashMap<>(); // name → id, one-time password
    for (WebElement row : browser.findElements(By.cssSelector("#accounts tr"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      accounts.put(
          cells.get(0).getText(),
          new String[] {row.getAttribute("data-member"), cells.get(3).getText()});
    }
    assertThat(accounts).hasSize(3);
    screenshot("empty-02-roster-committed");
    String secretary = accounts.get("Phạm Văn Bí Thư")[0];
    String branchSecretary = accounts.get("Đỗ Thị Chi Ủy")[0];
    String member = accounts.get("Vũ Văn Đảng Viên")[0];

    // 4. the committees: the grassroots committee's secretary, branch 1's secretary
    seat("kd-ward", secretary, "SECRETARY");
    seat("kd-cb1", branchSecretary, "SECRETARY");
    signOut();

    // 5. the grassroots committee's secretary: first sign-in with the one-time password, then the
    // campaign
    String secretaryPassword = "Bi-thu-dang-uy-" + YEAR + "!";
    signIn(secretary, accounts.get("Phạm Văn Bí Thư")[1]);
    changePassword(accounts.get("Phạm Văn Bí Thư")[1], secretaryPassword);
    clickAndLoad(browser.findElement(By.id("nav-open-campaign")));
    WebElement year = browser.findElement(By.id("year"));
    year.clear();
    year.sendKeys(String.valueOf(YEAR));
    new Select(browser.findElement(By.id("regulation"))).selectByValue("QD-366-2025");
    Map<String, String> dues =
        Map.of(
            "selfReviewDue",
            YEAR + "-12-10T17:00",
            "residenceFeedbackDue",
            YEAR + "-12-15T17:00",
            "branchReviewDue",
            YEAR + "-12-20T17:00",
            "decisionDue",
            YEAR + "-12-28T17:00");
    dues.forEach(
        (field, value) ->
            ((JavascriptExecutor) browser)
                .executeScript(
                    "arguments[0].value = arguments[1];",
                    browser.findElement(By.id(field)),
                    value));
    clickAndLoad(browser.findElement(By.id("open-campaign")));
    assertThat(browser.getCurrentUrl()).endsWith("/app/campaigns/kd-ward/" + YEAR);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              browser.navigate().refresh();
              return browser
                  .findElement(By.id("campaign-status"))
                  .getText()
                  .equals("Đang đánh giá");
            });
    assertThat(browser.findElement(By.id("started")).getAttribute("value")).isEqualTo("3");
    screenshot("empty-03-campaign-running");
    signOut();

    // 6. a member's first sign-in: a new password, then the self-review waits among "my tasks"
    signIn(member, accounts.get("Vũ Văn Đảng Viên")[1]);
    changePassword(accounts.get("Vũ Văn Đảng Viên")[1], "Dang-vien-moi-" + YEAR + "!");
    open("/app/tasks");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              browser.navigate().refresh();
              return browser.findElement(By.tagName("main")).getText().contains("Tự kiểm điểm");
            });
    screenshot("empty-04-member-tasks");
    signOut();

    // 7. the branch secretary: the branch meeting page of the branch (nobody has submitted a
    // self-review yet)
    signIn(branchSecretary, accounts.get("Đỗ Thị Chi Ủy")[1]);
    changePassword(accounts.get("Đỗ Thị Chi Ủy")[1], "Chi-uy-khu-mot-" + YEAR + "!");
    clickAndLoad(browser.findElement(By.id("nav-meetings")));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Chi bộ Khu 1");
    screenshot("empty-05-branch-meetings");
    signOut();
  }

  private void createUnit(String kind, String parent, String name, String code, String openedOn) {
    open("/app/units");
    new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
    if (parent != null) {
      new Select(browser.findElement(By.id("parentId"))).selectByValue(parent);
    }
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("code")).sendKeys(code);
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];", browser.findElement(By.id("openedOn")), openedOn);
    clickAndLoad(browser.findElement(By.id("create-unit")));
    assertThat(browser.getCurrentUrl())
        .as(browser.findElement(By.tagName("main")).getText())
        .endsWith("/app/units/" + code);
  }

  private void seat(String unit, String person, String role) {
    open("/app/units/" + unit);
    browser.findElement(By.id("personId")).sendKeys(person);
    new Select(browser.findElement(By.id("body"))).selectByValue("COMMITTEE");
    new Select(browser.findElement(By.id("role"))).selectByValue(role);
    browser.findElement(By.id("seat-reason")).sendKeys("Nghị quyết đại hội " + YEAR);
    clickAndLoad(browser.findElement(By.id("seat")));
    assertThat(
            browser
                .findElement(By.cssSelector("#committee tr[data-person='" + person + "']"))
                .getAttribute("data-role"))
        .isEqualTo(role);
  }

  private void changePassword(String current, String next) {
    assertThat(browser.getCurrentUrl()).contains("/app/password");
    assertThat(browser.findElement(By.id("password-required")).isDisplayed()).isTrue();
    browser.findElement(By.id("currentPassword")).sendKeys(current);
    browser.findElement(By.id("newPassword")).sendKeys(next);
    browser.findElement(By.id("confirmPassword")).sendKeys(next);
    clickAndLoad(browser.findElement(By.id("change-password")));
    assertThat(browser.findElements(By.cssSelector("p.error"))).isEmpty();
    open("/app");
    assertThat(browser.getCurrentUrl()).doesNotContain("/app/password").doesNotContain("/login");
  }

  private void signIn(String user, String password) {
    open("/login?lang=vi");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    clickAndLoad(browser.findElement(By.id("sign-in")));
    assertThat(browser.getCurrentUrl()).doesNotContain("/login");
  }

  private void signOut() {
    clickAndLoad(browser.findElement(By.id("sign-out")));
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private static void clickAndLoad(WebElement element) {
    String mark = UUID.randomUUID().toString();
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript("window.__pageMark = arguments[0];", mark);
    element.click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(WebDriverException.class)
        .until(
            driver ->
                Boolean.TRUE.equals(
                    script.executeScript(
                        "return document.readyState === 'complete' && window.__pageMark !== arguments[0];",
                        mark)));
  }

  private static void screenshot(String name) {
    try {
      Files.write(
          SCREENSHOTS.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
