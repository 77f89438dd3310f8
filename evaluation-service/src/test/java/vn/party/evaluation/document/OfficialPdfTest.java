package vn.party.evaluation.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.document.OfficialDocument.Block;
import vn.party.evaluation.document.OfficialDocument.Field;
import vn.party.evaluation.document.OfficialDocument.Heading;
import vn.party.evaluation.document.OfficialDocument.Signature;
import vn.party.evaluation.document.OfficialDocument.Text;

/** The layout of the papers, without the service: where the signatures fall, what the font cannot show. */
class OfficialPdfTest {

  /**
   * Whatever the body's length, the signature blocks never stand alone on the last page: the last lines before them
   * go over with them (issue of session 13: the self-review, the draft decision and the minutes of two sittings).
   */
  @Test
  void theSignaturesNeverStandAloneOnTheLastPage() throws Exception {
    int broken = 0;
    for (int fields = 20; fields <= 60; fields++) {
      byte[] pdf = OfficialPdf.write(paper(fields, "Biên bản đã được thông qua trước chi bộ."));
      try (PDDocument document = Loader.loadPDF(pdf)) {
        int pages = document.getNumberOfPages();
        if (pages < 2) {
          continue;
        }
        broken++;
        PDFTextStripper last = new PDFTextStripper();
        last.setStartPage(pages);
        last.setEndPage(pages);
        assertThat(last.getText(document))
            .as("the last page of a body of %d fields", fields)
            .contains(
                "T/M CHI BỘ", "Biên bản đã được thông qua trước chi bộ.", "Dòng số " + fields);
      }
    }
    assertThat(broken).as("bodies long enough to break").isPositive();
  }

  @Test
  void inWordTheLastLinesKeepWithTheSignatures() throws Exception {
    byte[] docx = OfficialDocx.write(paper(3, "Biên bản đã được thông qua trước chi bộ."));
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<XWPFParagraph> paragraphs = document.getParagraphs();
      XWPFParagraph last =
          paragraphs.stream()
              .filter(p -> p.getText().startsWith("Biên bản đã được"))
              .findFirst()
              .orElseThrow();
      assertThat(last.isKeepNext()).isTrue();
      assertThat(
              document.getTables().get(document.getTables().size() - 1).getRow(0).isCantSplitRow())
          .isTrue();
    }
  }

  /** Letters outside the Basic Multilingual Plane and emoji are shown by their code, never dropped silently. */
  @Test
  void charactersTheFontLacksAreShownByTheirCode() throws Exception {
    byte[] pdf = OfficialPdf.write(paper(1, "Góp ý: 𝐀 rất tốt 😀 nhé."));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .containsAnyOf("𝐀 rất tốt", "[U+1D400] rất tốt")
          .containsAnyOf("😀 nhé", "[U+1F600] nhé");
    }
  }

  private static OfficialDocument paper(int fields, String closing) {
    List<Block> body = new ArrayList<>();
    body.add(new Heading("I. Thành phần"));
    for (int i = 1; i <= fields; i++) {
      body.add(new Field("Dòng số " + i, "Nguyễn Văn An, đảng viên chi bộ khu dân cư số 1"));
    }
    body.add(Text.of(closing));
    return new OfficialDocument(
        "papers13",
        "ĐẢNG BỘ PHƯỜNG PAPERS13",
        "CHI BỘ PAPERS13",
        null,
        "Thanh Khê, ngày 07 tháng 12 năm 2026",
        "BIÊN BẢN HỌP CHI BỘ",
        "Năm 2026",
        false,
        body,
        List.of(
            new Signature(List.of("THƯ KÝ"), "(Ký, ghi rõ họ tên)", "Trần Thị Bình"),
            new Signature(List.of("T/M CHI BỘ", "BÍ THƯ"), "(Ký, ghi rõ họ tên)", "Lê Văn Cường")),
        List.of());
  }
}
