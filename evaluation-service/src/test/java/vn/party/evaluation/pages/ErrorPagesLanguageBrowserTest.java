package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 14 (security.md L6): in a browser set to English (en-US, as office PCs often are) the error pages speak
 * Vietnamese like every other page — also the errors Tomcat answers before Spring (an encoded {@code %2F}) and those
 * Spring answers before the pages' locale resolver (an unknown page, forwarded to {@code /error}) — and English only on
 * request ({@code ?lang=en}, then the cookie it leaves). Screenshots at 1366 and 390 px in {@code
 * target/screenshots/error-language-*.png}.
 */
class ErrorPagesLanguageBrowserTest extends BrowserTestSupport {

  @BeforeAll
  static void inEnglish() throws IOException {
    stopBrowser();
    startBrowser("en-US");
  }

  @Test
  void anEnglishBrowserGetsTheErrorPagesInVietnameseUntilItAsksForEnglish() {
    assertThat(
            ((JavascriptExecutor) browser).executeScript("return navigator.language;").toString())
        .startsWith("en");
    signIn("committee", "demo");
    // the sign-in page's ?lang=vi left a cookie: gone, the browser asks nothing but its English
    browser.manage().deleteCookieNamed("lang");

    // Tomcat's own refusal of an encoded slash, before any servlet
    open("/app/units/%2Fetc");
    assertError("vi", "Yêu cầu không hợp lệ.");
    screenshot("error-language-01-encoded-slash-1366");
    DecideWithFactsBrowserTest.phone();
    screenshot("error-language-02-encoded-slash-390");
    DecideWithFactsBrowserTest.desktop();
    // Spring's: no such page, answered through /error
    open("/app/no-such-page");
    assertError("vi", "Không tìm thấy trang này.");
    screenshot("error-language-03-no-such-page-1366");

    // English on request, then remembered
    open("/app/units/%2Fetc?lang=en");
    assertError("en", "Bad request.");
    open("/app/no-such-page?lang=en");
    assertError("en", "This page does not exist.");
    open("/app/units/%2Fetc");
    assertError("en", "Bad request.");
    screenshot("error-language-04-asked-english-1366");
    open("/app?lang=vi");
    open("/app/units/%2Fetc");
    assertError("vi", "Yêu cầu không hợp lệ.");
    open("/app");
    signOut();
  }

  private static void assertError(String language, String message) {
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
    assertThat(browser.findElement(By.id("error-message")).getText()).isEqualTo(message);
    assertThat(browser.getPageSource())
        .doesNotContain("Whitelabel")
        .doesNotContain("Apache Tomcat");
  }
}
