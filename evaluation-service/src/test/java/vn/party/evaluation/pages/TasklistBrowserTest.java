package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as members use it, in real headless Chromium (issue 14): each task's name carries the year and the
 * member's name (four "Tự kiểm điểm" of four years are no longer alike), dates are written day first, and the
 * "migrate to Camunda 8" banner is not shown, and times are Vietnam's (Asia/Ho_Chi_Minh) in a browser set to another
 * zone. Screenshot: {@code target/screenshots/tasklist-01-member.png}.
 */
class TasklistBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2098;

  /** How the engine REST API writes dates, e.g. 2098-12-10T10:00:00.000+0000. */
  private static final DateTimeFormatter ENGINE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @Test
  void tasklistNamesTheYearAndTheMemberAndShowsNoMigrationBanner() {
    launchedCampaign(YEAR);
    String task = taskOf("member9", "self-review", "member9", YEAR);
    String name =
        jdbc.sql("select full_name from evaluation.party_member where id = 'member9'")
            .query(String.class)
            .single();
    // the engine's name of the task, as Tasklist, the REST API and the notices read it
    var read =
        as("member9").get().uri("/engine-rest/task/{id}", task).retrieve().toEntity(String.class);
    assertThat(read.getStatusCode().value())
        .as("member9 reads their task: " + read.getBody())
        .isEqualTo(200);
    assertThat(json(read.getBody()).get("name").asText())
        .isEqualTo("Tự kiểm điểm năm " + YEAR + ": " + name);

    // the due date as the engine keeps it, and as a person in Vietnam reads it
    String due =
        json(as("member9").get().uri("/engine-rest/task/{id}", task).retrieve().body(String.class))
            .get("due")
            .asText();
    String dueInVietnam =
        OffsetDateTime.parse(due, ENGINE_DATE)
            .atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh"))
            .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"));

    DecideWithFactsBrowserTest.desktop();
    // a browser far from Vietnam: New York (12 hours behind in December), whatever the machine's
    // zone
    ((HasCdp) browser)
        .executeCdpCommand(
            "Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
    open("/camunda/app/tasklist/default/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.ignoring(WebDriverException.class)
        .until(driver -> !driver.findElements(By.cssSelector("input[type=password]")).isEmpty());
    browser
        .findElement(By.cssSelector("input[type=text], input[name=username]"))
        .sendKeys("member9");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.ignoring(WebDriverException.class)
        .until(
            driver ->
                driver
                    .findElement(By.tagName("body"))
                    .getText()
                    .contains("Tự kiểm điểm năm " + YEAR + ": " + name));
    // the banner's element is still drawn by the webapp, hidden by this system's user-styles.css
    wait.until(driver -> !driver.findElements(By.cssSelector(".ce-eol-banner")).isEmpty());
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return getComputedStyle(document.querySelector('.ce-eol-banner')).display"))
        .isEqualTo("none");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .doesNotContain("migrate to Camunda 8");

    // times in Vietnam's time (issue 14): the due date's tooltip says 17:00 where the browser's own
    // clock says 05:00
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
        .isEqualTo("America/New_York");
    wait.until(
        driver -> !driver.findElements(By.cssSelector("[uib-tooltip][am-time-ago]")).isEmpty());
    List<String> tooltips =
        browser.findElements(By.cssSelector("[uib-tooltip][am-time-ago]")).stream()
            .map(element -> element.getAttribute("uib-tooltip"))
            .toList();
    assertThat(tooltips).as("the due date in Vietnam's time, day first").contains(dueInVietnam);
    // the footer names Vietnam's time in readable Vietnamese (the stylesheet is served without a
    // charset: its letters must survive a Latin-1 reading)
    Object footer =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var f = document.getElementById('footer-timezone');"
                    + " return f ? getComputedStyle(f, '::after').content : null;");
    assertThat(String.valueOf(footer)).contains("giờ Việt Nam");
    screenshot("tasklist-01-member");
    // an empty zone ends the override
    ((HasCdp) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
  }
}
