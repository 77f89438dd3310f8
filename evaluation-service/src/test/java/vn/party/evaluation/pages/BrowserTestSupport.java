package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * Real headless Chromium for the people's pages (Debian packages {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs; the test class is skipped where they are absent): one browser per test class, signing in
 * and out, the task rows of "my tasks", and screenshots of each page into {@code target/screenshots/}.
 */
public abstract class BrowserTestSupport extends EvaluationFlowSupport {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  protected static WebDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    startBrowser("vi");
  }

  /** Starts the browser in a language of the user's (its UI and the Accept-Language it sends). */
  static void startBrowser(String language) throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "needs the Debian packages chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toString())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--lang=" + language);
    if (!"vi".equals(language)) {
      options.setExperimentalOption(
          "prefs", java.util.Map.of("intl.accept_languages", language + ",en"));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  protected void signIn(String user, String password) {
    browser.get("http://localhost:" + port + "/login?lang=vi");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    clickAndLoad(browser.findElement(By.id("sign-in")));
  }

  protected void signOut() {
    clickAndLoad(browser.findElement(By.id("sign-out")));
    assertThat(browser.getCurrentUrl()).contains("/login");
  }

  /**
   * Clicks a button whose step cannot be undone (a {@code data-confirm} button, assets/confirm.js): its dialog
   * {@code <id>-confirm} opens and nothing is sent yet; then confirms it and waits for the next page.
   */
  protected static void clickAndConfirm(String buttonId) {
    openConfirmation(buttonId);
    clickAndLoad(browser.findElement(By.id(buttonId + "-confirm-yes")));
  }

  /**
   * Clicks a button whose step cannot be undone, checks that its confirmation opens, and cancels it: the dialog
   * closes, nothing is sent (the same page, not reloaded) and the focus is back on the button.
   */
  protected static void clickAndCancel(String buttonId) {
    String url = browser.getCurrentUrl();
    String mark = openConfirmation(buttonId);
    browser.findElement(By.id(buttonId + "-confirm-no")).click();
    WebElement dialog = browser.findElement(By.id(buttonId + "-confirm"));
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> !dialog.isDisplayed());
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return window.__confirmMark === arguments[0];", mark))
        .as("cancelling sent nothing: the page was not reloaded")
        .isEqualTo(Boolean.TRUE);
    assertThat(browser.getCurrentUrl()).isEqualTo(url);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo(buttonId);
  }

  /** Clicks the button and waits for its confirmation dialog (the page is not left); returns the page's mark. */
  private static String openConfirmation(String buttonId) {
    String mark = java.util.UUID.randomUUID().toString();
    ((JavascriptExecutor) browser).executeScript("window.__confirmMark = arguments[0];", mark);
    browser.findElement(By.id(buttonId)).click();
    WebElement dialog = browser.findElement(By.id(buttonId + "-confirm"));
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> dialog.isDisplayed());
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return window.__confirmMark === arguments[0];", mark))
        .as("the click only asked: the page was not left")
        .isEqualTo(Boolean.TRUE);
    assertThat(browser.findElement(By.id(buttonId + "-confirm-title")).getText()).isNotBlank();
    return mark;
  }

  /**
   * Clicks a link or a submit button and waits for the page it loads. Under load chromedriver may return from the click
   * before the navigation has begun, and the next look-up would then read the old page. Each document is marked before
   * the click and the wait ends when a complete document without the mark is shown. While the old document is being
   * torn down chromedriver answers with transient errors (a stale element, or "Node with given id does not belong to
   * the document", which Selenium does not classify as stale), so every {@link WebDriverException} during the wait
   * means "not yet".
   */
  protected static void clickAndLoad(WebElement element) {
    String mark = java.util.UUID.randomUUID().toString();
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

  protected void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  protected static By rowSelector(String taskId) {
    return By.cssSelector("tr[data-task-id='" + taskId + "']");
  }

  /** The task row, waiting for the task to appear (the engine creates it asynchronously after the launch). */
  protected WebElement row(String taskId) {
    By selector = rowSelector(taskId);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              if (browser.findElements(selector).isEmpty()) {
                browser.navigate().refresh();
                return false;
              }
              return true;
            });
    return browser.findElement(selector);
  }

  protected static void screenshot(String name) {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
