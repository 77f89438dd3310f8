package vn.party.evaluation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Session 13's outsider, LOW 13: the unit leadership's assessment read "Đang chờ" (waiting) for a member with no
 * civil-service post until the self-review was sent. Whether one is expected is decided after the self-review, once
 * the residence comment is in (the post is read at that step, and may change before): until then the record page and
 * its PDF say it is needed only for a member with such a post and when it is settled; then a member without a post
 * reads "Không có".
 */
class UnitAssessmentBeforeSelfReviewTest extends EvaluationFlowSupport {

  private static final int YEAR = 2079;
  private static final String UNDECIDED =
      "Chưa xác định: chỉ cần khi đảng viên giữ chức vụ, vị trí trong cơ quan nhà nước; được xác"
          + " định sau khi đảng viên gửi bản tự kiểm điểm và có nhận xét nơi cư trú (hoặc hết hạn"
          + " nhận xét)";

  @Test
  void beforeTheSelfReviewTheUnitAssessmentIsNotSaidToBeAwaited() throws Exception {
    launchedCampaign(YEAR);
    // member1 holds no civil-service post (demo roster)
    PageSession member = PageSession.of(port, "member1");
    String page = "/app/evaluations/" + YEAR + "/member1";
    assertThat(unitRow(member.get(page).body())).contains(UNDECIDED).doesNotContain("Đang chờ");
    // the PDF's row: the step, then its status (the residence row before it may well be waiting)
    assertThat(pdf(member, page + ".pdf"))
        .contains(
            "Nhận xét của lãnh đạo đơn vị Chưa xác định: chỉ cần khi đảng viên giữ chức vụ, vị trí")
        .doesNotContain("Nhận xét của lãnh đạo đơn vị Đang chờ");

    // sent, the residence comment still to come: not settled yet (the post is read after it)
    completeOk("member1", taskOf("member1", "self-review", "member1", YEAR), selfCriticism("GOOD"));
    assertThat(unitRow(member.get(page).body())).contains(UNDECIDED).doesNotContain("Đang chờ");
    // the comment in: settled, none expected
    sendResidenceFeedback("member1", YEAR, "Tốt");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(unitRow(member.get(page).body()))
                    .contains("Không có (không giữ chức vụ, vị trí trong cơ quan nhà nước)")
                    .doesNotContain("Chưa xác định"));
  }

  private static String unitRow(String html) {
    String row = html.substring(html.indexOf("id=\"level-unit\""));
    return row.substring(0, row.indexOf("</tr>"));
  }

  private static String pdf(PageSession session, String path) throws Exception {
    HttpResponse<byte[]> file = session.download(path);
    assertThat(file.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(file.body())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
