package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The organization tree and its committees on the pages, in real headless Chromium: the grassroots committee opens a
 * branch under the demo's sub-committee (first without a name: refused next to the field, nothing written), seats a
 * member as the branch's secretary, and the member, signing in again, has the branch committee's pages (meetings);
 * taking the seat away takes them away. A branch member reads the tree without forms. Screenshots go to
 * {@code target/screenshots/units-*.png}.
 */
class UnitsBrowserTest extends BrowserTestSupport {

  @AfterEach
  void out() {
    jdbc.sql("update evaluation.party_member set branch_id = :b where id = 'member14'").param("b", ORG + "-cb3")
        .update();
  }

  @Test
  void the_committee_opens_a_branch_and_names_its_secretary() {
    signIn("committee", "demo");
    clickAndLoad(browser.findElement(By.id("nav-units")));
    assertThat(browser.findElement(By.cssSelector("tr[data-unit='thanh-khe-tay-kv2']")).getAttribute("data-parent"))
        .isEqualTo(ORG);
    new Select(browser.findElement(By.id("kind"))).selectByValue("BRANCH");
    new Select(browser.findElement(By.id("parentId"))).selectByValue("thanh-khe-tay-kv2");
    browser.findElement(By.id("code")).sendKeys("ub-cb7");
    clickAndLoad(browser.findElement(By.id("create-unit")));
    assertThat(browser.findElement(By.cssSelector("#form-errors li[data-field=name]")).getText())
        .isEqualTo("Trường Tên đơn vị là bắt buộc.");
    assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEqualTo("ub-cb7");
    assertThat(jdbc.sql("select count(*) from evaluation.unit where id = 'ub-cb7'").query(Integer.class).single())
        .isZero();
    screenshot("units-01-refused");

    browser.findElement(By.id("name")).sendKeys("Chi bộ Tổ dân phố 7");
    browser.findElement(By.id("openedOn")).sendKeys("01032020");
    clickAndLoad(browser.findElement(By.id("create-unit")));
    assertThat(browser.getCurrentUrl()).endsWith("/app/units/ub-cb7");
    assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo("Chi bộ Tổ dân phố 7");
    assertThat(browser.findElement(By.id("parent-link")).getText()).isEqualTo("Đảng bộ bộ phận Khu vực 2");
    assertThat(browser.findElement(By.cssSelector("#history tr[data-action=CREATED]")).isDisplayed()).isTrue();

    // member14 (of branch 3) moves to the new branch and becomes its secretary
    jdbc.sql("update evaluation.party_member set branch_id = 'ub-cb7' where id = 'member14'").update();
    browser.findElement(By.id("personId")).sendKeys("member14");
    new Select(browser.findElement(By.id("role"))).selectByValue("SECRETARY");
    browser.findElement(By.id("seat-reason")).sendKeys("NQ 21/NQ-ĐU");
    clickAndLoad(browser.findElement(By.id("seat")));
    assertThat(browser.findElement(By.cssSelector("#committee tr[data-person=member14]")).getAttribute("data-role"))
        .isEqualTo("SECRETARY");
    screenshot("units-02-secretary");
    signOut();

    signIn("member14", "demo");
    assertThat(browser.findElements(By.id("nav-meetings"))).hasSize(1);
    open("/app/units/ub-cb7");
    assertThat(browser.findElements(By.id("seat-form"))).isEmpty();
    assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isTrue();
    signOut();

    signIn("committee", "demo");
    open("/app/units/ub-cb7");
    clickAndLoad(browser.findElement(By.cssSelector("#committee tr[data-person=member14] button.unseat")));
    assertThat(browser.findElements(By.cssSelector("#committee tr[data-person=member14]"))).isEmpty();
    signOut();
    signIn("member14", "demo");
    assertThat(browser.findElements(By.id("nav-meetings"))).isEmpty();
    signOut();
  }
}
