package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14: the buttons whose step cannot be undone ask first, with the dialog "Gửi" uses (assets/confirm.js, no
 * inline script): merging and dissolving a unit here; recording a branch meeting and opening a campaign in {@link
 * PeoplesPagesBrowserTest} and {@link EmptyDatabaseBrowserTest}. Cancelling sends nothing.
 */
class ConfirmIrreversibleBrowserTest extends BrowserTestSupport {

  private static final String WARD = "p14b-ward";
  private static final String BRANCH = "p14b-cb";
  private static final String MERGE_WARD = "p14b-ward-merge";
  private static final String MERGED = "p14b-cb-merged";
  private static final String RECEIVING = "p14b-cb-receiving";

  @Test
  void dissolvingAUnitAsksFirstAndCancellingDissolvesNothing() {
    unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Thử Xác Nhận", WARD);
    unit("BRANCH", WARD, "Chi bộ Thử Xác Nhận", BRANCH);
    signIn("admin", "admin");
    open("/app/units/" + BRANCH);
    browser.findElement(By.id("dissolve-on")).sendKeys("30/06/2022");
    browser.findElement(By.id("dissolve-reason")).sendKeys("Quyết định giải thể số 14");

    clickAndCancel("dissolve");
    assertThat(dissolved()).as("cancelled: not dissolved").isFalse();
    assertThat(browser.findElements(By.id("unit-dissolved"))).isEmpty();

    browser.findElement(By.id("dissolve")).click();
    assertThat(browser.findElement(By.id("dissolve-confirm-title")).getText())
        .isEqualTo("Giải thể đơn vị này?");
    screenshot("confirm-dissolve-unit");
    clickAndLoad(browser.findElement(By.id("dissolve-confirm-yes")));
    assertThat(dissolved()).isTrue();
    open("/app/units/" + BRANCH);
    assertThat(browser.findElement(By.id("unit-dissolved")).getText()).contains("30/06/2022");
  }

  @Test
  void mergingAUnitAsksFirstAndCancellingMergesNothing() {
    unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Thử Hợp Nhất", MERGE_WARD);
    unit("BRANCH", MERGE_WARD, "Chi bộ Thử Hợp Nhất", MERGED);
    unit("BRANCH", MERGE_WARD, "Chi bộ Thử Tiếp Nhận", RECEIVING);
    signIn("admin", "admin");
    open("/app/units/" + MERGED);
    new Select(browser.findElement(By.id("into"))).selectByVisibleText("Chi bộ Thử Tiếp Nhận");
    browser.findElement(By.id("merge-on")).sendKeys("30/06/2022");
    browser.findElement(By.id("merge-reason")).sendKeys("Quyết định hợp nhất số 15");

    clickAndCancel("merge");
    assertThat(mergedInto()).as("cancelled: not merged").isNull();

    browser.findElement(By.id("merge")).click();
    assertThat(browser.findElement(By.id("merge-confirm-title")).getText())
        .isEqualTo("Hợp nhất đơn vị này?");
    screenshot("confirm-merge-unit");
    clickAndLoad(browser.findElement(By.id("merge-confirm-yes")));
    assertThat(mergedInto()).isEqualTo(RECEIVING);
  }

  @Test
  void withoutTheDialogTheButtonsPostAsBefore() throws Exception {
    // no script: the dialog stays closed and the page holds one form per step, posted by its button
    PageSession committee = PageSession.of(port, "committee");
    String page = committee.get("/app/campaigns/new").body();
    assertThat(page)
        .contains("data-confirm=\"open-campaign-confirm\"")
        .contains("<dialog id=\"open-campaign-confirm\"")
        .contains("/assets/confirm.js")
        .doesNotContain("<dialog id=\"open-campaign-confirm\" open");
  }

  private void unit(String kind, String parent, String name, String code) {
    var created = unitFixture().post(kind, parent, name, code, "2021-01-01");
    assertThat(created.getStatusCode().value()).as(created.getBody()).isIn(201, 409);
  }

  private String mergedInto() {
    return jdbc.sql("select merged_into from evaluation.unit where id = :id")
        .param("id", MERGED)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private boolean dissolved() {
    return jdbc.sql("select dissolved_on is not null from evaluation.branch where id = :id")
        .param("id", BRANCH)
        .query(Boolean.class)
        .single();
  }
}
