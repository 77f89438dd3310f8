package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "The committee hits the quota and resolves it", in real headless Chromium: the grassroots committee decides so that
 * EXCELLENT exceeds the quota, sees the gauge red on its finalization page, tries to finalize and is refused, adjusts
 * one member with a reason, and finalizes; the member's record keeps the original level beside the adjusted one; an
 * auditor reads the page without buttons. Screenshots of each page go to {@code target/screenshots/quota-*.png}.
 */
class QuotaBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2032;
  private static final String REASON =
      "Vượt tỷ lệ 20%: đảng ủy cân nhắc, xếp hoàn thành tốt nhiệm vụ.";

  @Test
  void theCommitteeHitsTheQuotaAndResolvesIt() {
    launchedCampaign(YEAR);
    // Members 1–14 go through the API: two EXCELLENT, twelve GOOD (at most ⌊0.2 × 12⌋ = 2
    // EXCELLENT).
    for (int n = 1; n <= 14; n++) {
      String level = n <= 2 ? "EXCELLENT" : "GOOD";
      proposed("member" + n, level);
      completeOk(
          "committee",
          taskOf("committee", "committee-decision", "member" + n, YEAR),
          Map.of(
              "decision",
              "APPROVE",
              "decidedLevel",
              level,
              "quotaReason",
              "Thành tích nổi bật được chi bộ ghi nhận"));
    }
    proposed("member15", "EXCELLENT");
    String decision = taskOf("committee", "committee-decision", "member15", YEAR);

    // The committee decides member15 on its page, with the live counts and the gauge in view: the
    // quota is full.
    signIn("committee", "demo");
    clickAndLoad(row(decision).findElement(By.tagName("a")));
    assertThat(browser.findElement(By.cssSelector("#tally td[data-level=EXCELLENT]")).getText())
        .isEqualTo("2");
    assertThat(browser.findElement(By.cssSelector("#tally td[data-level=GOOD]")).getText())
        .isEqualTo("12");
    screenshot("quota-01-committee-decision-quota-full");
    clickAndLoad(browser.findElement(By.id("claim")));
    new Select(browser.findElement(By.id("decision"))).selectByValue("APPROVE");
    new Select(browser.findElement(By.id("decidedLevel"))).selectByValue("EXCELLENT");
    // above the quota of the moment: approved only with a confirmation and its reason (issue 14),
    // after "Gửi" asks
    browser.findElement(By.id("quotaConfirmed")).click();
    browser.findElement(By.id("quotaReason")).sendKeys("Đảng ủy sẽ cân nhắc lại khi chốt kết quả.");
    browser.findElement(By.id("submit")).click();
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã gửi. Cảm ơn bạn.");
    assertThat(timelineKinds(YEAR, "member15")).contains("QUOTA_EXCEEDED_CONFIRMED");

    // Every member decided, then the collectives rated: the finalize-results task appears and leads
    // to the
    // finalization page.
    rateCollectives(YEAR, "GOOD");
    String finalize = finalizeResultsTask(YEAR);
    clickAndLoad(browser.findElement(By.id("nav-tasks")));
    clickAndLoad(row(finalize).findElement(By.tagName("a")));
    assertThat(browser.getCurrentUrl())
        .endsWith("/app/campaigns/thanh-khe-tay/" + YEAR + "/finalization");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Chốt kết quả xếp loại đảng viên năm " + YEAR);
    assertThat(browser.findElement(By.cssSelector("#tally td[data-level=EXCELLENT]")).getText())
        .isEqualTo("3");
    assertThat(browser.findElement(By.id("quota-gauge")).getAttribute("data-within"))
        .isEqualTo("false");
    assertThat(
            browser
                .findElement(By.id("quota-base"))
                .getText()) // the gauge says its base (issue 14)
        .startsWith(
            "Tỷ lệ tối đa 20% tính trên số đảng viên đã được quyết định mức Hoàn thành tốt nhiệm vụ đến nay "
                + "(12 người)");
    assertThat(browser.findElement(By.id("quota-exceeded")).getText())
        .isEqualTo("Số đảng viên hoàn thành xuất sắc nhiệm vụ đang vượt tỷ lệ cho phép 1 người.");
    screenshot("quota-02-finalization-over-quota");

    // Finalizing over the quota is refused, the reason next to the button; nothing is finalized.
    clickAndLoad(browser.findElement(By.id("finalize")));
    assertThat(browser.findElement(By.id("finalize-refused")).getText())
        .contains("3 đảng viên hoàn thành xuất sắc nhiệm vụ, 12 hoàn thành tốt nhiệm vụ")
        .contains("tối đa 2");
    assertThat(browser.findElement(By.id("finalization-state")).getAttribute("data-state"))
        .isEqualTo("OPEN");
    screenshot("quota-03-finalize-refused");

    // An adjustment without a reason is refused next to the member; with a reason it goes through.
    WebElement member15 = memberRow("member15");
    new Select(member15.findElement(By.name("level"))).selectByValue("GOOD");
    clickAndLoad(member15.findElement(By.className("adjust-button")));
    assertThat(memberRow("member15").findElement(By.className("error")).getText())
        .isEqualTo("Trường Lý do điều chỉnh là bắt buộc.");
    screenshot("quota-04-adjust-without-reason");
    member15 = memberRow("member15");
    new Select(member15.findElement(By.name("level"))).selectByValue("GOOD");
    member15.findElement(By.name("reason")).sendKeys(REASON);
    clickAndLoad(member15.findElement(By.className("adjust-button")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Đã điều chỉnh mức xếp loại và ghi lý do.");
    assertThat(memberRow("member15").getAttribute("data-level")).isEqualTo("GOOD");
    assertThat(browser.findElement(By.id("quota-gauge")).getAttribute("data-within"))
        .isEqualTo("true");
    assertThat(browser.findElements(By.id("quota-exceeded"))).isEmpty();
    screenshot("quota-05-adjusted-within-quota");

    // Finalized: the page and the campaign's progress say so, and the campaign completes.
    clickAndLoad(browser.findElement(By.id("finalize")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Đã chốt kết quả xếp loại đảng viên.");
    assertThat(browser.findElement(By.id("finalization-state")).getAttribute("data-state"))
        .isEqualTo("FINALIZED");
    assertThat(browser.findElements(By.id("finalize"))).isEmpty();
    screenshot("quota-06-finalized");
    closeComplaintWindow(YEAR); // announced; nobody complains
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "COMPLETED"
                    .equals(
                        jdbc.sql(
                                "select status from evaluation.campaign where organization_id = 'thanh-khe-tay' and year = :y")
                            .param("y", YEAR)
                            .query(String.class)
                            .single()));
    open("/app/campaigns/thanh-khe-tay/" + YEAR);
    assertThat(browser.findElement(By.id("results-finalized")).getText())
        .startsWith("Đã chốt kết quả");
    screenshot("quota-07-campaign-progress");

    // The member's record: the committee's original decision stays, the adjustment and its reason
    // below it.
    open("/app/evaluations/" + YEAR + "/member15");
    assertThat(browser.findElement(By.id("decided-level")).getText())
        .isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
    WebElement adjustment = browser.findElement(By.cssSelector("#levels tr.adjustment"));
    assertThat(adjustment.findElement(By.className("adjusted-level")).getText())
        .isEqualTo("Hoàn thành tốt nhiệm vụ");
    assertThat(adjustment.findElement(By.className("adjustment-reason")).getText())
        .isEqualTo(REASON);
    assertThat(
            browser.findElement(By.cssSelector("#timeline tr[data-kind=LEVEL_ADJUSTED]")).getText())
        .contains("Điều chỉnh mức xếp loại");
    screenshot("quota-08-member-record-adjusted");
    signOut();

    // An auditor reads the finalization page, without a button that changes anything.
    signIn("auditor", "demo");
    open("/app/campaigns/thanh-khe-tay/" + YEAR + "/finalization");
    assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector("main form[method=post], main button")))
        .isEmpty();
    screenshot("quota-09-auditor-read-only");
    signOut();
  }

  /** Self-review, residence comment and the branch's proposal of a member, through the API. */
  private void proposed(String member, String level) {
    int n = Integer.parseInt(member.substring(6));
    String secretary = "secretary" + ((n - 1) / 5 + 1);
    completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism(level));
    sendResidenceFeedback(member, YEAR, "Tốt");
    completeOk(secretary, taskOf(secretary, "branch-review", member, YEAR), branchProposes(level));
  }

  private static WebElement memberRow(String memberId) {
    return browser.findElement(
        By.cssSelector("#decided-members tr[data-member='" + memberId + "']"));
  }
}
