package vn.party.evaluation.rosterimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.UnitFixture;

/**
 * The importer's bad-input corpus: every bad cell of the template in CSV and in XLSX, and bad files (legacy encodings,
 * unclosed quotes, not a spreadsheet, a broken zip, formulas, error values, huge cells, wrong headings), each answered
 * with its row and column and a reason, in both languages; none can be committed and no member is written. Good files
 * in the other shapes people save (CSV with ';' and a BOM, UTF-16, date and number cells in XLSX) are read right.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterImportCorpusTest extends EvaluationFlowSupport {

  private static final String WARD = RosterImportApiTest.WARD;
  private static final String FUTURE =
      LocalDate.now().plusDays(3).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

  /** The test organization and a card number held in another organization (shared with RosterImportApiTest). */
  static void setUpWard(Function<String, RestClient> as, JdbcClient jdbc) {
    // the answers unchecked: RosterImportApiTest sets the same ward up again
    UnitFixture units = new UnitFixture(as, jdbc);
    units.post("ORGANIZATION", UnitFixture.ABOVE, "Đảng bộ phường Thử Nhập", WARD, "2001-01-01");
    for (int b = 1; b <= 2; b++) {
      units.post("BRANCH", WARD, "Chi bộ Khối phố " + b, "ri-cb" + b, null);
    }
    units.post("ORGANIZATION", UnitFixture.ABOVE, "Đảng bộ phường Nơi Khác", "ri-other", null);
    units.post("BRANCH", "ri-other", "Chi bộ Nơi khác", "ri-other-cb", null);
    jdbc.sql(
            """
        insert into evaluation.party_member (id, full_name, branch_id, card_number)
        values ('ri-taken', 'Người giữ thẻ', 'ri-other-cb', 'TAKEN0001') on conflict do nothing""")
        .update();
  }

  @BeforeAll
  void ward() {
    setUpWard(this::as, jdbc);
  }

  /** One bad cell: the column's index, its value, the reason expected. */
  private record Bad(int column, String value, String reason) {}

  private static List<Bad> badCells() {
    String tooLong = "x".repeat(301);
    return List.of(
        new Bad(0, "", "required"),
        new Bad(0, tooLong, "too-long"),
        new Bad(0, "Nguyễn\u0007Văn", "control-characters"),
        new Bad(0, "=HYPERLINK(\"http://x\")", "formula"),
        new Bad(0, "@SUM(A1)", "formula"),
        new Bad(0, "y".repeat(5000), "too-long"),
        new Bad(1, "31/02/1980", "invalid-date"),
        new Bad(1, "1980-01-02", "invalid-date"),
        new Bad(1, FUTURE, "in-future"),
        new Bad(1, "abc", "invalid-date"),
        new Bad(1, "32/01/1980", "invalid-date"),
        new Bad(1, "01/13/1980", "invalid-date"),
        new Bad(1, "1/1/80", "invalid-date"),
        new Bad(1, "01/01/1850", "invalid-date"),
        new Bad(2, "X", "invalid-sex"),
        new Bad(2, "Nữa", "invalid-sex"),
        new Bad(2, "1", "invalid-sex"),
        new Bad(3, "", "required"),
        new Bad(3, "12", "invalid-card"),
        new Bad(3, "12 34 56", "invalid-card"),
        new Bad(3, "9".repeat(21), "invalid-card"),
        new Bad(3, "card#1", "invalid-card"),
        new Bad(3, "TAKEN0001", "card-taken"),
        new Bad(4, "", "required"),
        new Bad(4, "2020/01/01", "invalid-date"),
        new Bad(4, FUTURE, "in-future"),
        new Bad(4, "29/02/2023", "invalid-date"),
        new Bad(4, "01/01/1980", "admitted-before-birth"),
        new Bad(5, "01/01/2000", "official-before-admission"),
        new Bad(5, "abc", "invalid-date"),
        new Bad(6, "", "required"),
        new Bad(6, "Chi bộ không có", "unknown-branch"),
        new Bad(6, "thanh-khe-tay-cb1", "unknown-branch"),
        new Bad(7, tooLong, "too-long"),
        new Bad(7, "Bí\u0001thư", "control-characters"),
        new Bad(8, tooLong, "too-long"),
        new Bad(9, "maybe", "invalid-yes-no"),
        new Bad(9, "2", "invalid-yes-no"),
        new Bad(10, "có lẽ", "invalid-yes-no"),
        new Bad(11, "?", "invalid-yes-no"),
        new Bad(12, "not-an-email", "invalid-email"),
        new Bad(12, "a@b", "invalid-email"),
        new Bad(12, "x".repeat(310) + "@a.vn", "invalid-email"),
        new Bad(13, "abc", "invalid-phone"),
        new Bad(13, "12", "invalid-phone"),
        new Bad(13, "+84 (".repeat(10), "invalid-phone"),
        new Bad(15, "thừa", "unexpected-column"),
        new Bad(14, "Có Dấu", "invalid-account"),
        new Bad(14, "member1", "account-taken"));
  }

  @Test
  void everyBadCellInCsvAndXlsxIsAnsweredWithItsRowAndColumnAndNothingIsWritten() {
    int members = members();
    int answered = 0;
    for (Bad bad : badCells()) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(RosterFiles.heading());
      rows.add(RosterFiles.row("Nguyễn Văn Tốt", "RC000001", "ri-cb1"));
      List<String> row = RosterFiles.row("Trần Thị Lỗi", "RC000002", "ri-cb2");
      while (row.size() <= bad.column()) {
        row.add("");
      }
      row.set(bad.column(), bad.value());
      rows.add(row);
      String column = ImportColumn.letter(bad.column());
      expect(RosterFiles.csv(rows), "bad.csv", 3, column, bad.reason());
      expect(
          RosterFiles.csv(rows, ';', false, StandardCharsets.UTF_8),
          "bad-semicolon.csv",
          3,
          column,
          bad.reason());
      // XML 1.0 cannot hold a control character: an XLSX carries it escaped (_x0007_), as text, not
      // as one
      if (!bad.reason().equals("control-characters")) {
        expect(RosterFiles.xlsx(rows), "bad.xlsx", 3, column, bad.reason());
        answered++;
      }
      answered += 2;
    }
    // a card number twice in one file, at the second row that has it
    List<List<String>> twice =
        new ArrayList<>(
            List.of(
                RosterFiles.heading(),
                RosterFiles.row("A Một", "RC000009", "ri-cb1"),
                RosterFiles.row("B Hai", "RC000008", "ri-cb1"),
                RosterFiles.row("C Ba", "RC000009", "ri-cb2")));
    expect(RosterFiles.csv(twice), "twice.csv", 4, "D", "card-duplicated");
    expect(RosterFiles.xlsx(twice), "twice.xlsx", 4, "D", "card-duplicated");
    answered += 2;
    assertThat(answered).isGreaterThanOrEqualTo(100);
    assertThat(members()).isEqualTo(members);
  }

  @Test
  void badFilesAreAnsweredWithARowAndAColumnToo() throws Exception {
    int members = members();
    List<List<String>> good =
        List.of(
            RosterFiles.heading(),
            RosterFiles.row("Nguyễn Văn Tốt", "RC100001", "ri-cb1"),
            RosterFiles.row("Lê Văn Sai", "RC100002", "ri-cb2"));
    // legacy encodings: a byte that is not UTF-8 at row 3, in the name (A) or in the branch (G)
    expect(
        RosterFiles.csv(good, ',', false, Charset.forName("windows-1258")),
        "cp1258.csv",
        1,
        "A",
        "encoding");
    expect(
        RosterFiles.csv(good, ',', false, StandardCharsets.ISO_8859_1),
        "latin1.csv",
        1,
        "A",
        "encoding");
    String english =
        String.join(
            ",",
            java.util.Arrays.stream(ImportColumn.values())
                .map(ImportColumn::englishHeading)
                .toList());
    String latin =
        english
            + "\r\nOk,15/03/1985,Nam,RC100003,19/05/2010,,ri-cb1\r\nOk,15/03/1985,Nam,RC100004,19/05/2010,,ri-c\u00e9\r\n";
    expect(latin.getBytes(StandardCharsets.ISO_8859_1), "mixed.csv", 3, "G", "encoding");
    // an unclosed quote at row 3
    String unclosed =
        new String(RosterFiles.csv(good.subList(0, 2)), StandardCharsets.UTF_8)
            + "\"Lê Văn Sai,15/03/1985,Nam,RC100002\r\n";
    expect(unclosed.getBytes(StandardCharsets.UTF_8), "unclosed.csv", 3, "A", "malformed-csv");
    // not a file of ours
    expect(
        "%PDF-1.4 not a roster".getBytes(StandardCharsets.US_ASCII),
        "roster.xlsx",
        1,
        "A",
        "unreadable-file");
    byte[] xlsx = RosterFiles.xlsx(good);
    expect(
        java.util.Arrays.copyOf(xlsx, xlsx.length / 2),
        "truncated.xlsx",
        1,
        "A",
        "unreadable-file");
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("readme.txt"));
      out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
    }
    expect(zip.toByteArray(), "zip.xlsx", 1, "A", "unreadable-file");
    // headings
    expect(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "bom-only.csv", 1, "A", "no-heading");
    expect(RosterFiles.csv(List.of(RosterFiles.heading())), "heading-only.csv", 2, "A", "no-rows");
    List<String> wrongHeading = RosterFiles.heading();
    wrongHeading.set(0, "Tên");
    expect(
        RosterFiles.csv(List.of(wrongHeading, good.get(1))),
        "heading.csv",
        1,
        "A",
        "unexpected-heading");
    expect(
        RosterFiles.csv(List.of(wrongHeading, good.get(1))),
        "heading.csv",
        1,
        "A",
        "missing-column");
    List<String> twiceHeading = RosterFiles.heading();
    twiceHeading.add("Họ và tên");
    expect(
        RosterFiles.xlsx(List.of(twiceHeading, good.get(1))),
        "heading.xlsx",
        1,
        "P",
        "duplicated-heading");
    // XLSX cells that are not text: a formula, an error value, a boolean where a date belongs, a
    // huge cell
    expect(
        RosterFiles.xlsx(good, sheet -> sheet.getRow(2).getCell(3).setCellFormula("\"RC\"&100002")),
        "formula.xlsx",
        3,
        "D",
        "formula");
    expect(
        RosterFiles.xlsx(
            good,
            sheet -> sheet.getRow(2).getCell(1).setCellErrorValue(FormulaError.DIV0.getCode())),
        "error.xlsx",
        3,
        "B",
        "error-value");
    expect(
        RosterFiles.xlsx(good, sheet -> sheet.getRow(2).getCell(1).setCellValue(true)),
        "boolean.xlsx",
        3,
        "B",
        "invalid-date");
    expect(
        RosterFiles.xlsx(good, sheet -> sheet.getRow(2).getCell(7).setCellValue("z".repeat(32000))),
        "huge.xlsx",
        3,
        "H",
        "too-long");
    expect(
        RosterFiles.xlsx(good, sheet -> sheet.getRow(2).getCell(1).setCellValue(12.5)),
        "number.xlsx",
        3,
        "B",
        "invalid-date");
    assertThat(members()).isEqualTo(members);
  }

  @Test
  void goodFilesInTheOtherShapesPeopleSaveAreReadRight() {
    List<List<String>> good =
        List.of(
            RosterFiles.heading(),
            RosterFiles.row("Nguyễn Văn Tốt", "RC200001", "ri-cb1"),
            RosterFiles.row("Lê Thị Ổn", "RC200002", "Chi bộ Khối phố 2"));
    clean(RosterFiles.csv(good, ';', true, StandardCharsets.UTF_8), "semicolon-bom.csv");
    clean(RosterFiles.csv(good, ',', false, StandardCharsets.UTF_8), "no-bom.csv");
    clean(RosterFiles.csv(good, '\t', false, StandardCharsets.UTF_16), "unicode.txt");
    // Excel's own cell types: a date cell, a card number stored as a number, a TRUE flag
    clean(
        RosterFiles.xlsx(
            List.of(RosterFiles.heading(), RosterFiles.row("Nguyễn Văn Tốt", "1", "ri-cb1")),
            sheet -> {
              CellStyle date = sheet.getWorkbook().createCellStyle();
              date.setDataFormat(
                  sheet
                      .getWorkbook()
                      .getCreationHelper()
                      .createDataFormat()
                      .getFormat("dd/mm/yyyy"));
              sheet.getRow(1).getCell(1).setCellValue(LocalDate.of(1985, 3, 15));
              sheet.getRow(1).getCell(1).setCellStyle(date);
              sheet.getRow(1).getCell(3).setCellValue(20012345);
              sheet.getRow(1).getCell(9).setCellValue(true);
            }),
        "cells.xlsx");
  }

  private void clean(byte[] file, String name) {
    JsonNode preview = json(upload(file, name));
    assertThat(preview.get("problemsTotal").asInt())
        .as(name + ": " + preview.get("problems"))
        .isZero();
    assertThat(preview.get("toCreate").asInt()).as(name).isPositive();
  }

  private void expect(byte[] file, String name, int row, String column, String reason) {
    String body = upload(file, name);
    JsonNode preview = json(body);
    assertThat(preview.has("problems")).as(name + ": " + body).isTrue();
    RosterImportApiTest.assertProblem(preview, row, column, reason);
    int status =
        as("admin")
            .post()
            .uri("/api/v1/roster-imports/{id}/commit", preview.get("id").asText())
            .retrieve()
            .toEntity(String.class)
            .getStatusCode()
            .value();
    assertThat(status).as(name + " commit").isEqualTo(400);
  }

  private String upload(byte[] file, String name) {
    return as("admin")
        .post()
        .uri("/api/v1/organizations/{o}/roster-imports?fileName={n}", WARD, name)
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(file)
        .retrieve()
        .toEntity(String.class)
        .getBody();
  }

  private int members() {
    return jdbc.sql(
            "select count(*) from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id "
                + "where b.organization_id = :o")
        .param("o", WARD)
        .query(Integer.class)
        .single();
  }
}
