package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.movement.MovementFixture;

/**
 * Issue 14 (security.md, the near-copy signal): a self-review that nearly copies another member's of the same campaign
 * (the same organization and year) is flagged to the member before it is sent — "gần giống bài của một đảng viên
 * khác", naming nobody — and to the inspectors on "Dấu hiệu hình thức", both members by name. In real headless
 * Chromium, on an organization of the test's own (two members), screenshots at 1366 and 390 px in {@code
 * target/screenshots/near-copy-*.png}.
 */
class NearCopyOfAnotherMemberBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2031;
  private static final String WARD = "nc-ward";

  private static final String STRENGTHS =
      "Chấp hành tốt chủ trương của Đảng và pháp luật của Nhà nước; hoàn thành các nhiệm vụ chuyên"
          + " môn được giao đúng tiến độ, có chất lượng.";
  private static final String LIMITATIONS =
      "Có lúc chưa chủ động nắm tình hình địa bàn; nguyên nhân là chưa sắp xếp thời gian hợp lý"
          + " giữa công tác và sinh hoạt.";
  private static final String FIXED = "Đã khắc phục việc đi họp chi bộ muộn được chỉ ra năm trước.";
  private static final String REMEDIES =
      "Lập kế hoạch công tác hằng tuần, dành thời gian nắm tình hình địa bàn và báo cáo chi bộ.";

  @Autowired private IdentityService identityService;

  @Test
  void aNearCopyOfAnotherMembersSelfReviewIsFlaggedToTheMemberAndToTheInspectors() {
    MovementFixture fixture = new MovementFixture(this::as, jdbc);
    fixture.unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Gần Giống", WARD);
    fixture.unit("BRANCH", WARD, "Chi bộ Gần giống 1", "nc-cb1");
    Map<String, String> ids =
        MovementFixture.memberIds(
            fixture.importRoster(
                WARD,
                "nc.csv",
                MovementFixture.rosterLine(
                        "Trần Thị Viết Trước", "NC000001", "19/05/2010", "nc-cb1")
                    + MovementFixture.rosterLine(
                        "Lê Văn Viết Sau", "NC000002", "19/05/2010", "nc-cb1")));
    String first = ids.get("NC000001");
    String second = ids.get("NC000002");
    for (String member : List.of(first, second)) {
      // the test signs them in with the demo's password, already changed
      User account = identityService.createUserQuery().userId(member).singleResult();
      account.setPassword("demo");
      ((IdentityServiceImpl) identityService).saveUser(account, true);
      jdbc.sql("update evaluation.account_password set must_change = false where user_id = :u")
          .param("u", member)
          .update();
    }
    fixture.awaitStarted(fixture.openCampaign(WARD, YEAR), 2);

    // the first member sends their self-review
    completeOk(
        first,
        taskOf(first, "self-review", first, YEAR),
        selfCriticism(
            "GOOD",
            "strengths",
            STRENGTHS,
            "limitations",
            LIMITATIONS,
            "shortcomingsFixed",
            FIXED,
            "remedialMeasures",
            REMEDIES));

    // the second writes the same texts: told before it is sent, without a name
    String task = taskOf(second, "self-review", second, YEAR);
    signIn(second, "demo");
    DecideWithFactsBrowserTest.desktop();
    open("/app/tasks/" + task);
    for (String criterion :
        List.of(
            "politicalIdeology",
            "ethicsLifestyle",
            "organizationDiscipline",
            "workStyle",
            "selfImprovementCommitment",
            "dutiesResults")) {
      new Select(browser.findElement(By.id(criterion + "Grade"))).selectByValue("GOOD");
      browser
          .findElement(By.id(criterion + "Points"))
          .sendKeys("dutiesResults".equals(criterion) ? "60" : "5");
    }
    browser.findElement(By.id("strengths")).sendKeys(STRENGTHS);
    browser.findElement(By.id("limitations")).sendKeys(LIMITATIONS);
    browser.findElement(By.id("shortcomingsFixed")).sendKeys(FIXED);
    browser.findElement(By.id("remedialMeasures")).sendKeys(REMEDIES);
    new Select(browser.findElement(By.id("selfProposedLevel"))).selectByValue("COMPLETED");
    browser.findElement(By.id("submit")).click();
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    WebElement warning = browser.findElement(By.id("near-copy"));
    assertThat(browser.findElement(By.id("near-copy-what")).getText())
        .isEqualTo("Gần giống bài của một đảng viên khác trong đảng bộ năm nay (giống 100%).");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .doesNotContain("Trần Thị Viết Trước")
        .doesNotContain(first);
    assertThat(evaluation(second, YEAR, second).get("status").asText()).isEqualTo("SELF_REVIEW");
    DecideWithFactsBrowserTest.scrollTo(warning);
    screenshot("near-copy-01-member-told-1366");
    DecideWithFactsBrowserTest.phone();
    DecideWithFactsBrowserTest.scrollTo(browser.findElement(By.id("near-copy")));
    screenshot("near-copy-02-member-told-390");
    DecideWithFactsBrowserTest.desktop();
    // the member confirms that this is what they mean: sent
    browser.findElement(By.id("similarityAcknowledged")).click();
    browser.findElement(By.id("submit")).click();
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã gửi. Cảm ơn bạn.");
    signOut();

    // the inspectors see the pair, by name
    signIn("auditor", "demo");
    open("/app/audit/signals?year=" + YEAR);
    WebElement copies = browser.findElement(By.id("near-copies"));
    assertThat(
            copies.findElements(By.tagName("tr")).stream()
                .map(WebElement::getText)
                .filter(row -> row.contains("Trần Thị Viết Trước"))
                .toList())
        .anySatisfy(row -> assertThat(row).contains("Lê Văn Viết Sau", "100 %"));
    screenshot("near-copy-03-inspectors-1366");
    DecideWithFactsBrowserTest.phone();
    screenshot("near-copy-04-inspectors-390");
    DecideWithFactsBrowserTest.desktop();
    signOut();
  }
}
