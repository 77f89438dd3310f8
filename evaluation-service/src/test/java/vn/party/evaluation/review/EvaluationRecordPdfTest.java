package vn.party.evaluation.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.party.evaluation.TestMessages;
import vn.party.evaluation.complaint.ComplaintFile;
import vn.party.evaluation.document.PartyHeader;
import vn.party.evaluation.portal.PeoplesWords;
import vn.party.evaluation.portal.PortalTime;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.record.EvaluationStatus;
import vn.party.evaluation.selfreview.SelfReview;

/**
 * The member's record as a PDF words the self-review it holds as the self-review's own paper does (a condition not
 * met is "Không", not a dash) and heads that table by what it holds — each item and what the member wrote — not as
 * the steps-and-opinions table of the levels above it (the eighth session's outsider, finding 6).
 */
class EvaluationRecordPdfTest {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-05T09:30:00+07:00");

  private final ResourceBundleMessageSource messages = TestMessages.messages();
  private final PortalTime time = new PortalTime("Asia/Ho_Chi_Minh");
  // no person or unit to look up: the record names none by sign-in, the timeline is empty
  private final PeoplesWords words = new PeoplesWords(messages, null, time, null);

  @Test
  void theSelfReviewIsWordedAsOnItsOwnPaperUnderItsOwnHeadings() throws IOException {
    String text = text(Locale.forLanguageTag("vi"), "vi");

    assertThat(text)
        .contains(squeezed("Bản tự kiểm điểm"))
        .contains(squeezed("Nội dung Tự nhận xét, đánh giá"))
        .contains(squeezed("Hoàn thành 100% nhiệm vụ đúng hạn, bảo đảm chất lượng Không"))
        .contains(squeezed("Đã khắc phục 100% hạn chế, khuyết điểm đã được chỉ ra Có"))
        // an unknown total is left out, as on the self-review's paper
        .contains(squeezed("Mức suy ra từ tự đánh giá: Hoàn thành tốt nhiệm vụ"))
        .doesNotContain("Tổngđiểm")
        .doesNotContain("—")
        .doesNotContain("✓")
        .doesNotContain(squeezed("Bước Ý kiến"));
    // the levels' table keeps its steps and opinions
    assertThat(text).contains(squeezed("Bước Mức xếp loại Ý kiến"));
  }

  @Test
  void inEnglishTheSameInEnglish() throws IOException {
    String text = text(Locale.ENGLISH, "en");

    assertThat(text)
        .contains(squeezed("Item Self-assessment"))
        .contains(squeezed("100 % of tasks completed on time, with quality No"))
        .contains(squeezed("Every shortcoming pointed out earlier has been remedied Yes"))
        .doesNotContain("—")
        .doesNotContain("✓");
  }

  /**
   * Without whitespace: the text extraction runs a table's cells together or apart as their widths fall, so the
   * texts are compared without it.
   */
  private static String squeezed(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** The record's PDF in {@code locale}, kept under target/ to look at, as its text without whitespace. */
  private String text(Locale locale, String name) throws IOException {
    byte[] pdf =
        EvaluationRecordPdf.write(
            new PartyHeader(
                "ĐẢNG BỘ PHƯỜNG THANH KHÊ TÂY",
                "CHI BỘ KHU DÂN CƯ SỐ 1",
                null,
                "Thanh Khê, ngày 07 tháng 12 năm 2026"),
            record(),
            List.of(),
            List.of(),
            new ComplaintFile(List.of(), null),
            List.of(),
            selfReview(),
            messages,
            locale,
            time,
            words);
    Path kept = Path.of("target", "evaluation-record-pdf-test-" + name + ".pdf");
    Files.createDirectories(kept.getParent());
    Files.write(kept, pdf);
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
    }
    reader.close();
    return squeezed(text.toString());
  }

  private static EvaluationRecord record() {
    return new EvaluationRecord(
        2026,
        "pdf-member",
        "Nguyễn Văn Bình",
        UUID.randomUUID(),
        "pdf-org",
        "pdf-org-cb1",
        "process-1",
        EvaluationStatus.DECIDED,
        "GOOD",
        null,
        AT,
        "RECEIVED",
        "Gương mẫu nơi cư trú.",
        "Chi ủy khu dân cư 1",
        AT,
        "NOT_EXPECTED",
        null,
        null,
        null,
        "GOOD",
        "Chi bộ thống nhất.",
        null,
        AT,
        "GOOD",
        "Đồng ý.",
        null,
        AT,
        null,
        null,
        null);
  }

  private static SelfReview selfReview() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("strengths", "Chấp hành tốt nghị quyết.");
    content.put("allTasksOnTime", false);
    content.put("shortcomingsRemedied", true);
    content.put("selfProposedLevel", "GOOD");
    return new SelfReview(
        2026,
        "pdf-member",
        1,
        "task-1",
        "QD-366-2025",
        "02A",
        content,
        "abc123",
        null,
        null,
        null,
        "GOOD",
        null,
        "GOOD",
        "pdf-member",
        AT);
  }
}
