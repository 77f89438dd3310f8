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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Done when" of issue 13, on pages only: the service started on an EMPTY database (no demo profile, a PostgreSQL of
 * its own; as {@code ./run-local.sh --no-demo}), where only the configured administrator exists. The administrator
 * signs in and must change the password first; sets up the committee above, the grassroots organization, a
 * sub-committee and two branches on the organization-tree pages; imports the roster file (a CSV in the template's
 * headings) and reads the one-time passwords shown once; seats the committees on the units' pages, each person picked
 * by name (the grassroots committee's secretary and deputy, each branch's secretary and a member, and on the committee
 * above the administrator's own account, as no page creates an account outside the roster). The grassroots
 * committee's secretary signs in with the one-time password, must change it, and opens the campaign of {@value #YEAR};
 * then the campaign is run to its end on the pages: every member's first sign-in and self-review (a complete
 * self-criticism); the residence areas' comments arrive as the README tells a residence committee to send them (a
 * CloudEvent on Kafka; no page writes them, they come from outside); the branch meetings (nobody reviews their own
 * case: a committee member records the secretary's); the grassroots committee's decisions; the branches' and the
 * organization's collective self-reviews (Mẫu 01) and their ratings by the grassroots committee and the committee
 * above; the secretaries' decisions after their units' ratings (the grassroots secretary's by the deputy); the
 * finalization on its page; the announcement and the complaint window (one second here, {@code
 * evaluation.rules.complaint-window}), after which the campaign shows as finished ("Đã hoàn thành").
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // A second application in the same JVM as the other tests' (Spring keeps both contexts):
      // Camunda registers
      // engines in a static registry by name, and a second "default" would replace the first one's,
      // so that the
      // other tests' /engine-rest and webapps would run against this empty database.
      "camunda.bpm.process-engine-name=emptyDatabase",
      // its campaign is for 2062, a year to come (refused by default, FutureCampaignYearTest)
      "evaluation.campaign.any-calendar-allowed=true",
      "evaluation.outbox.poll-interval-ms=100",
      "camunda.bpm.job-execution.wait-time-in-millis=200",
      "camunda.bpm.job-execution.max-wait=1000",
      "evaluation.sign-in-throttle.account-free-failures=1000000",
      "evaluation.sign-in-throttle.address-free-failures=1000000",
      // the committee's own choice of how long complaints are taken: here the window passes at
      // once,
      // nobody complaining, so that the campaign finishes within the test
      "evaluation.rules.complaint-window=PT1S",
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

  private static final int YEAR = 2062;
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static EmbeddedPostgres postgres;
  private static WebDriver browser;

  @LocalServerPort private int port;
  @Autowired private JdbcClient jdbc;
  @Autowired private EmbeddedKafkaBroker kafka;

  /** person → the one-time password shown at the import; person → the password they set. */
  private final Map<String, String> oneTimePasswords = new HashMap<>();

  private final Map<String, String> passwords = new HashMap<>();

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
  void aGrassrootsCommitteeStartsFromNothingAndRunsItsCampaignToTheEndOnPages() throws IOException {
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
            + "Vũ Văn Đảng Viên,03/03/1980,Nam,KD000003,19/05/2005,19/05/2006,Chi bộ Khu 2,dangvien@kd.example.vn\r\n"
            + "Hoàng Văn Chi Bộ Hai,04/04/1978,Nam,KD000004,19/05/2003,19/05/2004,Chi bộ Khu 2,chibohai@kd.example.vn\r\n";
    Path roster = Files.createTempFile("danh-sach-kd", ".csv");
    Files.write(roster, file.getBytes(StandardCharsets.UTF_8));
    open("/app/roster-import?org=kd-ward");
    browser.findElement(By.id("file")).sendKeys(roster.toString());
    browser.findElement(By.id("upload")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.getCurrentUrl().matches(".*/app/roster-import/[0-9a-f-]{36}$"));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.id("commit")).isEmpty());
    assertThat(browser.findElement(By.id("counts")).getAttribute("data-create")).isEqualTo("4");
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
    assertThat(accounts).hasSize(4);
    screenshot("empty-02-roster-committed");
    String secretary = accounts.get("Phạm Văn Bí Thư")[0];
    String branchSecretary = accounts.get("Đỗ Thị Chi Ủy")[0];
    String member = accounts.get("Vũ Văn Đảng Viên")[0];
    String branch2Secretary = accounts.get("Hoàng Văn Chi Bộ Hai")[0];
    accounts.values().forEach(a -> oneTimePasswords.put(a[0], a[1]));

    // 4. the committees, each person chosen by name: the grassroots committee (its secretary and a
    // deputy, so that neither decides their own case), each branch's committee (a secretary and a
    // member who holds the secretary's own review), and the committee above (here the
    // administrator's
    // account: any account may sit there, its people being on no roster kept here)
    seat("kd-ward", "Phạm Văn Bí Thư", secretary, "SECRETARY");
    seat("kd-ward", "Đỗ Thị Chi Ủy", branchSecretary, "DEPUTY");
    seat("kd-cb1", "Đỗ Thị Chi Ủy", branchSecretary, "SECRETARY");
    seat("kd-cb1", "Phạm Văn Bí Thư", secretary, "MEMBER");
    seat("kd-cb2", "Hoàng Văn Chi Bộ Hai", branch2Secretary, "SECRETARY");
    seat("kd-cb2", "Vũ Văn Đảng Viên", member, "MEMBER");
    seat("qu-rong", "Quản trị hệ thống", "admin", "SECRETARY");
    signOut();

    // 5. the grassroots committee's secretary: first sign-in with the one-time password, then the
    // campaign
    signInAs(secretary);
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
    browser.findElement(By.id("open-campaign")).click(); // asks first (assets/confirm.js)
    clickAndLoad(browser.findElement(By.id("open-campaign-confirm-yes")));
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
    assertThat(browser.findElement(By.id("started")).getAttribute("value")).isEqualTo("4");
    screenshot("empty-03-campaign-running");
    signOut();

    // 6. the residence areas' comments come from outside, as the README tells a residence committee
    // to send them (a CloudEvent on Kafka): no page of this system writes them
    for (String[] account : accounts.values()) {
      sendResidenceFeedback(account[0], "Gương mẫu, tích cực tham gia sinh hoạt ở nơi cư trú.");
    }

    // 7. every member's first sign-in: a new password, then the self-review from "my tasks"
    signInAs(member);
    open("/app/tasks");
    awaitRow("self-review", "Vũ Văn Đảng Viên");
    screenshot("empty-04-member-tasks");
    writeSelfReview("Vũ Văn Đảng Viên", "công tác khuyến học của khu phố");
    signOut();
    signInAs(branch2Secretary);
    writeSelfReview("Hoàng Văn Chi Bộ Hai", "công tác vệ sinh môi trường khu 2");
    signOut();
    signInAs(branchSecretary);
    writeSelfReview("Đỗ Thị Chi Ủy", "công tác phụ nữ và gia đình văn hóa");
    signOut();
    signInAs(secretary);
    writeSelfReview("Phạm Văn Bí Thư", "công tác xây dựng đảng bộ phường");

    // 8. the branch meetings: each branch's secretary records the meeting for the others; a
    // committee member records the one for the secretary's own case (nobody reviews themselves)
    signOut();
    signInAs(branchSecretary);
    holdMeeting("kd-cb1", secretary, 2);
    screenshot("empty-05-branch-meeting");
    signOut();
    signInAs(secretary);
    holdMeeting("kd-cb1", branchSecretary, 2);
    signOut();
    signInAs(branch2Secretary);
    holdMeeting("kd-cb2", member, 2);
    signOut();
    signInAs(member);
    holdMeeting("kd-cb2", branch2Secretary, 2);
    signOut();

    // 9. the grassroots committee decides the member who heads no unit; then the branches rate
    // themselves (Mẫu 01) and the grassroots committee rates them; then it decides their
    // secretaries
    signInAs(secretary);
    decide("Vũ Văn Đảng Viên");
    signOut();
    signInAs(branchSecretary);
    collectiveSelfReview("Chi bộ Khu 1");
    signOut();
    signInAs(branch2Secretary);
    collectiveSelfReview("Chi bộ Khu 2");
    signOut();
    signInAs(secretary);
    rateCollective("Chi bộ Khu 1");
    rateCollective("Chi bộ Khu 2");
    decide("Đỗ Thị Chi Ủy");
    decide("Hoàng Văn Chi Bộ Hai");
    screenshot("empty-06-secretaries-decided");

    // 10. the organization rates itself and the committee above rates it; then the deputy decides
    // the grassroots secretary's own case
    collectiveSelfReview("Đảng bộ phường Khởi Đầu");
    signOut();
    signIn("admin", adminPassword);
    rateCollective("Đảng bộ phường Khởi Đầu");
    signOut();
    signInAs(branchSecretary);
    decide("Phạm Văn Bí Thư");
    signOut();

    // 11. the grassroots committee finalizes on its finalization page; the results are announced,
    // the complaint window (one second here, evaluation.rules.complaint-window) passes without a
    // complaint, and the campaign is finished
    signInAs(secretary);
    open("/app/tasks");
    clickAndLoad(awaitRow("finalize-results", "").findElement(By.tagName("a")));
    assertThat(browser.getCurrentUrl())
        .endsWith("/app/campaigns/kd-ward/" + YEAR + "/finalization");
    assertThat(browser.findElement(By.cssSelector("#tally td[data-level=GOOD]")).getText())
        .isEqualTo("4");
    clickAndLoad(browser.findElement(By.id("finalize")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Đã chốt kết quả xếp loại đảng viên.");
    assertThat(browser.findElement(By.id("finalization-state")).getAttribute("data-state"))
        .isEqualTo("FINALIZED");
    screenshot("empty-07-finalized");
    open("/app/campaigns/kd-ward/" + YEAR);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              browser.navigate().refresh();
              return browser
                  .findElement(By.id("campaign-status"))
                  .getText()
                  .equals("Đã hoàn thành");
            });
    assertThat(browser.findElement(By.id("results-finalized")).getText())
        .startsWith("Đã chốt kết quả");
    assertThat(browser.findElement(By.id("decided")).getAttribute("value")).isEqualTo("4");
    screenshot("empty-08-campaign-finished");
    signOut();

    // 12. a member reads the decided level
    signInAs(member);
    clickAndLoad(browser.findElement(By.id("nav-mine")));
    assertThat(browser.findElement(By.id("my-evaluations")).getText())
        .contains("Hoàn thành tốt nhiệm vụ");
    signOut();
  }

  /** Signs in; at the first sign-in with the one-time password, sets the person's own password first. */
  private void signInAs(String person) {
    if (passwords.containsKey(person)) {
      signIn(person, passwords.get(person));
      return;
    }
    String oneTime = oneTimePasswords.get(person);
    signIn(person, oneTime);
    String next = "Mat-khau-rieng-so-" + (passwords.size() + 1) + "-nam-" + YEAR + "!";
    changePassword(oneTime, next);
    passwords.put(person, next);
  }

  /** Waits for the row of "my tasks" of that kind whose text holds {@code name}, refreshing the page. */
  private WebElement awaitRow(String taskKey, String name) {
    By row =
        By.xpath(
            "//tr[@data-task-key='" + taskKey + "'][contains(normalize-space(.), '" + name + "')]");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              if (browser.findElements(row).isEmpty()) {
                browser.navigate().refresh();
                return false;
              }
              return true;
            });
    return browser.findElement(row);
  }

  /** Opens the task from "my tasks", claiming it first when it waits for a group. */
  private void openTask(String taskKey, String name) {
    open("/app/tasks");
    clickAndLoad(awaitRow(taskKey, name).findElement(By.tagName("a")));
    if (!browser.findElements(By.id("claim")).isEmpty()) {
      clickAndLoad(browser.findElement(By.id("claim")));
    }
  }

  /** Fills the task's fields (selects by value) and sends it, confirming; "Đã gửi" is shown. */
  private void send(Map<String, String> fields) {
    fields.forEach(
        (field, value) -> {
          WebElement input = browser.findElement(By.id(field));
          if (input.getTagName().equals("select")) {
            new Select(input).selectByValue(value);
          } else {
            input.clear();
            input.sendKeys(value);
          }
        });
    browser.findElement(By.id("submit")).click(); // "Gửi" asks for a confirmation first
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    if (!browser.findElements(By.id("similarityAcknowledged")).isEmpty()) {
      // texts of the same people in one test resemble each other: acknowledged as a member would
      browser.findElement(By.id("similarityAcknowledged")).click();
      browser.findElement(By.id("submit")).click();
      clickAndLoad(browser.findElement(By.id("confirm-submit")));
    }
    assertThat(browser.findElements(By.id("notice")))
        .as(browser.findElement(By.tagName("main")).getText())
        .isNotEmpty();
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã gửi. Cảm ơn bạn.");
  }

  /** The member's own self-review, a complete self-criticism (the sections the form requires). */
  private void writeSelfReview(String name, String work) {
    openTask("self-review", name);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        "strengths", "Hoàn thành tốt nhiệm vụ chuyên môn; phụ trách " + work + " đạt kết quả.");
    fields.put(
        "limitations",
        "Có lúc chậm báo cáo về " + work + "; nguyên nhân: chưa sắp xếp thời gian hợp lý.");
    fields.put(
        "shortcomingsFixed",
        "Đã khắc phục việc đi họp muộn mà chi bộ chỉ ra ở kỳ kiểm điểm trước (" + name + ").");
    fields.put(
        "remedialMeasures",
        "Năm tới: lập kế hoạch hằng tuần cho " + work + ", báo cáo chi bộ đúng hạn.");
    fields.put("selfProposedLevel", "GOOD");
    send(fields);
  }

  /** The branch meeting on its page, for one member on the agenda (the others left for another sitting). */
  private void holdMeeting(String branch, String memberId, int officialMembers) {
    clickAndLoad(browser.findElement(By.id("nav-meetings")));
    By link = By.cssSelector("a[href$='/app/meetings/" + branch + "/" + YEAR + "']");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              if (browser.findElements(link).isEmpty()) {
                browser.navigate().refresh();
                return false;
              }
              return true;
            });
    clickAndLoad(browser.findElement(link));
    By entry =
        By.cssSelector(
            "section.member-entry[data-member='" + memberId + "'] textarea[id^=criticism_]");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              if (browser.findElements(entry).isEmpty()) {
                browser.navigate().refresh();
                return false;
              }
              return true;
            });
    String task = browser.findElement(entry).getAttribute("id").substring("criticism_".length());
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('heldOn').value = arguments[0]",
            java.time.LocalDate.now().toString());
    browser.findElement(By.id("place")).sendKeys("Hội trường khu dân cư");
    browser.findElement(By.id("officialMembers")).sendKeys(String.valueOf(officialMembers));
    browser.findElement(By.id("present")).sendKeys(String.valueOf(officialMembers));
    browser
        .findElement(By.id("criticism_" + task))
        .sendKeys("Chi bộ thống nhất với bản tự kiểm điểm.");
    browser.findElement(By.id("votesGOOD_" + task)).sendKeys(String.valueOf(officialMembers));
    new Select(browser.findElement(By.id("level_" + task))).selectByValue("GOOD");
    browser.findElement(By.id("record-meeting")).click(); // asks first (assets/confirm.js)
    clickAndLoad(browser.findElement(By.id("record-meeting-confirm-yes")));
    assertThat(browser.findElements(By.id("notice")))
        .as(browser.findElement(By.tagName("main")).getText())
        .isNotEmpty();
    assertThat(browser.findElement(By.id("notice")).getText())
        .contains("Đã ghi biên bản họp chi bộ");
  }

  /** The grassroots committee approves the branch's proposal (GOOD) on the decision page. */
  private void decide(String name) {
    openTask("committee-decision", name);
    send(Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
  }

  /** The collective's own review (Mẫu 01) proposing GOOD. */
  private void collectiveSelfReview(String name) {
    openTask("collective-self-review", name);
    send(
        Map.of(
            "selfProposedLevel",
            "GOOD",
            "strengths",
            "Lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm của " + name + ".",
            "limitations",
            "Sinh hoạt chuyên đề chưa đều; nguyên nhân: chưa chủ động xây dựng kế hoạch.",
            "remedialMeasures",
            "Xây dựng kế hoạch sinh hoạt chuyên đề hằng quý, phân công người phụ trách."));
  }

  /** The rater of the collective (the grassroots committee, or the committee above) approves GOOD. */
  private void rateCollective(String name) {
    openTask("collective-decision", name);
    send(Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
  }

  /** A residence area's comment, as its committee sends it: a structured CloudEvent on Kafka. */
  private void sendResidenceFeedback(String memberId, String comment) {
    String event =
        "{\"specversion\":\"1.0\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"source\":\"/residence/khu-pho-1\","
            + "\"type\":\"vn.party.member.residence-feedback\",\"datacontenttype\":\"application/json\","
            + "\"data\":{\"memberId\":\""
            + memberId
            + "\",\"year\":"
            + YEAR
            + ",\"comment\":\""
            + comment
            + "\",\"submittedBy\":\"Chi ủy khu dân cư số 1\"}}";
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.getBrokersAsString(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      producer
          .send(
              new ProducerRecord<>(
                  "party.member-events", memberId, event.getBytes(StandardCharsets.UTF_8)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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

  /** Seats the person, chosen by name in the seat form's picker, on the unit's committee. */
  private void seat(String unit, String name, String person, String role) {
    open("/app/units/" + unit);
    // the picker shows names (a member's with the branch, to tell namesakes apart), never ids
    WebElement option =
        browser.findElement(
            By.xpath(
                "//select[@id='personId']/option[starts-with(normalize-space(.), '"
                    + name
                    + "')]"));
    assertThat(option.getAttribute("value")).isEqualTo(person);
    new Select(browser.findElement(By.id("personId"))).selectByValue(person);
    new Select(browser.findElement(By.id("body"))).selectByValue("COMMITTEE");
    new Select(browser.findElement(By.id("role"))).selectByValue(role);
    browser.findElement(By.id("seat-reason")).sendKeys("Nghị quyết đại hội " + YEAR);
    clickAndLoad(browser.findElement(By.id("seat")));
    assertThat(
            browser
                .findElement(By.cssSelector("#committee tr[data-person='" + person + "']"))
                .getAttribute("data-role"))
        .as(browser.findElement(By.tagName("main")).getText())
        .isEqualTo(role);
  }

  private void changePassword(String current, String next) {
    assertThat(browser.getCurrentUrl()).contains("/app/password");
    assertThat(browser.findElement(By.id("password-required")).isDisplayed()).isTrue();
    browser.findElement(By.id("currentPassword")).sendKeys(current);
    browser.findElement(By.id("newPassword")).sendKeys(next);
    browser.findElement(By.id("confirmPassword")).sendKeys(next);
    clickAndLoad(browser.findElement(By.id("change-password")));
    assertThat(browser.findElements(By.cssSelector("p.error")))
        .as(browser.findElement(By.tagName("main")).getText())
        .isEmpty();
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
