package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.party.evaluation.movement.MovementFixture;

/**
 * A transfer on the movements page (issue 13): a ward of its own (mb-ward, branches mb-cb1 and mb-cb2) with its
 * campaign of 2038 running; the administrator picks the member by name and the branch joined by name, is refused
 * without the grounds (next to the form, the choices kept), then records it: the list says the evaluation moved to
 * the new branch, and the member's evaluation history says so too. The demo's grassroots committee is offered only
 * its own members.
 */
class MovementsBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2038;
  private static final String OPENED_ON = "2020-01-01";
  private MovementFixture fixture;

  @Test
  void aTransferOnTheMovementsPageMovesTheRunningEvaluation() {
    Map<String, String> ids = ward();
    String member = ids.get("MB000001");

    signIn("admin", "admin");
    clickAndLoad(browser.findElement(By.id("nav-movements")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Biến động đảng viên");
    new Select(browser.findElement(By.id("memberId"))).selectByValue(member);
    assertThat(
            new Select(browser.findElement(By.id("memberId"))).getFirstSelectedOption().getText())
        .isEqualTo("Lê Văn Chuyển");
    assertThat(
            browser
                .findElement(By.cssSelector("#memberId option[value='" + member + "']"))
                .findElement(By.xpath(".."))
                .getAttribute("label"))
        .isEqualTo("Chi bộ Trang 1 — Đảng bộ phường Trang Biến");
    new Select(browser.findElement(By.id("kind"))).selectByVisibleText("Chuyển sinh hoạt đảng");
    new Select(browser.findElement(By.id("toBranch"))).selectByVisibleText("Chi bộ Trang 2");
    clickAndLoad(browser.findElement(By.id("record-movement")));
    assertThat(browser.findElement(By.cssSelector("#form-errors li[data-field=reason]")).getText())
        .isEqualTo("Trường Căn cứ (số quyết định, giấy giới thiệu) là bắt buộc.");
    assertThat(
            new Select(browser.findElement(By.id("memberId")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(member);
    assertThat(
            new Select(browser.findElement(By.id("toBranch"))).getFirstSelectedOption().getText())
        .isEqualTo("Chi bộ Trang 2");
    assertThat(branchOf(member)).isEqualTo("mb-cb1");
    screenshot("movements-01-refused");

    browser.findElement(By.id("reason")).sendKeys("Quyết định chuyển sinh hoạt số 15-QĐ/ĐU");
    clickAndLoad(browser.findElement(By.id("record-movement")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã ghi biến động.");
    WebElement row = browser.findElement(By.cssSelector("#movements tbody tr"));
    assertThat(row.getAttribute("data-kind")).isEqualTo("TRANSFER");
    assertThat(row.getAttribute("data-effect")).isEqualTo("MOVED");
    assertThat(row.getText())
        .contains(
            "Lê Văn Chuyển",
            "Chuyển sinh hoạt đảng",
            "Chi bộ Trang 1",
            "Chi bộ Trang 2",
            "Quyết định chuyển sinh hoạt số 15-QĐ/ĐU",
            "Chuyển hồ sơ đánh giá sang chi bộ mới");
    screenshot("movements-02-recorded");
    assertThat(branchOf(member)).isEqualTo("mb-cb2");
    assertThat(fixture.evaluationBranch(YEAR, member)).isEqualTo("mb-cb2");

    // the member's evaluation history tells the move, in words
    open("/app/evaluations/" + YEAR + "/" + member);
    String timeline = browser.findElement(By.id("timeline")).getText();
    assertThat(timeline)
        .contains(
            "Chuyển hồ sơ đánh giá sang chi bộ mới",
            "Chi bộ Trang 1",
            "Chi bộ Trang 2",
            "Chuyển sinh hoạt đảng",
            "Đánh giá nơi sinh hoạt lâu hơn trong năm: nơi mới");
    signOut();

    // the demo's grassroots committee records movements of its own members only
    signIn("committee", "demo");
    clickAndLoad(browser.findElement(By.id("nav-movements")));
    List<String> offered =
        new Select(browser.findElement(By.id("memberId")))
            .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    assertThat(offered).contains("member1").doesNotContain(ids.get("MB000002"));
    signOut();
  }

  /** The ward, its roster through the import, and its campaign of 2038 launched. */
  private Map<String, String> ward() {
    fixture = new MovementFixture(this::as, jdbc);
    fixture.unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Trang Biến", "mb-ward", OPENED_ON);
    fixture.unit("BRANCH", "mb-ward", "Chi bộ Trang 1", "mb-cb1", OPENED_ON);
    fixture.unit("BRANCH", "mb-ward", "Chi bộ Trang 2", "mb-cb2", OPENED_ON);
    Map<String, String> ids =
        MovementFixture.memberIds(
            fixture.importRoster(
                "mb-ward",
                "mb.csv",
                MovementFixture.rosterLine("Lê Văn Chuyển", "MB000001", "19/05/2010", "mb-cb1")
                    + MovementFixture.rosterLine(
                        "Trần Thị Ở Lại", "MB000002", "19/05/2010", "mb-cb1")));
    assertThat(ids).hasSize(2);
    fixture.awaitStarted(fixture.openCampaign("mb-ward", YEAR), 2);
    return ids;
  }

  private String branchOf(String member) {
    return fixture.branchOf(member);
  }
}
