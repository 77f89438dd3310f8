package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * The people's surfaces of issue 4 over plain HTTP with a signed-in session: the grassroots committee opens a
 * campaign through the page (refusals next to the fields, a second one for the year refused, landing on the
 * progress); the branch report for its own branch committee, the grassroots committee and auditors only; every role
 * reaches its pages from the menu; and the pages carry on, saying so, while notification-service is down (it is
 * not running in these tests; both together: local-stack's {@code PortalNotificationsEndToEndTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeoplesSurfacesTest extends EvaluationFlowSupport {

  /** Opened through the page; member1 decided GOOD. */
  private static final int EARLIER = 2040;

  /** Opened through the API; member1 decided GOOD, member2 COMPLETED. */
  private static final int YEAR = 2041;

  private static final String CB1 = ORG + "-cb1";
  private static final String BRANCH_REPORT = "/app/reports/branches/" + CB1 + "/" + YEAR;

  /** The time the forms' due dates count from (Vietnam wall-clock time, to the minute). */
  private static final LocalDateTime BASE = vietnamNow();

  private HttpResponse<String> opened;

  @BeforeAll
  void twoYears() throws Exception {
    PageSession committee = PageSession.of(port, "committee");
    opened =
        committee.post(
            "/app/campaigns/new", form(committee, EARLIER, "QD-366-2025", 10, 20, 30, 40));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.campaign where organization_id = :org and year = :y and status = 'RUNNING'")
                        .param("org", ORG)
                        .param("y", EARLIER)
                        .query(Integer.class)
                        .single()
                    == 1);
    decide("member1", "GOOD", EARLIER);
    launchedCampaign(YEAR);
    decide("member1", "GOOD", YEAR);
    decide("member2", "COMPLETED", YEAR);
  }

  @Test
  void theCommitteeOpensTheCampaignOnThePageAndLandsOnItsProgress() throws Exception {
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
    assertThat(opened.headers().firstValue("Location").orElse(""))
        .endsWith("/app/campaigns/" + ORG + "/" + EARLIER);
    assertThat(
            jdbc.sql(
                    "select regulation from evaluation.campaign where organization_id = :org and year = :y")
                .param("org", ORG)
                .param("y", EARLIER)
                .query(String.class)
                .single())
        .isEqualTo("QD-366-2025");
    // the due dates are read in the users' time zone: 10 days from now at the same wall-clock
    // minute in Vietnam
    assertThat(
            jdbc.sql(
                    "select self_review_due from evaluation.campaign where organization_id = :org and year = :y")
                .param("org", ORG)
                .param("y", EARLIER)
                .query(java.time.OffsetDateTime.class)
                .single()
                .atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .toLocalDateTime())
        .isEqualTo(BASE.plusDays(10));

    PageSession committee = PageSession.of(port, "committee");
    HttpResponse<String> form = committee.get("/app/campaigns/new");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Mở đợt kiểm điểm, đánh giá, xếp loại", "QD-124-2023", "id=\"decisionDue\"")
        .contains("value=\"" + ORG + "\"");
    HttpResponse<String> progress = committee.get("/app/campaigns/" + ORG + "/" + EARLIER);
    assertThat(progress.body())
        .contains("Tiến độ đợt đánh giá, xếp loại năm " + EARLIER, "id=\"started\"");
    assertThat(committee.get("/app/campaigns").body())
        .contains("data-campaign=\"" + ORG + "/" + EARLIER + "\"")
        .contains("id=\"open-new-campaign\"");
  }

  @Test
  void aSecondCampaignForTheYearIsRefusedNextToTheYearWithALinkToTheOpenOne() throws Exception {
    PageSession committee = PageSession.of(port, "committee");
    int before = campaigns();
    HttpResponse<String> again =
        committee.post(
            "/app/campaigns/new", form(committee, EARLIER, "QD-124-2023", 10, 20, 30, 40));
    assertThat(again.statusCode()).isEqualTo(409);
    // the organization by its name, not its id (tenth session's outsider, finding 6)
    assertThat(errorOf(again.body(), "year"))
        .contains("đã được khởi tạo", "Thanh Khê Tây")
        .doesNotContain(ORG);
    assertThat(again.body())
        .contains("id=\"existing-campaign\"", "/app/campaigns/" + ORG + "/" + EARLIER);
    assertThat(campaigns()).isEqualTo(before);
  }

  @Test
  void theCampaignFormRefusesBadInputNextToEachFieldAndWritesNothing() throws Exception {
    PageSession committee = PageSession.of(port, "committee");
    int before = campaigns();
    // what does not parse, or is missing
    String csrf = committee.csrf(committee.get("/app/campaigns/new").body());
    HttpResponse<String> unreadable =
        committee.post(
            "/app/campaigns/new",
            "_csrf="
                + enc(csrf)
                + "&year="
                + enc("２０４２")
                + "&regulation=&selfReviewDue=12%2F31%2F2042&residenceFeedbackDue=&branchReviewDue=2042-12-20T17%3A00"
                + "&decisionDue=2042-12-28T17%3A00");
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(errorOf(unreadable.body(), "year")).contains("sai kiểu dữ liệu");
    assertThat(errorOf(unreadable.body(), "regulation")).contains("bắt buộc");
    assertThat(errorOf(unreadable.body(), "selfReviewDue")).contains("sai định dạng");
    assertThat(errorOf(unreadable.body(), "residenceFeedbackDue")).contains("bắt buộc");
    assertThat(unreadable.body()).doesNotContain("id=\"branchReviewDue-error\"");
    // what parses but breaks the rules: the same checks as the API
    HttpResponse<String> wrong =
        committee.post("/app/campaigns/new", form(committee, 2017, "QD-999-2030", 10, 5, 30, 20));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(errorOf(wrong.body(), "year")).contains("phải từ 2018 đến 2100");
    wrong =
        committee.post("/app/campaigns/new", form(committee, 2042, "QD-999-2030", 10, 5, 30, 20));
    assertThat(errorOf(wrong.body(), "regulation")).contains("QD-366-2025");
    assertThat(errorOf(wrong.body(), "residenceFeedbackDue")).contains("không đúng thứ tự");
    assertThat(errorOf(wrong.body(), "decisionDue")).contains("không đúng thứ tự");
    // what was typed is kept
    assertThat(wrong.body()).contains("value=\"2042\"");
    // in English too
    HttpResponse<String> english =
        committee.post(
            "/app/campaigns/new?lang=en", form(committee, 2042, "QD-366-2025", 10, 5, 30, 40));
    assertThat(errorOf(english.body(), "residenceFeedbackDue")).contains("out of order");
    assertThat(campaigns()).isEqualTo(before);
  }

  @Test
  void onlyAGrassrootsCommitteeMayOpenACampaignAndNotForAnotherOrganization() throws Exception {
    for (String user : List.of("member1", "secretary1", "auditor", "district")) {
      PageSession session = PageSession.of(port, user);
      assertThat(session.get("/app/campaigns/new").statusCode()).as(user).isEqualTo(403);
      String csrf = session.csrf(session.get("/app/tasks").body());
      assertThat(
              session.post("/app/campaigns/new", "_csrf=" + enc(csrf) + "&year=2042").statusCode())
          .as(user)
          .isEqualTo(403);
    }
    // the organization named in the form is not the committee's choice to make: its own is used
    PageSession committee = PageSession.of(port, "committee");
    HttpResponse<String> other =
        committee.post(
            "/app/campaigns/new",
            form(committee, EARLIER, "QD-366-2025", 10, 20, 30, 40)
                .replace("organizationId=" + ORG, "organizationId=other-org"));
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(
            jdbc.sql("select count(*) from evaluation.campaign where organization_id = 'other-org'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void theBranchReportCountsTheBranchAgainstTheYearBefore() throws Exception {
    HttpResponse<String> page = PageSession.of(port, "secretary1").get(BRANCH_REPORT);
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN CỦA CHI BỘ NĂM " + YEAR);
    assertThat(html)
        .containsPattern("id=\"members\">5<")
        .containsPattern("id=\"evaluated\">5<")
        .containsPattern("id=\"evaluated-share\">100[.,]0 %<")
        .containsPattern("id=\"undecided\">3<");
    assertThat(row(html, "GOOD"))
        .contains("class=\"count\">1<", "class=\"previous\">1<")
        .containsPattern(">20[.,]0<");
    assertThat(row(html, "COMPLETED")).contains("class=\"count\">1<", "class=\"previous\">0<");
    assertThat(html).doesNotContain("id=\"no-previous\"");
    // no button that changes anything: the only form is signing out
    assertThat(html.split("<form", -1)).hasSize(2);

    HttpResponse<byte[]> xlsx = PageSession.of(port, "committee").download(BRANCH_REPORT + ".xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
        .contains(CB1 + "-" + YEAR + ".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("CHI BỘ NĂM " + YEAR);
      assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(5); // members
      assertThat(sheet.getRow(6).getCell(1).getNumericCellValue())
          .isEqualTo(100.0); // evaluated share
      int good = -1;
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        if (sheet.getRow(r) != null
            && sheet.getRow(r).getCell(0) != null
            && "Hoàn thành tốt nhiệm vụ".equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
          good = r;
        }
      }
      assertThat(good).isPositive();
      assertThat(sheet.getRow(good).getCell(1).getNumericCellValue()).isEqualTo(1);
      assertThat(sheet.getRow(good).getCell(2).getNumericCellValue()).isEqualTo(20.0);
      assertThat(sheet.getRow(good).getCell(3).getNumericCellValue())
          .isEqualTo(1); // the year before
    }
    HttpResponse<byte[]> pdf = PageSession.of(port, "auditor").download(BRANCH_REPORT + ".pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    PdfReader reader = new PdfReader(pdf.body());
    try {
      assertThat(new PdfTextExtractor(reader).getTextFromPage(1))
          .contains("CỦA CHI BỘ NĂM " + YEAR)
          .contains("Hoàn thành tốt nhiệm vụ");
    } finally {
      reader.close();
    }
  }

  @Test
  void aBranchCommitteeReadsOnlyItsOwnBranchReport() throws Exception {
    PageSession secretary1 = PageSession.of(port, "secretary1");
    assertThat(secretary1.get("/app/reports/branches/" + ORG + "-cb2/" + YEAR).statusCode())
        .isEqualTo(403);
    assertThat(
            secretary1
                .download("/app/reports/branches/" + ORG + "-cb2/" + YEAR + ".xlsx")
                .statusCode())
        .isEqualTo(403);
    assertThat(secretary1.get("/app/reports/" + ORG + "/" + YEAR).statusCode()).isEqualTo(403);
    assertThat(PageSession.of(port, "secretary2").get(BRANCH_REPORT).statusCode()).isEqualTo(403);
    assertThat(PageSession.of(port, "member1").get(BRANCH_REPORT).statusCode()).isEqualTo(403);
    assertThat(
            PageSession.of(port, "committee")
                .get("/app/reports/branches/" + ORG + "-cb3/" + YEAR)
                .statusCode())
        .isEqualTo(200);
    // an unknown branch: not found for auditors, refused (nothing told) for a branch committee
    assertThat(
            PageSession.of(port, "auditor")
                .get("/app/reports/branches/no-such-branch/" + YEAR)
                .statusCode())
        .isEqualTo(404);
    assertThat(secretary1.get("/app/reports/branches/no-such-branch/" + YEAR).statusCode())
        .isEqualTo(403);
    // the chooser offers a branch committee its own branch only
    String chooser = secretary1.get("/app/reports").body();
    assertThat(chooser)
        .contains("value=\"" + CB1 + "\"")
        .doesNotContain("value=\"" + ORG + "-cb2\"")
        .doesNotContain("id=\"show-report\"");
    HttpResponse<String> chosen = secretary1.get("/app/reports?branch=" + CB1 + "&year=" + YEAR);
    assertThat(chosen.headers().firstValue("Location").orElse("")).endsWith(BRANCH_REPORT);
    // the organization's report links each branch's
    assertThat(PageSession.of(port, "committee").get("/app/reports/" + ORG + "/" + YEAR).body())
        .contains("href=\"" + BRANCH_REPORT + "\"");
  }

  @Test
  void eachRoleReachesItsPagesFromTheMenu() throws Exception {
    Map<String, List<String>> menus =
        Map.of(
            "member1",
                List.of(
                    "nav-tasks",
                    "nav-mine",
                    "nav-notifications",
                    "nav-preferences",
                    "nav-units",
                    "nav-password"),
            "secretary1",
                List.of(
                    "nav-tasks",
                    "nav-mine",
                    "nav-meetings",
                    "nav-reports",
                    "nav-notifications",
                    "nav-preferences",
                    "nav-members",
                    "nav-units",
                    "nav-password"),
            "committee",
                List.of(
                    "nav-tasks",
                    "nav-mine",
                    "nav-open-campaign",
                    "nav-campaigns",
                    "nav-reports",
                    "nav-notifications",
                    "nav-preferences",
                    "nav-members",
                    "nav-units",
                    "nav-roster-import",
                    "nav-movements",
                    "nav-password"),
            "auditor",
                List.of(
                    "nav-tasks",
                    "nav-mine",
                    "nav-audit",
                    "nav-signals",
                    "nav-password-resets",
                    "nav-campaigns",
                    "nav-reports",
                    "nav-notifications",
                    "nav-preferences",
                    "nav-members",
                    "nav-units",
                    "nav-password"));
    // issue 13: the organization tree for everybody, the roster import for the grassroots committee
    List<String> all =
        List.of(
            "nav-tasks",
            "nav-mine",
            "nav-audit",
            "nav-signals",
            "nav-meetings",
            "nav-reports",
            "nav-open-campaign",
            "nav-campaigns",
            "nav-notifications",
            "nav-preferences",
            "nav-members",
            "nav-units",
            "nav-roster-import",
            "nav-movements",
            "nav-password-resets",
            "nav-password");
    // issue 12: everybody changes their own password from the menu; auditors read every password
    // reset
    Pattern link = Pattern.compile("<a href=\"([^\"]+)\"[^>]*id=\"(nav-[a-z-]+)\"");
    for (var menu : menus.entrySet()) {
      PageSession session = PageSession.of(port, menu.getKey());
      String header = session.get("/app/evaluations").body();
      header = header.substring(header.indexOf("<nav id=\"main-menu\""), header.indexOf("</nav>"));
      for (String id : all) {
        assertThat(header.contains("id=\"" + id + "\""))
            .as(menu.getKey() + " " + id)
            .isEqualTo(menu.getValue().contains(id));
      }
      Matcher links = link.matcher(header);
      int reached = 0;
      while (links.find()) {
        int status = session.get(links.group(1)).statusCode();
        // notification-service is down in these tests: its pages answer 503 and say so
        assertThat(status)
            .as(menu.getKey() + " " + links.group(1))
            .isEqualTo(
                links.group(2).startsWith("nav-notifications")
                        || links.group(2).equals("nav-preferences")
                    ? 503
                    : 200);
        reached++;
      }
      assertThat(reached).as(menu.getKey()).isEqualTo(menu.getValue().size());
    }
  }

  @Test
  void anAuditorGetsNoButtonThatChangesAnythingOnTheNewPages() throws Exception {
    PageSession auditor = PageSession.of(port, "auditor");
    for (String path :
        List.of(
            "/app/campaigns",
            "/app/campaigns/" + ORG + "/" + YEAR,
            BRANCH_REPORT,
            "/app/reports/" + ORG + "/" + YEAR,
            "/app/reports")) {
      String html = auditor.get(path).body();
      assertThat(html.split("method=\"post\"", -1)).as(path).hasSize(2); // signing out only
      assertThat(html)
          .as(path)
          .doesNotContain("id=\"open-new-campaign\"")
          .doesNotContain("id=\"nav-open-campaign\"");
    }
  }

  @Test
  void whileNotificationServiceIsDownThePagesSaySoAndGoOn() throws Exception {
    PageSession member = PageSession.of(port, "member1");
    long start = System.nanoTime();
    HttpResponse<String> tasks = member.get("/app/tasks");
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body())
        .contains("id=\"notifications-unavailable\"")
        .doesNotContain("id=\"unread-count\"");
    HttpResponse<String> list = member.get("/app/notifications");
    assertThat(list.statusCode()).isEqualTo(503);
    assertThat(list.body())
        .contains("Thông báo tạm thời không khả dụng")
        .contains("id=\"nav-tasks\"");
    assertThat(member.get("/app/notifications?lang=en").body())
        .contains("Notifications are temporarily unavailable");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    // a bad choice is refused here, before anything is asked of notification-service
    String csrf = member.csrf(tasks.body());
    HttpResponse<String> bad =
        member.post(
            "/app/notifications/preferences?lang=vi", "_csrf=" + enc(csrf) + "&channel=SMS");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("id=\"channel-error\"", "Hãy chọn một trong hai cách nhận thông báo.");
    assertThat(member.post("/app/notifications/not-a-uuid/read", "_csrf=" + enc(csrf)).statusCode())
        .isEqualTo(400);
    // without the CSRF token nothing is even tried
    assertThat(member.post("/app/notifications/read-all", "").statusCode()).isEqualTo(403);
  }

  private int campaigns() {
    return jdbc.sql("select count(*) from evaluation.campaign").query(Integer.class).single();
  }

  private static LocalDateTime vietnamNow() {
    return LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
        .truncatedTo(ChronoUnit.MINUTES);
  }

  /** The campaign form as a browser sends it, due dates so many days from now (Vietnam wall-clock time). */
  private static String form(
      PageSession session,
      int year,
      String regulation,
      int self,
      int residence,
      int branch,
      int decision)
      throws Exception {
    String csrf = session.csrf(session.get("/app/tasks").body());
    LocalDateTime now = BASE;
    return "_csrf="
        + enc(csrf)
        + "&organizationId="
        + ORG
        + "&year="
        + year
        + "&regulation="
        + enc(regulation)
        + "&selfReviewDue="
        + enc(now.plusDays(self).toString())
        + "&residenceFeedbackDue="
        + enc(now.plusDays(residence).toString())
        + "&branchReviewDue="
        + enc(now.plusDays(branch).toString())
        + "&decisionDue="
        + enc(now.plusDays(decision).toString());
  }

  private static String errorOf(String html, String field) {
    Matcher error = Pattern.compile("id=\"" + field + "-error\">([^<]*)<").matcher(html);
    assertThat(error.find()).as("an error next to " + field).isTrue();
    return error.group(1);
  }

  private static String row(String html, String level) {
    int start = html.indexOf("data-level=\"" + level + "\"");
    assertThat(start).isPositive();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void decide(String member, String level, int year) {
    decided(member, year, selfCriticism(level), level);
  }
}
