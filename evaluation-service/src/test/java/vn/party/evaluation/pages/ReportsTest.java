package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * The organization's yearly summary as a page, a spreadsheet and a PDF: the counts per branch and level match the
 * decisions taken, and only the grassroots committee, auditors and administrators may read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest extends EvaluationFlowSupport {

  private static final int YEAR = 2074;
  private static final String REPORT = "/app/reports/" + ORG + "/" + YEAR;

  @BeforeAll
  void threeMembersDecided() {
    launchedCampaign(YEAR);
    decide("member1", "EXCELLENT");
    decide("member2", "GOOD");
    decide("member6", "COMPLETED"); // branch cb2
  }

  /** member1 and member2 hand in the same text, one retyped without care for case and accents. */
  private static final Map<String, String> STRENGTHS =
      Map.of(
          "member1",
              "Luôn giữ vững lập trường tư tưởng chính trị, chấp hành tốt chủ trương của Đảng, hoàn thành tốt nhiệm vụ được giao.",
          "member2",
              "luon giu vung lap truong tu tuong chinh tri, chap hanh tot chu truong cua dang, hoan thanh tot nhiem vu duoc giao",
          "member6",
              "Tích cực tham gia công tác khu dân cư, vận động nhân dân thực hiện nếp sống văn minh, giữ gìn vệ sinh môi trường.");

  private void decide(String member, String level) {
    decided(member, YEAR, selfCriticism(level, "strengths", STRENGTHS.get(member)), level);
  }

  @Test
  void thePageShowsCountsPerBranchAndLevelAndTheQuota() throws Exception {
    HttpResponse<String> page = PageSession.of(port, "committee").get(REPORT);
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM " + YEAR);
    assertThat(html)
        .containsPattern("data-level=\"EXCELLENT\">1<")
        .containsPattern("data-level=\"GOOD\">1<")
        .containsPattern("data-level=\"COMPLETED\">1<")
        .containsPattern("data-level=\"NOT_COMPLETED\">0<");
    // one EXCELLENT against one GOOD: 20 % of 1 rounds down to 0 allowed, so the page warns
    assertThat(html).contains("tối đa được phép 0").contains("vượt tỷ lệ cho phép 1 người");
  }

  /** Fourteenth session's outsider, item 4: the record's PDF is named from the person, not their id. */
  @Test
  void theMembersRecordPdfIsNamedFromThePersonsName() throws Exception {
    HttpResponse<byte[]> file =
        PageSession.of(port, "auditor").download("/app/evaluations/" + YEAR + "/member1.pdf");
    assertThat(file.statusCode()).isEqualTo(200);
    String disposition = file.headers().firstValue("Content-Disposition").orElse("");
    assertThat(disposition)
        .matches(
            "attachment; filename=\"ho-so-[a-z0-9-]+-"
                + YEAR
                + "\\.pdf\"; filename\\*=UTF-8''ho-so-[a-z0-9-]+-"
                + YEAR
                + "\\.pdf")
        .doesNotContain("member1");
  }

  @Test
  void theSpreadsheetHasALinePerBranchAndTheTotal() throws Exception {
    HttpResponse<byte[]> file = PageSession.of(port, "committee").download(REPORT + ".xlsx");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
        .contains(ORG + "-" + YEAR + ".xlsx");
    keep(file.body(), "report.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("NĂM " + YEAR);
      Row header = sheet.getRow(3);
      assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Chi bộ");
      assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
      Row total = null;
      List<String> branches = new ArrayList<>();
      for (int r = 4; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null || row.getCell(1) == null) {
          continue;
        }
        if ("Cộng".equals(row.getCell(1).getStringCellValue())) {
          total = row;
          break;
        }
        branches.add(row.getCell(1).getStringCellValue());
      }
      // the demo's three branches, each on its line (other tests of this JVM may open and close
      // branches of the same organization during the year: they are on the report too)
      assertThat(branches)
          .containsAll(
              jdbc.sql("select name from evaluation.branch where id in (:a, :b, :c)")
                  .param("a", ORG + "-cb1")
                  .param("b", ORG + "-cb2")
                  .param("c", ORG + "-cb3")
                  .query(String.class)
                  .list())
          .doesNotHaveDuplicates();
      assertThat(total).isNotNull();
      assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(15); // evaluated
      assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(1); // EXCELLENT
      assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(6.7); // 1 of 15, in %
      assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(1); // GOOD
      assertThat(total.getCell(9).getNumericCellValue()).isEqualTo(1); // COMPLETED
      assertThat(total.getCell(13).getNumericCellValue()).isEqualTo(12); // not decided yet
    }
  }

  @Test
  void thePdfCarriesTheVietnameseTable() throws Exception {
    HttpResponse<byte[]> file = PageSession.of(port, "auditor").download(REPORT + ".pdf");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    keep(file.body(), "report.pdf");
    assertThat(new String(file.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    PdfReader reader = new PdfReader(file.body());
    try {
      assertThat(reader.getNumberOfPages()).isEqualTo(1);
      String text = new PdfTextExtractor(reader).getTextFromPage(1);
      assertThat(text).contains("XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN").contains("Cộng");
    } finally {
      reader.close();
    }
  }

  @Test
  void theCampaignProgressPageShowsStartedAndDecidedMembers() throws Exception {
    HttpResponse<String> page =
        PageSession.of(port, "committee").get("/app/campaigns/" + ORG + "/" + YEAR);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Đã mở hồ sơ cho 15 / 15 đảng viên", "Đã quyết định xếp loại 3 / 15 đảng viên")
        .contains("id=\"decided\" max=\"15\" value=\"3\"")
        .doesNotContain("http-equiv=\"refresh\"");
    assertThat(
            PageSession.of(port, "member1").get("/app/campaigns/" + ORG + "/" + YEAR).statusCode())
        .isEqualTo(403);
    assertThat(
            PageSession.of(port, "committee").get("/app/campaigns/" + ORG + "/2099").statusCode())
        .isEqualTo(404);
  }

  @Test
  void inspectorsSeeTheSignsOfAFormalReview() throws Exception {
    HttpResponse<String> page =
        PageSession.of(port, "auditor").get("/app/audit/signals?year=" + YEAR);
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    // the retyped copy is found, the different text is not
    String copies =
        html.substring(html.indexOf("id=\"near-copies\""), html.indexOf("id=\"same-as-self\""));
    assertThat(copies).contains("/member1\"", "/member2\"").doesNotContain("/member6\"");
    // the two members' columns are told apart (fourteenth session's outsider, item 2)
    assertThat(copies).contains("<th>Đảng viên</th><th>Trùng gần với đảng viên</th>");
    // branch 1 proposed exactly what both members proposed themselves; branch 2 had one proposal
    // only
    String sameAsSelf =
        html.substring(html.indexOf("id=\"same-as-self\""), html.indexOf("id=\"without-vote\""));
    assertThat(sameAsSelf)
        .contains("data-branch=\"" + ORG + "-cb1\"")
        .doesNotContain("data-branch=\"" + ORG + "-cb2\"");
    // every proposal here went through the API, so no meeting vote stands behind any of them
    String withoutVote =
        html.substring(html.indexOf("id=\"without-vote\""), html.indexOf("id=\"quick-decisions\""));
    assertThat(withoutVote)
        .contains("data-branch=\"" + ORG + "-cb1\"", "data-branch=\"" + ORG + "-cb2\"");
    // the test's committee decides within seconds
    assertThat(html)
        .contains("id=\"quick-decisions\"", "data-member=\"member1\"", "data-member=\"member6\"");
    assertThat(
            PageSession.of(port, "committee").get("/app/audit/signals?year=" + YEAR).statusCode())
        .isEqualTo(403);
  }

  @Test
  void onlyTheCommitteeAuditorsAndAdministratorsMayReadIt() throws Exception {
    assertThat(PageSession.of(port, "member1").get(REPORT).statusCode()).isEqualTo(403);
    assertThat(PageSession.of(port, "secretary1").get(REPORT + ".xlsx").statusCode())
        .isEqualTo(403);
    assertThat(PageSession.of(port, "auditor").get(REPORT).statusCode()).isEqualTo(200);
    PageSession committee = PageSession.of(port, "committee");
    assertThat(committee.get("/app/reports/" + ORG + "/2099").statusCode()).isEqualTo(404);
    assertThat(committee.get("/app/reports/" + ORG + "/1999").statusCode()).isEqualTo(400);
    assertThat(committee.get("/app/reports?organization=..%2Fevil&year=2074").statusCode())
        .isEqualTo(400);
    assertThat(committee.get("/app/reports").body()).contains("value=\"" + ORG + "\"");
  }

  /** Kept under target/reports/ for a person to open in a spreadsheet and a PDF viewer. */
  private static void keep(byte[] content, String name) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "reports");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve(name), content);
  }
}
