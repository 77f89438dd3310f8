package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14, the member's self-review in real headless Chromium: the form numbered as Mẫu 02A prints it (I–VII, the
 * criteria 1–6, each criterion's points with its group's maximum, no rule id); the sections a self-criticism requires
 * refused when empty, each error next to its field and in a summary that links to it and takes the focus; the group
 * total refused under the criterion that takes it over; a near copy of last year's review shown before it is sent;
 * "Gửi" confirmed in a dialog. Screenshots at 1366×900 and 390×844: {@code target/screenshots/self-criticism-*.png}.
 */
class SelfCriticismBrowserTest extends BrowserTestSupport {

  private static final int YEAR = 2097;
  private static final String MEMBER = "member8"; // branch 2, heads nothing
  private static final String STRENGTHS =
      "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật "
          + "của Nhà nước; hoàn thành các công việc được giao đúng tiến độ.";
  private static final String LIMITATIONS =
      "Có lúc chưa chủ động đề xuất giải pháp; nguyên nhân chủ quan là chưa "
          + "dành đủ thời gian nghiên cứu.";
  private static final String REMEDIES =
      "Dành thời gian nghiên cứu hằng tuần, chủ động đề xuất với chi bộ.";

  @Test
  void theSelfReviewIsASelfCriticismLaidOutAsTheOfficialForm() {
    // last year's review of the same member, with the same texts
    launchedCampaign(YEAR - 1);
    completeOk(
        MEMBER,
        taskOf(MEMBER, "self-review", MEMBER, YEAR - 1),
        selfCriticism(
            "GOOD",
            "strengths",
            STRENGTHS,
            "limitations",
            LIMITATIONS,
            "remedialMeasures",
            REMEDIES));
    launchedCampaign(YEAR);
    String task = taskOf(MEMBER, "self-review", MEMBER, YEAR);

    signIn(MEMBER, "demo");
    DecideWithFactsBrowserTest.desktop();
    open("/app/tasks/" + task);
    // numbered as Mẫu 02A: I–VII, the criteria 1–6 (member8 holds no leadership post), points with
    // their maximum
    List<String> sections =
        browser.findElements(By.cssSelector(".form-section > h2")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(sections)
        .containsExactly(
            "I. Ưu điểm, kết quả đạt được",
            "II. Hạn chế, khuyết điểm và nguyên nhân *",
            "III. Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra ở các kỳ kiểm điểm trước *",
            "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)",
            "V. Trách nhiệm của cá nhân đối với hạn chế, khuyết điểm của tập thể (nếu có)",
            "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm *",
            "VII. Tự nhận mức xếp loại chất lượng");
    assertThat(
            browser.findElements(By.cssSelector("h3.criterion label")).stream()
                .map(WebElement::getText)
                .toList())
        .containsExactly(
            "1. Tư tưởng chính trị",
            "2. Phẩm chất đạo đức, lối sống",
            "3. Ý thức tổ chức kỷ luật",
            "4. Tác phong, lề lối làm việc",
            "5. Thực hiện chức trách, nhiệm vụ được giao",
            "6. Thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm");
    assertThat(browser.findElement(By.cssSelector("label[for=workStylePoints]")).getText())
        .contains("tối đa 30 điểm cho cả nhóm tiêu chí chung");
    assertThat(browser.findElement(By.cssSelector("label[for=dutiesResultsPoints]")).getText())
        .contains("tối đa 70 điểm cho cả nhóm kết quả thực hiện nhiệm vụ");
    assertThat(browser.findElement(By.id("dutiesResultsPoints")).getAttribute("max"))
        .isEqualTo("70");
    assertThat(browser.findElement(By.id("outcome-help")).getText())
        .contains("Mức đảng viên tự nhận ở mục VII không được cao hơn mức này")
        // an ungraded EXCELLENT is above the member's own assessment: the form says so beforehand
        .contains("muốn tự nhận Hoàn thành xuất sắc nhiệm vụ thì phải tự xếp cấp độ");
    // a required section's help never says it may be left empty (seen on the screenshots)
    assertThat(browser.findElement(By.id("shortcomingsFixed-help")).getText())
        .startsWith("Bắt buộc")
        .doesNotContain("Để trống");
    screenshot("self-criticism-01-form-desktop");
    DecideWithFactsBrowserTest.phone();
    screenshot("self-criticism-02-form-phone");
    DecideWithFactsBrowserTest.desktop();

    // grades and points: 10 + 10 + 10 + 5 general points (35 > 30), the sections left empty
    Map<String, String> points =
        new HashMap<>(
            Map.of(
                "politicalIdeology",
                "10",
                "ethicsLifestyle",
                "10",
                "organizationDiscipline",
                "10",
                "workStyle",
                "5",
                "selfImprovementCommitment",
                "0",
                "dutiesResults",
                "60"));
    points.forEach(
        (criterion, n) -> {
          new Select(browser.findElement(By.id(criterion + "Grade"))).selectByValue("GOOD");
          browser.findElement(By.id(criterion + "Points")).sendKeys(n);
        });
    new Select(browser.findElement(By.id("selfProposedLevel"))).selectByValue("COMPLETED");
    browser.findElement(By.id("submit")).click();
    assertThat(browser.findElement(By.id("confirm-dialog")).getAttribute("open")).isNotNull();
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    for (String section :
        List.of("strengths", "limitations", "shortcomingsFixed", "remedialMeasures")) {
      assertThat(browser.findElement(By.id(section + "-error")).getText())
          .as(section)
          .contains("là bắt buộc và cần ít nhất 20 ký tự");
      assertThat(browser.findElement(By.id(section)).getAttribute("aria-describedby"))
          .contains(section + "-error");
    }
    // the group's total where it went over: work style, not the group's first criterion
    assertThat(browser.findElement(By.id("workStylePoints-error")).getText())
        .contains("tổng điểm của nhóm tiêu chí vượt điểm tối đa");
    assertThat(browser.findElements(By.id("politicalIdeologyPoints-error"))).isEmpty();
    // the summary names every error, links to its field and has the focus
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .isEqualTo("form-errors");
    List<String> links =
        browser.findElements(By.cssSelector("#form-errors a")).stream()
            .map(a -> a.getAttribute("href").replaceAll(".*#", ""))
            .toList();
    assertThat(links)
        .containsExactlyInAnyOrder(
            "strengths", "workStylePoints", "limitations", "shortcomingsFixed", "remedialMeasures");
    screenshot("self-criticism-03-errors-summary");
    browser.findElement(By.cssSelector("#form-errors a[href$='#limitations']")).click();
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .isEqualTo("limitations");
    screenshot("self-criticism-04-error-next-to-field");
    DecideWithFactsBrowserTest.phone();
    screenshot("self-criticism-05-errors-phone");
    DecideWithFactsBrowserTest.desktop();
    assertThat(evaluation(MEMBER, YEAR, MEMBER).get("status").asText()).isEqualTo("SELF_REVIEW");

    // last year's texts again: the member is told before the review is sent
    browser.findElement(By.id("workStylePoints")).clear();
    browser.findElement(By.id("workStylePoints")).sendKeys("0");
    browser.findElement(By.id("strengths")).sendKeys(STRENGTHS);
    browser.findElement(By.id("limitations")).sendKeys(LIMITATIONS);
    browser
        .findElement(By.id("shortcomingsFixed"))
        .sendKeys("Đã khắc phục việc chậm báo cáo mà chi bộ nêu năm trước.");
    browser.findElement(By.id("remedialMeasures")).sendKeys(REMEDIES);
    browser.findElement(By.id("submit")).click();
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    assertThat(browser.findElement(By.id("near-copy-what")).getText())
        .isEqualTo("Giống 100% bản tự kiểm điểm năm " + (YEAR - 1) + " của chính bạn.");
    assertThat(evaluation(MEMBER, YEAR, MEMBER).get("status").asText()).isEqualTo("SELF_REVIEW");
    DecideWithFactsBrowserTest.scrollTo(browser.findElement(By.id("near-copy")));
    screenshot("self-criticism-06-near-copy");

    // confirmed: sent
    browser.findElement(By.id("similarityAcknowledged")).click();
    browser.findElement(By.id("submit")).click();
    screenshot("self-criticism-07-confirm-dialog");
    clickAndLoad(browser.findElement(By.id("confirm-submit")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã gửi. Cảm ơn bạn.");
    assertThat(evaluation(MEMBER, YEAR, MEMBER).at("/selfReview/level").asText())
        .isEqualTo("COMPLETED");
    signOut();

    // the branch's meeting reads the member's file: the points and the level they give, the texts
    // in short
    sendResidenceFeedback(MEMBER, YEAR, "Tích cực tham gia sinh hoạt khu phố.");
    taskOf("secretary2", "branch-review", MEMBER, YEAR);
    signIn("secretary2", "demo");
    open("/app/meetings/" + ORG + "-cb2/" + YEAR);
    WebElement file =
        browser.findElement(By.cssSelector(".member-entry[data-member=" + MEMBER + "]"));
    assertThat(file.findElement(By.className("self-review-points")).getText())
        .isEqualTo("Tổng điểm tự chấm: 90,0/100");
    assertThat(file.findElement(By.className("derived-level")).getText())
        .isEqualTo("Hoàn thành nhiệm vụ");
    assertThat(file.findElement(By.className("self-review-strengths")).getText())
        .isEqualTo(STRENGTHS);
    DecideWithFactsBrowserTest.scrollTo(file);
    screenshot("self-criticism-08-meeting-reads-the-file");
    signOut();
  }
}
