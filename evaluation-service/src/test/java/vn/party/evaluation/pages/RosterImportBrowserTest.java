package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.party.evaluation.UnitFixture;

/**
 * The roster import on its pages, in real headless Chromium, as a new ward would do it: the organization and its
 * branch set up through the units, a first file with problems (a card number twice, a date the wrong way round) is
 * shown row by row and column by column in the page's language (Vietnamese; English with {@code ?lang=en}) with
 * nothing to commit; the fixed file is
 * committed with the progress bar, the one-time passwords are shown once, and a new member signs in with one.
 * Screenshots go to {@code target/screenshots/import-*.png}.
 */
class RosterImportBrowserTest extends BrowserTestSupport {

  private static final String WARD = "bt-ward";

  @Test
  void aPreviewFullOfErrorsThenTheFixedFileCommittedAndAFirstSignIn() throws Exception {
    unitFixture().post("ORGANIZATION", UnitFixture.ABOVE, "Đảng bộ phường Thử Trang", WARD, null);
    unitFixture().post("BRANCH", WARD, "Chi bộ Tổ 1", "bt-cb1", null);

    String heading =
        "Họ và tên;Ngày sinh (dd/MM/yyyy);Giới tính (Nam/Nữ);Số thẻ đảng viên;Ngày vào Đảng (dd/MM/yyyy);"
            + "Ngày chính thức (dd/MM/yyyy);Chi bộ (mã hoặc tên);Chức vụ Đảng;Chức vụ chính quyền, đoàn thể;"
            + "Cán bộ, công chức, viên chức (Có/Không);Miễn công tác và sinh hoạt đảng (Có/Không);"
            + "Đình chỉ sinh hoạt đảng (Có/Không);Thư điện tử;Điện thoại\r\n";
    String good1 =
        "Hoàng Thị Yến;02/09/1980;Nữ;BT000001;19/05/2008;19/05/2009;bt-cb1;;;Không;Không;Không;;\r\n";
    String dup =
        "Ngô Văn Tài;02/09/1981;Nam;BT000001;2009-05-19;;Chi bộ Tổ 1;;;Không;Không;Không;;\r\n";
    String good2 =
        "Ngô Văn Tài;02/09/1981;Nam;BT000002;19/05/2009;;Chi bộ Tổ 1;;;Không;Không;Không;;\r\n";
    Path bad = Files.createTempFile("danh-sach-loi", ".csv");
    Files.write(bad, ("\uFEFF" + heading + good1 + dup).getBytes(StandardCharsets.UTF_8));
    Path fixed = Files.createTempFile("danh-sach", ".csv");
    Files.write(fixed, ("\uFEFF" + heading + good1 + good2).getBytes(StandardCharsets.UTF_8));

    signIn("admin", "admin");
    assertThat(browser.findElements(By.id("nav-roster-import"))).hasSize(1);
    open("/app/roster-import?org=" + WARD);
    browser.findElement(By.id("file")).sendKeys(bad.toString());
    upload();
    assertThat(browser.getCurrentUrl()).matches(".*/app/roster-import/[0-9a-f-]{36}$");
    WebElement card =
        browser.findElement(By.cssSelector("#problems tr[data-row='3'][data-column='D']"));
    assertThat(card.getAttribute("data-reason")).isEqualTo("card-duplicated");
    // in the page's language only, as the page's other tables (tenth session: both languages at
    // once)
    assertThat(card.getText())
        .contains("Dòng 3, cột D (Số thẻ đảng viên): số thẻ trùng với dòng 2.")
        .doesNotContain("Row 3", "Party card number");
    assertThat(
            browser
                .findElement(By.cssSelector("#problems tr[data-row='3'][data-column='E']"))
                .getAttribute("data-reason"))
        .isEqualTo("invalid-date");
    assertThat(browser.findElements(By.id("commit"))).isEmpty();
    screenshot("import-01-preview-with-problems");
    assertThat(members()).isZero();
    String withProblems = browser.getCurrentUrl().replaceAll("\\?.*$", "");
    try {
      phone();
      for (String language : List.of("vi", "en")) {
        browser.get(withProblems + "?lang=" + language);
        String text =
            browser
                .findElement(By.cssSelector("#problems tr[data-row='3'][data-column='D']"))
                .getText();
        screenshot("import-01-problems-390-" + language);
        if ("vi".equals(language)) {
          assertThat(text).contains("Số thẻ đảng viên").doesNotContain("Party card number");
        } else {
          assertThat(text)
              .contains("Row 3, column D (Party card number)")
              .doesNotContain("Số thẻ đảng viên");
        }
        long page =
            ((Number)
                    ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth"))
                .longValue();
        assertThat(page).as("the preview is no wider than the phone").isLessThanOrEqualTo(390);
      }
    } finally {
      ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      browser.get(withProblems + "?lang=vi");
    }

    open("/app/roster-import?org=" + WARD);
    browser.findElement(By.id("file")).sendKeys(fixed.toString());
    upload();
    assertThat(browser.findElement(By.id("no-problems")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("counts")).getAttribute("data-create")).isEqualTo("2");
    browser.findElement(By.id("commit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.findElement(By.id("result")).isDisplayed());
    assertThat(browser.findElement(By.id("commit-progress")).getAttribute("value"))
        .isEqualTo("100");
    assertThat(browser.findElement(By.id("committed")).getText())
        .isEqualTo("Đã ghi: 2 mới, 0 cập nhật, 0 không đổi.");
    // "Chưa ghi gì…" is gone once something is written (fourteenth session's outsider, item 3)
    assertThat(browser.findElement(By.id("no-problems")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("commit")).isDisplayed()).isFalse();
    List<WebElement> accounts = browser.findElements(By.cssSelector("#accounts tr"));
    assertThat(accounts).hasSize(2);
    String memberId = accounts.get(0).getAttribute("data-member");
    String password = accounts.get(0).findElements(By.tagName("td")).get(3).getText();
    screenshot("import-02-committed");
    assertThat(members()).isEqualTo(2);
    signOut();

    // the member's first sign-in, with the one-time password handed over
    signIn(memberId, password);
    assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    assertThat(browser.findElement(By.id("signed-in-as")).getText()).isNotBlank();
    signOut();
  }

  /**
   * Ninth session's outsider, finding 13: the preview's table of the sign-ins to be taken over showed both languages
   * at once, and on a 390 px phone its sentence was one word wide. Now one language, the page's, and one card per row
   * that fits the phone.
   */
  @Test
  void theSignInsTakenOverReadInThePagesLanguageOnAPhone() throws Exception {
    String ward = "bt-adopt";
    String account = "bt-adopt-co-san";
    unitFixture().post("ORGANIZATION", UnitFixture.ABOVE, "Đảng bộ phường Tiếp Nhận", ward, null);
    unitFixture().post("BRANCH", ward, "Chi bộ Tổ 2", ward + "-cb1", null);
    assertThat(
            createEngineUser(
                account,
                "Tài khoản",
                "Có Sẵn",
                "co-san@outside.example.com",
                "Đèo-Hải-Vân-mây-trắng-9"))
        .isEqualTo(204);
    String heading =
        "Họ và tên;Ngày sinh (dd/MM/yyyy);Giới tính (Nam/Nữ);Số thẻ đảng viên;Ngày vào Đảng (dd/MM/yyyy);"
            + "Ngày chính thức (dd/MM/yyyy);Chi bộ (mã hoặc tên);Chức vụ Đảng;Chức vụ chính quyền, đoàn thể;"
            + "Cán bộ, công chức, viên chức (Có/Không);Miễn công tác và sinh hoạt đảng (Có/Không);"
            + "Đình chỉ sinh hoạt đảng (Có/Không);Thư điện tử;Điện thoại;Tài khoản (để trống: dv + số thẻ)\r\n";
    String row =
        "Đặng Thị Tiếp;02/09/1980;Nữ;BT000101;19/05/2008;19/05/2009;"
            + ward
            + "-cb1;;;Không;Không;Không;;;"
            + account
            + "\r\n";
    Path file = Files.createTempFile("tiep-nhan", ".csv");
    Files.write(file, ("\uFEFF" + heading + row).getBytes(StandardCharsets.UTF_8));

    signIn("admin", "admin");
    open("/app/roster-import?org=" + ward);
    browser.findElement(By.id("file")).sendKeys(file.toString());
    upload();
    String preview = browser.getCurrentUrl().replaceAll("\\?.*$", "");
    try {
      phone();
      for (String language : List.of("vi", "en")) {
        browser.get(preview + "?lang=" + language);
        WebElement adoption =
            browser.findElement(By.cssSelector("#adoptions tr[data-account='" + account + "']"));
        String text = adoption.getText();
        screenshot("import-03-adoption-390-" + language);
        if ("vi".equals(language)) {
          assertThat(text)
              .contains("Dòng 2", "đang mang tên Tài khoản Có Sẵn", "tiếp nhận")
              .doesNotContain("taken over", "now named");
        } else {
          assertThat(text)
              .contains("Row 2", "now named Tài khoản Có Sẵn", "taken over")
              .doesNotContain("tiếp nhận", "đang mang tên");
        }
        JavascriptExecutor script = (JavascriptExecutor) browser;
        long page =
            ((Number) script.executeScript("return document.documentElement.scrollWidth"))
                .longValue();
        long sentence =
            ((Number)
                    script.executeScript(
                        "return document.querySelector('#adoptions td.adoption-message')"
                            + ".getBoundingClientRect().width"))
                .longValue();
        assertThat(page).as("the preview is no wider than the phone").isLessThanOrEqualTo(390);
        assertThat(sentence).as("the sentence takes the card's width").isGreaterThan(300);
      }
    } finally {
      ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      browser.get(preview + "?lang=vi");
      signOut();
    }
  }

  private static void phone() {
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
  }

  /** Uploads the chosen file and waits for the preview page (or says what the page reported instead). */
  private void upload() {
    browser.findElement(By.id("upload")).click();
    try {
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(
              d ->
                  d.getCurrentUrl().matches(".*/app/roster-import/[0-9a-f-]{36}$")
                      || !d.findElements(By.cssSelector("#upload-error:not([hidden])")).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      Object probe =
          ((org.openqa.selenium.JavascriptExecutor) browser)
              .executeScript(
                  """
          var x = new XMLHttpRequest();
          x.open('POST', '/app/roster-import/upload?org=bt-ward&fileName=probe.csv', false);
          x.setRequestHeader(document.querySelector('meta[name=csrf-header]').content,
              document.querySelector('meta[name=csrf-token]').content);
          x.setRequestHeader('Content-Type', 'application/octet-stream');
          x.send('a');
          return x.status + ' ' + x.responseURL + ' ' + x.responseText.substring(0, 500)
              + ' | header=' + document.querySelector('meta[name=csrf-header]').content
              + ' | script=' + document.querySelector('main script').textContent.substring(0, 700);""");
      throw new AssertionError("no preview: " + probe, e);
    }
    assertThat(
            browser.findElements(By.cssSelector("#upload-error:not([hidden])")).stream()
                .map(WebElement::getText)
                .toList())
        .isEmpty();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
  }

  private int members() {
    return jdbc.sql(
            "select count(*) from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id "
                + "where b.organization_id = :o")
        .param("o", WARD)
        .query(Integer.class)
        .single();
  }
}
