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
 * The people's pages in real headless Chromium (Debian packages {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs; skipped where they are absent): a member drafts, leaves, returns and submits their
 * self-review, in Vietnamese and in English; the branch secretary runs the branch meeting; the member sees the
 * decided level; an auditor finds the finished evaluation and
 * reads its timeline, with no button that changes anything; the grassroots committee opens a campaign on its page
 * (a refusal next to the field, then the progress). Screenshots of each page go to
 * {@code target/screenshots/}.
 */
class PeoplesPagesBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2071;

  /** Markup in a self-review must be shown as text, never run. */
  private static final String STRENGTHS =
      "Hoàn thành tốt nhiệm vụ được giao <script>window.hacked=1</script>";

  @Test
  void aMemberDraftsReturnsSubmitsAndAnAuditorReadsTheFinishedEvaluation() {
    launchedCampaign(YEAR);

    // The member signs in and finds the self-review among "my tasks".
    signIn("member1", "demo");
    assertThat(browser.getCurrentUrl()).endsWith("/app/tasks");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Công việc của tôi");
    screenshot("01-member-tasks");
    // by its id: other test classes may leave member1's self-review of another year open
    String selfReview = taskOf("member1", "self-review", "member1", YEAR);
    clickAndLoad(row(selfReview).findElement(By.tagName("a")));
    assertThat(browser.findElement(By.cssSelector("label[for=strengths]")).getText())
        .isEqualTo("Tóm tắt ưu điểm, kết quả đạt được *");
    assertThat(browser.findElement(By.id("strengths-help")).getText())
        .contains("tư tưởng chính trị");

    // Drafts, leaves, comes back: the draft is there.
    browser.findElement(By.id("strengths")).sendKeys(STRENGTHS);
    new Select(browser.findElement(By.id("selfProposedLevel"))).selectByValue("GOOD");
    clickAndLoad(browser.findElement(By.id("save-draft")));
    assertThat(browser.findElement(By.id("notice")).getText()).contains("Đã lưu nháp");
    assertThat(browser.findElement(By.id("draft-saved-at")).getText())
        .startsWith("Bản nháp đã lưu lúc");
    screenshot("02-member-draft-saved");
    clickAndLoad(browser.findElement(By.id("nav-mine")));
    clickAndLoad(browser.findElement(By.id("nav-tasks")));
    clickAndLoad(row(selfReview).findElement(By.tagName("a")));
    assertThat(browser.findElement(By.id("strengths")).getAttribute("value")).isEqualTo(STRENGTHS);
    assertThat(
            new Select(browser.findElement(By.id("selfProposedLevel")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("GOOD");
    assertThat(evaluation("member1", YEAR, "member1").get("status").asText())
        .isEqualTo("SELF_REVIEW");

    // Submitting without a level: refused, the reason next to the field, in Vietnamese; then in
    // English.
    new Select(browser.findElement(By.id("selfProposedLevel"))).selectByValue("");
    browser.findElement(By.id("submit")).click(); // "Gửi" asks for confirmation first (issue 14)
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    assertThat(browser.findElement(By.id("selfProposedLevel-error")).getText())
        .isEqualTo("Trường Mức xếp loại tự nhận là bắt buộc.");
    screenshot("03-member-validation-vi");
    assertThat(evaluation("member1", YEAR, "member1").get("status").asText())
        .isEqualTo("SELF_REVIEW");
    clickAndLoad(browser.findElement(By.id("lang-en")));
    assertThat(browser.findElement(By.cssSelector("label[for=strengths]")).getText())
        .isEqualTo("Summary of strengths and results *");
    assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Submit");
    clickAndLoad(browser.findElement(By.id("lang-vi")));

    // Submits: the evaluation moves on, the submitted values are kept.
    new Select(browser.findElement(By.id("selfProposedLevel"))).selectByValue("GOOD");
    // the sections a self-criticism requires (issue 14)
    browser
        .findElement(By.id("limitations"))
        .sendKeys("Có lúc chưa chủ động; nguyên nhân: sắp xếp thời gian chưa tốt.");
    browser
        .findElement(By.id("shortcomingsFixed"))
        .sendKeys("Đã khắc phục việc chậm báo cáo mà chi bộ nêu năm trước.");
    browser
        .findElement(By.id("remedialMeasures"))
        .sendKeys("Lập kế hoạch công việc hằng tuần và báo cáo chi bộ.");
    browser.findElement(By.id("submit")).click();
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã gửi. Cảm ơn bạn.");
    assertThat(browser.findElements(rowSelector(selfReview))).isEmpty();
    assertThat(evaluation("member1", YEAR, "member1").at("/selfReview/level").asText())
        .isEqualTo("GOOD");
    screenshot("04-member-submitted");

    // The branch secretary holds the meeting: attendance once, then member1's criticism, votes and
    // proposal.
    sendResidenceFeedback("member1", YEAR, "Gương mẫu ở nơi cư trú");
    String review = taskOf("secretary1", "branch-review", "member1", YEAR);
    signOut();
    signIn("secretary1", "demo");
    clickAndLoad(browser.findElement(By.id("nav-meetings")));
    clickAndLoad(browser.findElement(By.linkText("Năm " + YEAR)));
    // a date input's typing order follows the browser's locale; set the value as the picker would
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('heldOn').value = arguments[0]",
            java.time.LocalDate.now().toString());
    browser.findElement(By.id("place")).sendKeys("Nhà văn hóa khu dân cư số 1");
    browser.findElement(By.id("officialMembers")).sendKeys("5");
    browser.findElement(By.id("present")).sendKeys("5");
    browser.findElement(By.id("criticism_" + review)).sendKeys("Chi bộ thống nhất.");
    browser.findElement(By.id("votesGOOD_" + review)).sendKeys("5");
    new Select(browser.findElement(By.id("level_" + review))).selectByValue("GOOD");
    screenshot("05-secretary-branch-meeting");
    // recording the meeting cannot be undone: it asks first; cancelling sends nothing
    clickAndCancel("record-meeting");
    assertThat(browser.findElement(By.id("votesGOOD_" + review)).getAttribute("value"))
        .isEqualTo("5");
    browser.findElement(By.id("record-meeting")).click();
    screenshot("05b-secretary-confirms-meeting");
    clickAndLoad(browser.findElement(By.id("record-meeting-confirm-yes")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .contains("Đã ghi biên bản họp chi bộ");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "GOOD"
                    .equals(
                        evaluation("member1", YEAR, "member1").at("/branchReview/level").asText()));
    // The committee opens the decision with the organization's counts and the quota gauge in view.
    String decision = taskOf("committee", "committee-decision", "member1", YEAR);
    signOut();
    signIn("committee", "demo");
    browser.get("http://localhost:" + port + "/app/tasks/" + decision);
    assertThat(browser.findElement(By.id("quota")).getText())
        .contains("Hoàn thành xuất sắc: 0 / tối đa 0");
    assertThat(browser.findElement(By.cssSelector("#tally td[data-level=EXCELLENT]")).getText())
        .isEqualTo("0");
    screenshot("06-committee-decision-quota");
    signOut();
    signIn("member1", "demo");
    completeOk(
        "committee",
        decision,
        Map.of(
            "decision",
            "APPROVE",
            "decidedLevel",
            "EXCELLENT",
            "decisionComment",
            "Nhiều đóng góp nổi bật.",
            "quotaReason",
            "Thành tích nổi bật được chi bộ ghi nhận"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> "DECIDED".equals(evaluation("member1", YEAR, "member1").get("status").asText()));

    // The member sees the decided level and the committee's comment.
    clickAndLoad(browser.findElement(By.id("nav-mine")));
    WebElement mine = browser.findElement(By.id("my-evaluations"));
    assertThat(mine.getText()).contains("Hoàn thành xuất sắc nhiệm vụ");
    // this year's: other test classes leave member1 evaluations of other years, listed newest first
    clickAndLoad(
        mine.findElement(By.cssSelector("a[href*='/app/evaluations/" + YEAR + "/member1']")));
    assertThat(browser.findElement(By.id("decision-comment")).getText())
        .isEqualTo("Nhiều đóng góp nổi bật.");
    screenshot("07-member-result");
    signOut();

    // The auditor searches for decisions that differ from the proposal and reads the timeline.
    signIn("auditor", "demo");
    assertThat(browser.getCurrentUrl()).contains("/app/audit");
    // a picker, not a typed code: the years with a campaign
    new Select(browser.findElement(By.id("year"))).selectByValue(String.valueOf(YEAR));
    browser.findElement(By.id("differs")).click();
    clickAndLoad(browser.findElement(By.id("search-button")));
    WebElement found = browser.findElement(By.cssSelector("#results tr[data-member=member1]"));
    assertThat(found.findElements(By.cssSelector("td.differs"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(1);
    screenshot("08-auditor-search");
    clickAndLoad(found.findElement(By.tagName("a")));
    assertThat(browser.findElement(By.id("level-decision")).getAttribute("class"))
        .contains("differs");
    String timeline = browser.findElement(By.id("timeline")).getText();
    assertThat(timeline)
        .contains(
            "Tự kiểm điểm",
            "Chi bộ đánh giá, đề xuất xếp loại",
            "Đảng ủy quyết định xếp loại",
            "Nhận sự kiện",
            "Quyết định xếp loại",
            STRENGTHS);
    assertThat(
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.hacked"))
        .as("markup in a self-review is shown as text, never run")
        .isNull();
    assertThat(browser.findElements(By.cssSelector("main form[method=post], main button")))
        .isEmpty();
    screenshot("09-auditor-timeline");
    signOut();
  }

  /** The grassroots committee opens a campaign on the page: a refusal next to the field first, then the progress. */
  @Test
  void theCommitteeOpensACampaignThroughThePage() {
    int year = 2042;
    signIn("committee", "demo");
    clickAndLoad(browser.findElement(By.id("nav-open-campaign")));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Mở đợt kiểm điểm, đánh giá, xếp loại");
    assertThat(browser.findElement(By.id("organizationId")).getAttribute("value")).isEqualTo(ORG);
    WebElement yearField = browser.findElement(By.id("year"));
    yearField.clear();
    yearField.sendKeys(String.valueOf(year));
    new Select(browser.findElement(By.id("regulation"))).selectByValue("QD-124-2023");
    // the committee's decision due before the branch's review: refused next to the field, what was
    // typed kept
    Map<String, String> dues =
        Map.of(
            "selfReviewDue",
            year + "-12-10T17:00",
            "residenceFeedbackDue",
            year + "-12-15T17:00",
            "branchReviewDue",
            year + "-12-20T17:00",
            "decisionDue",
            year + "-12-18T17:00");
    dues.forEach(this::typeDue);
    screenshot("10-committee-opens-campaign");
    // opening a campaign cannot be undone: it asks first; cancelling sends nothing
    clickAndCancel("open-campaign");
    assertThat(browser.findElements(By.id("decisionDue-error"))).isEmpty();
    clickAndConfirm("open-campaign");
    assertThat(browser.findElement(By.id("decisionDue-error")).getText())
        .contains("không đúng thứ tự");
    assertThat(browser.findElement(By.id("branchReviewDue")).getAttribute("value"))
        .isEqualTo("20/12/" + year + " 17:00");
    assertThat(
            new Select(browser.findElement(By.id("regulation")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("QD-124-2023");
    screenshot("11-campaign-refused-field");
    typeDue("decisionDue", year + "-12-28T17:00");
    browser.findElement(By.id("open-campaign")).click();
    screenshot("11b-committee-confirms-campaign");
    clickAndLoad(browser.findElement(By.id("open-campaign-confirm-yes")));
    // lands on the progress page, which follows the launch by itself
    assertThat(browser.getCurrentUrl()).endsWith("/app/campaigns/" + ORG + "/" + year);
    assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Đã mở đợt đánh giá.");
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              browser.navigate().refresh();
              return browser
                  .findElement(By.id("campaign-status"))
                  .getText()
                  .equals("Đang đánh giá");
            });
    assertThat(browser.findElement(By.id("started")).getAttribute("value")).isEqualTo("15");
    screenshot("12-campaign-progress");
    signOut();
  }

  private void typeDue(String field, String value) {
    // a datetime-local field's segments follow the browser's locale: set the value as the form
    // sends it
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];", browser.findElement(By.id(field)), value);
  }
}
