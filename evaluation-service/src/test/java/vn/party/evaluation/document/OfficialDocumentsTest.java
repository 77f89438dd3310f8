package vn.party.evaluation.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * The four official documents of a finished year of the demo organization, as PDF and DOCX: each PDF page is turned
 * into an image (PDFBox, in the JVM; kept under {@code target/documents/} to look at) and its text read back — the
 * party header, the units by name, the number from the register, place and date in words, the signature blocks,
 * Vietnamese numbers, and never an id, an enum value or a sign-in name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialDocumentsTest extends EvaluationFlowSupport {

  private static final int YEAR = 2065;
  private static final Path OUT = Path.of("target", "documents");

  /** A meeting is held on a day that has come (the meeting form refuses a future date). */
  private static final java.time.LocalDate HELD_ON =
      java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

  /** What a person must never read on a document. */
  private static final String[] RAW = {
    "member1",
    "secretary1",
    "committee",
    "thanh-khe-tay",
    "GOOD",
    "COMPLETED",
    "EXCELLENT",
    "QD-366-2025",
    "true",
    "false"
  };

  @BeforeAll
  void aWholeYear() throws Exception {
    launchedCampaign(YEAR);
    for (int n = 1; n <= 5; n++) {
      completeOk(
          "member" + n,
          taskOf("member" + n, "self-review", "member" + n, YEAR),
          form02a("GOOD", 5, "GOOD", 55, 0, "GOOD")); // 25 + 55 = 80 points
      sendResidenceFeedback("member" + n, YEAR, "Gương mẫu ở khu dân cư.");
    }
    // branch 1 holds its meeting on the page: attendance, the tally and a criticism per member
    PageSession secretary1 = PageSession.of(port, "secretary1");
    String meeting = "/app/meetings/" + ORG + "-cb1/" + YEAR;
    String page = secretary1.get(meeting).body();
    Map<String, String> minutes = new LinkedHashMap<>();
    minutes.put("heldOn", HELD_ON.toString());
    minutes.put("place", "Nhà văn hóa khu dân cư số 1");
    minutes.put("officialMembers", "5");
    minutes.put("exemptedMembers", "0");
    minutes.put("present", "5");
    minutes.put("absentNames", "");
    for (int n = 1; n <= 5; n++) {
      meetingEntry(
          minutes,
          taskOf("secretary1", "branch-review", "member" + n, YEAR),
          "GOOD",
          Map.of("GOOD", "4", "COMPLETED", "1"),
          "Cần chủ động hơn trong sinh hoạt chi bộ, đồng chí số " + n + ".");
    }
    var recorded = secretary1.post(meeting, meetingForm(minutes, secretary1.csrf(page)));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
    for (int n = 1; n <= 5; n++) {
      completeOk(
          "committee",
          taskOf("committee", "committee-decision", "member" + n, YEAR),
          Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    }
    for (int n = 6; n <= 15; n++) {
      decideMember(YEAR, n, n == 15 ? "COMPLETED" : "GOOD");
    }
    rateCollectives(YEAR, "GOOD");
    finalizeResults(YEAR);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            """
            select count(*) from evaluation.result_finalization f join evaluation.campaign c on c.id = f.campaign_id
            where c.year = :y""")
                        .param("y", YEAR)
                        .query(Integer.class)
                        .single()
                    == 1);
    Files.createDirectories(OUT);
  }

  @Test
  void theMembersSelfReviewIsTheSignedFormWithVietnameseNumbers() throws Exception {
    String text =
        pdf("member1", "/app/documents/self-review/" + YEAR + "/member1.pdf", "self-review");
    String name = fullName("member1");
    assertThat(text)
        .contains(
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG BỘ PHƯỜNG THANH KHÊ TÂY",
            "CHI BỘ KHU DÂN CƯ SỐ 1",
            "BẢN KIỂM ĐIỂM CÁ NHÂN",
            "Năm " + YEAR,
            "Mẫu 02A",
            "Họ và tên: " + name,
            "Tổng điểm tự chấm: 80,0/100",
            "Hoàn thành tốt nhiệm vụ",
            "NGƯỜI TỰ KIỂM ĐIỂM",
            "Quy định số 366-QĐ/TW");
    assertThat(text).containsPattern("Thanh Khê, ngày \\d\\d tháng \\d{1,2} năm \\d{4}");
    assertThat(text).doesNotContain("80.0", "80,0 /");
    // the sections numbered as Mẫu 02A numbers them, I to VII, never a bare "Ưu điểm" beside "III."
    assertThat(text)
        .contains(
            "I. Ưu điểm, kết quả đạt được",
            "II. Hạn chế, khuyết điểm và nguyên nhân",
            "III. Kết quả khắc phục hạn chế",
            "VI. Phương hướng, biện pháp khắc phục",
            "VII. Tự nhận mức xếp loại chất lượng",
            "Là đảng viên: Hoàn thành tốt nhiệm vụ");
    noRawData(text);
    String docx =
        docx("member1", "/app/documents/self-review/" + YEAR + "/member1.docx", "self-review");
    assertThat(docx).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BẢN KIỂM ĐIỂM CÁ NHÂN", "80,0/100", name);
    // member6 left IV and V empty: they keep their number, "Không có." (outsider of session 14,
    // finding 13: IV and V were dropped)
    String empty =
        pdf("member6", "/app/documents/self-review/" + YEAR + "/member6.pdf", "self-review-6")
            .replaceAll("\\s+", " ");
    assertThat(empty)
        .containsPattern(
            "III\\. Kết quả khắc phục .*IV\\. Giải trình .*Không có\\. V\\. Trách nhiệm .*Không có\\. VI\\. ");
    assertThat(
            docx("member6", "/app/documents/self-review/" + YEAR + "/member6.docx", "self-review-6")
                .replaceAll("\\s+", " "))
        .containsPattern("IV\\. Giải trình .*Không có\\. V\\. Trách nhiệm .*Không có\\.");
  }

  @Test
  void theMinutesRecordTheAttendanceTheTallyAndTheCriticism() throws Exception {
    String text =
        pdf("secretary1", "/app/documents/minutes/" + ORG + "-cb1/" + YEAR + ".pdf", "minutes");
    assertThat(text)
        .contains(
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "CHI BỘ KHU DÂN CƯ SỐ 1",
            "BIÊN BẢN HỌP CHI BỘ",
            "Thanh Khê, " + VietnameseFormats.dateInWords(HELD_ON),
            VietnameseFormats.dateInWords(HELD_ON) + ", tại Nhà văn hóa khu dân cư số 1",
            "Số đảng viên có mặt: 5/5",
            "Vắng mặt: Không",
            fullName("member3"),
            "Cần chủ động hơn trong sinh hoạt chi bộ, đồng chí số 3.",
            "Hoàn thành tốt nhiệm vụ: 5 đồng chí (100,0%)",
            "THƯ KÝ",
            "T/M CHI BỘ",
            "BÍ THƯ");
    noRawData(text);
    assertThat(
            docx(
                "secretary1",
                "/app/documents/minutes/" + ORG + "-cb1/" + YEAR + ".docx",
                "minutes"))
        .contains("BIÊN BẢN HỌP CHI BỘ", "Nhà văn hóa khu dân cư số 1");
  }

  @Test
  void theDecisionIsNumberedOnceAndListsTheMembersPerLevel() throws Exception {
    String text =
        pdf("committee", "/app/documents/decision/" + ORG + "/" + YEAR + ".pdf", "decision");
    assertThat(text)
        .contains(
            "ĐẢNG BỘ QUẬN THANH KHÊ",
            "ĐẢNG ỦY PHƯỜNG THANH KHÊ TÂY",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Số 01-QĐ/ĐU",
            "QUYẾT ĐỊNH",
            "Về việc công nhận kết quả xếp loại chất lượng đảng viên năm " + YEAR,
            "BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG THANH KHÊ TÂY",
            "Quy định số 366-QĐ/TW",
            "Hoàn thành tốt nhiệm vụ: 14 đồng chí (93,3%)",
            "Hoàn thành nhiệm vụ: 1 đồng chí (6,7%)",
            fullName("member15"),
            "Chi bộ Khu dân cư số 3",
            "Nơi nhận:",
            "T/M ĐẢNG ỦY",
            "BÍ THƯ");
    assertThat(text)
        .containsPattern("Thanh Khê, ngày \\d\\d tháng \\d{1,2} năm \\d{4}")
        .doesNotContain("DỰ THẢO");
    noRawData(text);
    // downloaded again, by an auditor: the same number; the register holds one row
    assertThat(
            pdf(
                "auditor",
                "/app/documents/decision/" + ORG + "/" + YEAR + ".pdf",
                "decision-again"))
        .contains("Số 01-QĐ/ĐU");
    assertThat(
            docx("committee", "/app/documents/decision/" + ORG + "/" + YEAR + ".docx", "decision"))
        .contains("Số 01-QĐ/ĐU", "QUYẾT ĐỊNH", "T/M ĐẢNG ỦY");
    assertThat(
            jdbc.sql("select count(*) from evaluation.document_number where year = :y")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theCollectiveSelfReviewIsForm01SignedForTheBranch() throws Exception {
    String text =
        pdf(
            "secretary1",
            "/app/documents/collective/" + YEAR + "/" + ORG + "-cb1.pdf",
            "collective");
    assertThat(text)
        .contains(
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "CHI BỘ KHU DÂN CƯ SỐ 1",
            "BÁO CÁO KIỂM ĐIỂM TẬP THỂ",
            "Mẫu 01",
            "Lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm.",
            "Tự nhận mức xếp loại chất lượng",
            "Cấp ủy cấp trên xếp loại",
            "T/M CHI BỘ");
    noRawData(text);
    String organization =
        pdf(
            "committee",
            "/app/documents/collective/" + YEAR + "/" + ORG + ".pdf",
            "collective-organization");
    assertThat(organization)
        .contains("ĐẢNG BỘ QUẬN THANH KHÊ", "ĐẢNG ỦY PHƯỜNG THANH KHÊ TÂY", "T/M ĐẢNG ỦY");
  }

  /**
   * The member's record and the reports are printed under the same party header as the papers (issue 14): the units
   * by name, place and date in words, numbers with a decimal comma; their pages turn into images too.
   */
  @Test
  void theRecordAndTheReportsCarryThePartyHeaderAndVietnameseNumbers() throws Exception {
    String today =
        "Thanh Khê, "
            + VietnameseFormats.dateInWords(
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    String record = pdf("member1", "/app/evaluations/" + YEAR + "/member1.pdf?lang=vi", "record");
    assertThat(record)
        .contains(
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG BỘ PHƯỜNG THANH KHÊ TÂY",
            "CHI BỘ KHU DÂN CƯ SỐ 1",
            today,
            fullName("member1"),
            "80,0/100")
        .doesNotContain("80.0");
    String report = pdf("committee", "/app/reports/" + ORG + "/" + YEAR + ".pdf?lang=vi", "report");
    assertThat(report)
        .contains(
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG BỘ QUẬN THANH KHÊ",
            "ĐẢNG ỦY PHƯỜNG THANH KHÊ TÂY",
            today,
            "93,3",
            "6,7")
        .doesNotContain("93.3", "6.7 ");
    noRawData(report);
    String branch =
        pdf(
            "secretary1",
            "/app/reports/branches/" + ORG + "-cb1/" + YEAR + ".pdf?lang=vi",
            "report-branch");
    assertThat(branch)
        .contains(
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "ĐẢNG BỘ PHƯỜNG THANH KHÊ TÂY",
            "CHI BỘ KHU DÂN CƯ SỐ 1",
            today,
            "100,0")
        .doesNotContain("100.0");
    noRawData(branch);
  }

  /**
   * The DOCX papers officers edit before signing open as the same documents: each is converted by LibreOffice
   * (headless, the Debian package {@code libreoffice-writer-nogui} that {@code .ci/run} installs; skipped where it is
   * absent), its first page turned into an image (kept as {@code target/documents/docx/<name>-1.png}) that is not blank,
   * has the header lines at its top, and reads the party's header and the paper's title.
   */
  @Test
  void theDocxPapersOpenAsImagesWithThePartyHeader() throws Exception {
    Path soffice = Path.of("/usr/bin/soffice");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(soffice),
        "needs LibreOffice (apt-get install -y --no-install-recommends libreoffice-writer-nogui)");
    Map<String, String[]> papers = new LinkedHashMap<>();
    papers.put(
        "self-review",
        new String[] {
          "member1",
          "/app/documents/self-review/" + YEAR + "/member1.docx",
          "BẢN KIỂM ĐIỂM CÁ NHÂN",
          "CHI BỘ KHU DÂN CƯ SỐ 1"
        });
    papers.put(
        "minutes",
        new String[] {
          "secretary1",
          "/app/documents/minutes/" + ORG + "-cb1/" + YEAR + ".docx",
          "BIÊN BẢN HỌP CHI BỘ",
          "CHI BỘ KHU DÂN CƯ SỐ 1"
        });
    papers.put(
        "decision",
        new String[] {
          "committee",
          "/app/documents/decision/" + ORG + "/" + YEAR + ".docx",
          "QUYẾT ĐỊNH",
          "ĐẢNG ỦY PHƯỜNG THANH KHÊ TÂY"
        });
    papers.put(
        "collective",
        new String[] {
          "secretary1",
          "/app/documents/collective/" + YEAR + "/" + ORG + "-cb1.docx",
          "BÁO CÁO KIỂM ĐIỂM TẬP THỂ",
          "CHI BỘ KHU DÂN CƯ SỐ 1"
        });
    Path out = OUT.resolve("docx");
    Files.createDirectories(out);
    for (Map.Entry<String, String[]> paper : papers.entrySet()) {
      String name = paper.getKey();
      String[] p = paper.getValue();
      docx(p[0], p[1], "docx/" + name);
      Path pdf = LibreOffice.toPdf(soffice, out.resolve(name + ".docx"));
      try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
        BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 80);
        ImageIO.write(first, "png", out.resolve(name + "-1.png").toFile());
        assertThat(inkShare(first))
            .as("page 1 of %s.docx has text on it", name)
            .isGreaterThan(0.005);
        assertThat(inkShare(first.getSubimage(0, 0, first.getWidth(), first.getHeight() / 8)))
            .as("the header lines at the top of %s.docx", name)
            .isGreaterThan(0.005);
        PDFTextStripper firstPage = new PDFTextStripper();
        firstPage.setEndPage(1);
        String text = firstPage.getText(document).replaceAll("\\s+", " ");
        assertThat(text)
            .as(name + ".docx, page 1")
            .contains("ĐẢNG CỘNG SẢN VIỆT NAM", p[2], p[3])
            .containsPattern("Thanh Khê, ngày \\d\\d tháng \\d{1,2} năm \\d{4}");
        noRawData(text);
      }
    }
  }

  @Test
  void onlyThoseWhoMayReadTheRecordMayDownloadItsDocument() throws Exception {
    assertThat(
            PageSession.of(port, "member2")
                .download("/app/documents/self-review/" + YEAR + "/member1.pdf")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            PageSession.of(port, "member1")
                .download("/app/documents/minutes/" + ORG + "-cb1/" + YEAR + ".pdf")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            PageSession.of(port, "secretary2")
                .download("/app/documents/minutes/" + ORG + "-cb1/" + YEAR + ".docx")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            PageSession.of(port, "secretary1")
                .download("/app/documents/decision/" + ORG + "/" + YEAR + ".pdf")
                .statusCode())
        .isEqualTo(403);
    // a year without minutes: a clear 404, not an empty paper
    HttpResponse<String> none =
        PageSession.of(port, "secretary1").get("/app/documents/minutes/" + ORG + "-cb1/2099.pdf");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("chưa ghi biên bản họp kiểm điểm");
  }

  /** Downloads a PDF, turns every page into an image (kept) and returns its text. */
  private String pdf(String user, String path, String name) throws Exception {
    HttpResponse<byte[]> file = PageSession.of(port, user).download(path);
    assertThat(file.statusCode()).as(path).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    Files.write(OUT.resolve(name + ".pdf"), file.body());
    try (PDDocument document = Loader.loadPDF(file.body())) {
      assertThat(document.getNumberOfPages()).isPositive();
      PDFRenderer renderer = new PDFRenderer(document);
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 80);
        assertThat(inkShare(image))
            .as("page %d of %s has text on it", i + 1, name)
            .isGreaterThan(0.005);
        ImageIO.write(image, "png", OUT.resolve(name + "-" + (i + 1) + ".png").toFile());
      }
      // the header lines are at the top of the first page: some ink in its top eighth
      BufferedImage first = renderer.renderImageWithDPI(0, 80);
      assertThat(inkShare(first.getSubimage(0, 0, first.getWidth(), first.getHeight() / 8)))
          .isGreaterThan(0.005);
      // lines wrap where the width ends: compare the words in order
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private String docx(String user, String path, String name) throws Exception {
    HttpResponse<byte[]> file = PageSession.of(port, user).download(path);
    assertThat(file.statusCode()).as(path).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
    Files.write(OUT.resolve(name + ".docx"), file.body());
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file.body()));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      return extractor.getText().replaceAll("\\s+", " ");
    }
  }

  private static double inkShare(BufferedImage image) {
    long dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        if (lum < 128) {
          dark++;
        }
      }
    }
    return (double) dark / ((long) image.getWidth() * image.getHeight());
  }

  private static void noRawData(String text) {
    for (String raw : RAW) {
      assertThat(text).as("no raw data on a document").doesNotContainPattern("\\b" + raw + "\\b");
    }
    assertThat(text).as("no ISO date").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\d");
  }

  private String fullName(String memberId) {
    return jdbc.sql("select full_name from evaluation.party_member where id = :id")
        .param("id", memberId)
        .query(String.class)
        .single();
  }
}
