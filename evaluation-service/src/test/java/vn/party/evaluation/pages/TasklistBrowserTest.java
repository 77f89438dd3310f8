package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as members use it, in real headless Chromium (issue 14): each task's name carries the year and the
 * member's name (four "Tự kiểm điểm" of four years are no longer alike), dates are written day first, and the
 * "migrate to Camunda 8" banner is not shown. Screenshot: {@code target/screenshots/tasklist-01-member.png}.
 */
class TasklistBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2098;

  @Test
  void tasklist_names_the_year_and_the_member_and_shows_no_migration_banner() {
    launchedCampaign(YEAR);
    String task = taskOf("member9", "self-review", "member9", YEAR);
    String name = jdbc.sql("select full_name from evaluation.party_member where id = 'member9'")
        .query(String.class).single();
    // the engine's name of the task, as Tasklist, the REST API and the notices read it
    assertThat(json(as("member9").get().uri("/engine-rest/task/{id}", task).retrieve().body(String.class))
        .get("name").asText()).isEqualTo("Tự kiểm điểm năm " + YEAR + ": " + name);

    DecideWithFactsBrowserTest.desktop();
    open("/camunda/app/tasklist/default/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.ignoring(WebDriverException.class)
        .until(driver -> !driver.findElements(By.cssSelector("input[type=password]")).isEmpty());
    browser.findElement(By.cssSelector("input[type=text], input[name=username]")).sendKeys("member9");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.ignoring(WebDriverException.class).until(driver -> driver.findElement(By.tagName("body")).getText()
        .contains("Tự kiểm điểm năm " + YEAR + ": " + name));
    // the banner's element is still drawn by the webapp, hidden by this system's user-styles.css
    wait.until(driver -> !driver.findElements(By.cssSelector(".ce-eol-banner")).isEmpty());
    assertThat(((JavascriptExecutor) browser).executeScript(
        "return getComputedStyle(document.querySelector('.ce-eol-banner')).display")).isEqualTo("none");
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("migrate to Camunda 8");
    screenshot("tasklist-01-member");
  }
}
