package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14 in real headless Chromium: the pages speak Vietnamese to a browser set to English (English only on
 * request, remembered); records and timelines in people's words (names, levels, local times — no variable names,
 * enum values, sign-in ids or codes); the official documents linked where they are used; filters with pickers; and
 * the member's pages on a 390 × 844 phone without sideways scrolling, with a compact header. Screenshots at 1366 × 900
 * and 390 × 844 in {@code target/screenshots/}.
 */
class DocumentsAndLanguageBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2066;

  /** Raw data a person must never read on a page (as whole words). */
  private static final List<String> RAW =
      List.of(
          "campaignId",
          "votesGOOD",
          "votesEXCELLENT",
          "votesGood",
          "votesExcellent",
          "votesCompleted",
          "votesNotCompleted",
          "eligibleVoters",
          "APPROVE",
          "RETURN",
          "RECEIVED",
          "GOOD",
          "EXCELLENT",
          "COMPLETED",
          "NOT_COMPLETED",
          "true",
          "false",
          "QD-366-2025",
          "thanh-khe-tay-cb1",
          "thanh-khe-tay",
          "EVENT_RECEIVED",
          "TASK_COMPLETED",
          "secretary1",
          "committee",
          "vn.party.member.residence-feedback");

  @AfterEach
  void desktopAgain() {
    if (browser != null) {
      cdp("Emulation.clearDeviceMetricsOverride", Map.of());
      cdp("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }
  }

  @Test
  void aBrowserSetToEnglishGetsVietnameseUntilItAsksForEnglish() {
    browser.manage().deleteAllCookies();
    cdp("Network.enable", Map.of());
    cdp(
        "Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("Accept-Language", "en-US,en;q=0.9")));
    open("/login");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
    screenshot("14-lang-01-english-browser-gets-vietnamese");
    open("/login?lang=en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    open("/login");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .as("remembered")
        .isEqualTo("Sign in");
    open("/login?lang=vi");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
  }

  @Test
  void recordsSpeakInWordsLinkTheirDocumentsAndTheMemberPagesFitAPhone() {
    launchedCampaign(YEAR);
    decideMember(YEAR, 1, "GOOD");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "DECIDED".equals(evaluation("committee", YEAR, "member1").get("status").asText()));
    String record = "/app/evaluations/" + YEAR + "/member1";

    // the auditor reads the record: names, words, local times; the documents to download
    signIn("auditor", "demo");
    desktop();
    open(record);
    String timeline = browser.findElement(By.id("timeline")).getText();
    assertThat(timeline)
        .contains(
            displayName("member1"),
            displayName("secretary1"),
            displayName("committee"),
            "Hoàn thành tốt nhiệm vụ",
            "Phê duyệt",
            "Nhận xét của chi ủy nơi cư trú");
    noRawData(browser.findElement(By.tagName("main")).getText());
    assertThat(browser.findElement(By.id("document-self-review-pdf")).getAttribute("href"))
        .endsWith("/app/documents/self-review/" + YEAR + "/member1.pdf");
    screenshot("14-record-auditor-1366");
    // the audit filters are pickers that show names
    open("/app/audit?year=" + YEAR);
    Select branch = new Select(browser.findElement(By.id("branch")));
    assertThat(branch.getOptions().stream().map(WebElement::getText))
        .contains("Chi bộ Khu dân cư số 1 — Đảng bộ phường Thanh Khê Tây");
    assertThat(
            new Select(browser.findElement(By.id("organization")))
                .getOptions().stream().map(WebElement::getText))
        .contains("Đảng bộ phường Thanh Khê Tây");
    assertThat(new Select(browser.findElement(By.id("year"))).getFirstSelectedOption().getText())
        .isEqualTo(String.valueOf(YEAR));
    branch.selectByValue(ORG + "-cb1");
    clickAndLoad(browser.findElement(By.id("search-button")));
    assertThat(browser.findElements(By.cssSelector("#results tr[data-member=member1]"))).hasSize(1);
    noRawData(browser.findElement(By.tagName("main")).getText());
    screenshot("14-audit-pickers-1366");
    signOut();

    // the committee reaches its decision document from the finalization page and the report
    signIn("committee", "demo");
    open("/app/campaigns/" + ORG + "/" + YEAR + "/finalization");
    assertThat(browser.findElement(By.id("document-decision-docx")).getAttribute("href"))
        .endsWith("/app/documents/decision/" + ORG + "/" + YEAR + ".docx");
    open("/app/reports");
    assertThat(
            new Select(browser.findElement(By.id("organization")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("Đảng bộ phường Thanh Khê Tây");
    open("/app/reports/" + ORG + "/" + YEAR);
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Quy định số 366-QĐ/TW")
        .doesNotContain("QD-366-2025");
    signOut();

    // the member on a phone: every page of theirs fits 390 px, the header is compact
    signIn("member2", "demo");
    String selfReview = taskOf("member2", "self-review", "member2", YEAR);
    signOut();
    signIn("member1", "demo");
    phone();
    for (String page :
        List.of("/app/tasks", "/app/evaluations", record, "/app/notifications/preferences")) {
      fitsThePhone(page, "member1");
    }
    signOut();
    signIn("member2", "demo");
    phone();
    fitsThePhone("/app/tasks", "member2");
    fitsThePhone("/app/tasks/" + selfReview, "member2");
    signOut();
  }

  private void fitsThePhone(String page, String who) {
    open(page);
    JavascriptExecutor script = (JavascriptExecutor) browser;
    long width =
        ((Number) script.executeScript("return document.documentElement.scrollWidth")).longValue();
    long header =
        ((Number)
                script.executeScript(
                    "return document.querySelector('header.top').getBoundingClientRect().height"))
            .longValue();
    screenshot("14-phone-" + who + page.replace('/', '_'));
    assertThat(width).as("%s is no wider than the phone", page).isLessThanOrEqualTo(390);
    assertThat(header)
        .as("the header of %s takes at most a sixth of the screen", page)
        .isLessThanOrEqualTo(844 / 6);
  }

  private void desktop() {
    cdp(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
  }

  private void phone() {
    cdp(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
  }

  private static void cdp(String command, Map<String, Object> parameters) {
    ((ChromeDriver) browser).executeCdpCommand(command, parameters);
  }

  private static void noRawData(String text) {
    for (String raw : RAW) {
      assertThat(text)
          .as("no raw data on the page")
          .doesNotContainPattern("(?<![\\w-])" + java.util.regex.Pattern.quote(raw) + "(?![\\w-])");
    }
    assertThat(text).as("no ISO date-time").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d");
  }

  private String displayName(String userId) {
    return jdbc.sql(
            "select trim(coalesce(first_ || ' ', '') || coalesce(last_, '')) from public.act_id_user where id_ = :id")
        .param("id", userId)
        .query(String.class)
        .single();
  }
}
