package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 14 (security.md L6): on a 390 × 844 phone the header is compact and every item of the top menu is reachable
 * without scrolling sideways — the menu folds behind the "Danh mục" button (assets/menu.js), which opens it as a list
 * within the screen; Escape closes it. Checked for every role, whose menus differ (the administrator's is the longest),
 * with axe-core on the open menu. On a desktop the menu shows as it is, without the button. Screenshots at 390 and
 * 1366 px: {@code target/screenshots/compact-header-*.png}.
 */
class CompactHeaderBrowserTest extends BrowserTestSupport {

  private static final int PHONE_WIDTH = 390;
  private static final int PHONE_HEIGHT = 844;

  @AfterEach
  void desktopAgain() {
    if (browser != null) {
      cdp("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void everyMenuItemIsWithinAPhonesScreenForEveryRole() throws IOException {
    String axe = EveryPageBrowserTest.axeScript();
    for (String role :
        List.of("member1", "secretary1", "committee", "auditor", "district", "admin")) {
      signIn(role, "admin".equals(role) ? "admin" : "demo");
      phone();
      open("/app/tasks");
      WebElement toggle = browser.findElement(By.id("menu-toggle"));
      WebElement menu = browser.findElement(By.id("main-menu"));
      assertThat(toggle.isDisplayed()).as(role).isTrue();
      assertThat(toggle.getText()).isEqualTo("Danh mục");
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
      assertThat(menu.isDisplayed()).as("folded").isFalse();
      assertThat(headerHeight())
          .as("the folded header of %s", role)
          .isLessThanOrEqualTo(PHONE_HEIGHT / 6);
      screenshot("compact-header-01-folded-390-" + role);

      toggle.click();
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
      List<WebElement> items = menu.findElements(By.tagName("a"));
      assertThat(items).as(role).hasSizeGreaterThanOrEqualTo(5);
      for (WebElement item : items) {
        Rectangle box = item.getRect();
        assertThat(item.isDisplayed()).as("%s: %s shown", role, item.getText()).isTrue();
        assertThat(box.getX())
            .as("%s: %s starts on the screen", role, item.getText())
            .isGreaterThanOrEqualTo(0);
        assertThat(box.getX() + box.getWidth())
            .as("%s: %s ends on the screen", role, item.getText())
            .isLessThanOrEqualTo(PHONE_WIDTH);
      }
      assertThat(pageWidth())
          .as("%s: the page never scrolls sideways", role)
          .isLessThanOrEqualTo(PHONE_WIDTH);
      screenshot("compact-header-02-open-390-" + role);
      assertThat(EveryPageBrowserTest.axe(role + " menu open at 390 px", axe)).isEmpty();

      // Escape closes it and the focus is back on the button
      items.get(0).sendKeys(Keys.ESCAPE);
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
      assertThat(menu.isDisplayed()).isFalse();
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("menu-toggle");

      // a desktop shows the menu as it is, no button
      cdp("Emulation.clearDeviceMetricsOverride", Map.of());
      DecideWithFactsBrowserTest.desktop();
      open("/app/tasks");
      assertThat(browser.findElement(By.id("menu-toggle")).isDisplayed()).isFalse();
      assertThat(browser.findElement(By.id("main-menu")).isDisplayed()).isTrue();
      if ("admin".equals(role) || "committee".equals(role)) {
        screenshot("compact-header-03-desktop-1366-" + role);
      }
      signOut();
    }
  }

  private static long headerHeight() {
    return ((Number)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.querySelector('header.top').getBoundingClientRect().height"))
        .longValue();
  }

  private static long pageWidth() {
    return ((Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth"))
        .longValue();
  }

  private static void phone() {
    cdp(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
  }

  private static void cdp(String command, Map<String, Object> parameters) {
    ((ChromeDriver) browser).executeCdpCommand(command, parameters);
  }
}
