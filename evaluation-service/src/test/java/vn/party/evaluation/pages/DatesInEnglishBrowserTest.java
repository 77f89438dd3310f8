package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14: dates are written dd/mm/yyyy on every page whatever the browser's language. In a browser set to English
 * (en-US, where a native date field shows mm/dd/yyyy) the date fields are text fields saying "dd/mm/yyyy", show their
 * values day first, and the server reads 31/01/2026 as the 31st of January and refuses 01/31/2026 next to the field.
 * Nothing is recorded: each form is refused for another field.
 */
class DatesInEnglishBrowserTest extends BrowserTestSupport {

  @BeforeAll
  static void inEnglish() throws IOException {
    stopBrowser();
    startBrowser("en-US");
  }

  @Test
  void theMovementDateIsDayFirstInAnEnglishBrowser() {
    signIn("admin", "admin");
    assertThat(
            ((JavascriptExecutor) browser).executeScript("return navigator.language;").toString())
        .startsWith("en");
    open("/app/movements");
    WebElement on = browser.findElement(By.id("on"));
    assertThat(on.getAttribute("type")).isEqualTo("text");
    assertThat(on.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
    // the default, today in Vietnam, day first
    assertThat(on.getAttribute("value"))
        .isEqualTo(
            LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    screenshot("dates-en-01-movement");

    // 31/01/2026 is a date day first only: no error for it (refused for the missing reason alone)
    movement("31/01/2026");
    assertThat(browser.findElements(By.cssSelector("#form-errors li[data-field=reason]")))
        .isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#form-errors li[data-field=on]"))).isEmpty();
    assertThat(browser.findElement(By.id("on")).getAttribute("value")).isEqualTo("31/01/2026");

    // month first, as an English browser's own date field would have it: refused next to the field
    movement("01/31/2026");
    assertThat(browser.findElement(By.cssSelector("#form-errors li[data-field=on]")).getText())
        .contains("sai định dạng");
    screenshot("dates-en-02-month-first-refused");
  }

  @Test
  void theCampaignDeadlinesAreDayFirstInAnEnglishBrowser() {
    signIn("committee", "demo");
    open("/app/campaigns/new");
    WebElement due = browser.findElement(By.id("selfReviewDue"));
    assertThat(due.getAttribute("type")).isEqualTo("text");
    assertThat(due.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy hh:mm");
    // a year out of range keeps anything from being opened; the deadlines are read day first
    WebElement year = browser.findElement(By.id("year"));
    year.clear();
    year.sendKeys("1990");
    due.sendKeys("31/01/2026 17:00");
    browser.findElement(By.id("residenceFeedbackDue")).sendKeys("15/02/2026 17:00");
    browser.findElement(By.id("branchReviewDue")).sendKeys("28/02/2026");
    browser.findElement(By.id("decisionDue")).sendKeys("13/31/2026 17:00");
    clickAndConfirm("open-campaign");
    assertThat(browser.findElement(By.id("year-error")).getText()).isNotBlank();
    assertThat(browser.findElements(By.id("selfReviewDue-error"))).isEmpty();
    assertThat(browser.findElements(By.id("residenceFeedbackDue-error"))).isEmpty();
    assertThat(browser.findElements(By.id("branchReviewDue-error"))).isEmpty();
    assertThat(browser.findElement(By.id("decisionDue-error")).getText()).contains("sai định dạng");
    assertThat(browser.findElement(By.id("selfReviewDue")).getAttribute("value"))
        .isEqualTo("31/01/2026 17:00");
    assertThat(browser.findElement(By.id("branchReviewDue")).getAttribute("value"))
        .isEqualTo("28/02/2026");
    screenshot("dates-en-03-campaign-deadlines");
  }

  private void movement(String date) {
    new Select(browser.findElement(By.id("memberId"))).selectByIndex(1);
    WebElement on = browser.findElement(By.id("on"));
    on.clear();
    on.sendKeys(date);
    clickAndLoad(browser.findElement(By.id("record-movement")));
  }
}
