package vn.party.evaluation.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.party.evaluation.report.OrganizationReport.BranchLine;
import vn.party.evaluation.rules.Level;

/** The summary table as a spreadsheet: numbers as numbers, so that a secretary can add up and chart them. */
final class XlsxReport {

  private XlsxReport() {}

  static byte[] write(OrganizationReport report, ReportLabels labels) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(labels.text("report.sheet", report.year()));
      CellStyle title = book.createCellStyle();
      Styles styles = Styles.of(book);
      title.setFont(styles.bold());
      CellStyle header = styles.header();
      header.setAlignment(HorizontalAlignment.CENTER);
      CellStyle cell = styles.cell();
      CellStyle percent = styles.percent();

      int r = 0;
      sheet.createRow(r++).createCell(0).setCellValue(labels.text("report.title", report.year()));
      sheet.getRow(0).getCell(0).setCellStyle(title);
      sheet
          .createRow(r++)
          .createCell(0)
          .setCellValue(
              labels.text(
                  "report.subtitle",
                  report.organizationName(),
                  labels.regulation(report.regulation())));
      r++;
      List<String> columns = columns(labels);
      Row head = sheet.createRow(r++);
      for (int c = 0; c < columns.size(); c++) {
        head.createCell(c).setCellValue(columns.get(c));
        head.getCell(c).setCellStyle(header);
      }
      int number = 1;
      for (BranchLine line : report.branches()) {
        line(
            sheet.createRow(r++), String.valueOf(number++), line.branchName(), line, cell, percent);
      }
      Row total = sheet.createRow(r++);
      line(total, "", labels.text("report.total"), report.total(), header, percent);
      r++;
      sheet
          .createRow(r++)
          .createCell(0)
          .setCellValue(
              labels.text(
                  "report.quota",
                  report.quota().excellent(),
                  report.quota().maxExcellent(),
                  report.quota().good()));
      if (!report.total().notRatedByReason().isEmpty()) {
        sheet.createRow(r++).createCell(0).setCellValue(labels.text("report.not-rated"));
        for (var reason : report.total().notRatedByReason().entrySet()) {
          Row row = sheet.createRow(r++);
          row.createCell(1).setCellValue(labels.reason(reason.getKey()));
          row.createCell(2).setCellValue(reason.getValue());
        }
      }
      r = collectives(sheet, r, report.collectives(), labels, header, cell, percent);
      if (report.previousYear() != null) {
        r++;
        sheet
            .createRow(r++)
            .createCell(0)
            .setCellValue(labels.text("report.previous", report.year() - 1));
        for (Level level : Level.values()) {
          Row row = sheet.createRow(r++);
          row.createCell(1).setCellValue(labels.level(level));
          row.createCell(2).setCellValue(report.previousYear().of(level));
          row.createCell(3).setCellValue(report.previousYear().percent(level));
          row.createCell(4).setCellValue(report.total().counts().of(level));
          row.createCell(5).setCellValue(report.total().counts().percent(level));
        }
      }
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
      sheet.setColumnWidth(1, 30 * 256);
      for (int c = 2; c < columns.size(); c++) {
        sheet.setColumnWidth(c, 14 * 256);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One branch: members, not rated, share evaluated; then a line per level with this year's count and share and
   * the year before's; then those not rated by reason.
   */
  static byte[] writeBranch(BranchReport report, ReportLabels labels) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(labels.text("report.sheet", report.year()));
      Styles styles = Styles.of(book);
      CellStyle header = styles.header();
      CellStyle cell = styles.cell();
      CellStyle percent = styles.percent();
      int r = 0;
      sheet
          .createRow(r++)
          .createCell(0)
          .setCellValue(labels.text("report.branch-title", report.year()));
      sheet
          .createRow(r++)
          .createCell(0)
          .setCellValue(
              labels.text(
                  "report.branch-subtitle",
                  report.branchName(),
                  report.organizationName(),
                  labels.regulation(report.regulation())));
      r++;
      BranchLine line = report.line();
      r = figure(sheet, r, labels.text("report.col.members"), line.members(), cell);
      r = figure(sheet, r, labels.text("report.col.not-rated"), line.notRated(), cell);
      r = figure(sheet, r, labels.text("report.col.evaluated"), line.counts().evaluated(), cell);
      Row share = sheet.createRow(r++);
      share.createCell(0).setCellValue(labels.text("report.evaluated-share"));
      share.createCell(1).setCellValue(report.evaluatedPercent());
      share.getCell(1).setCellStyle(percent);
      r = figure(sheet, r, labels.text("report.col.undecided"), line.counts().undecided(), cell);
      r++;
      Row head = sheet.createRow(r++);
      List<String> columns =
          List.of(
              labels.text("report.col.level"),
              labels.text("report.col.count"),
              "%",
              labels.text("report.col.previous", report.year() - 1),
              "% " + (report.year() - 1));
      for (int c = 0; c < columns.size(); c++) {
        head.createCell(c).setCellValue(columns.get(c));
        head.getCell(c).setCellStyle(header);
      }
      for (Level level : Level.values()) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(labels.level(level));
        row.createCell(1).setCellValue(line.counts().of(level));
        row.createCell(2).setCellValue(line.counts().percent(level));
        if (report.previousYear() != null) {
          row.createCell(3).setCellValue(report.previousYear().counts().of(level));
          row.createCell(4).setCellValue(report.previousYear().counts().percent(level));
        } else {
          row.createCell(3).setCellValue("–");
          row.createCell(4).setCellValue("–");
        }
        for (int c = 0; c < 5; c++) {
          row.getCell(c).setCellStyle(c == 2 || c == 4 ? percent : cell);
        }
      }
      if (!line.notRatedByReason().isEmpty()) {
        r++;
        sheet.createRow(r++).createCell(0).setCellValue(labels.text("report.not-rated"));
        for (var reason : line.notRatedByReason().entrySet()) {
          Row row = sheet.createRow(r++);
          row.createCell(0).setCellValue(labels.reason(reason.getKey()));
          row.createCell(1).setCellValue(reason.getValue());
        }
      }
      sheet.setColumnWidth(0, 34 * 256);
      for (int c = 1; c < 5; c++) {
        sheet.setColumnWidth(c, 14 * 256);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int figure(Sheet sheet, int r, String label, int value, CellStyle style) {
    Row row = sheet.createRow(r);
    row.createCell(0).setCellValue(label);
    row.createCell(1).setCellValue(value);
    row.getCell(1).setCellStyle(style);
    return r + 1;
  }

  /** STT, branch, members, not rated, evaluated, then count and % per level, then not decided yet. */
  static List<String> columns(ReportLabels labels) {
    List<String> columns =
        new ArrayList<>(
            List.of(
                labels.text("report.col.number"),
                labels.text("report.col.branch"),
                labels.text("report.col.members"),
                labels.text("report.col.not-rated"),
                labels.text("report.col.evaluated")));
    for (Level level : Level.values()) {
      columns.add(labels.level(level));
      columns.add("%");
    }
    columns.add(labels.text("report.col.undecided"));
    return columns;
  }

  private static void line(
      Row row, String number, String name, BranchLine line, CellStyle style, CellStyle percent) {
    int c = 0;
    row.createCell(c++).setCellValue(number);
    row.createCell(c++).setCellValue(name);
    row.createCell(c++).setCellValue(line.members());
    row.createCell(c++).setCellValue(line.notRated());
    row.createCell(c++).setCellValue(line.counts().evaluated());
    for (Level level : Level.values()) {
      row.createCell(c++).setCellValue(line.counts().of(level));
      row.createCell(c++).setCellValue(line.counts().percent(level));
    }
    row.createCell(c).setCellValue(line.counts().undecided());
    for (int i = 0; i <= c; i++) {
      boolean isPercent = i >= 5 && i < 5 + 2 * Level.values().length && (i - 5) % 2 == 1;
      row.getCell(i).setCellStyle(isPercent ? percent : style);
    }
  }

  /** The collective ratings: each branch's level, the branches per level (count, %), the organization's own level. */
  private static int collectives(
      Sheet sheet,
      int r,
      OrganizationReport.Collectives collectives,
      ReportLabels labels,
      CellStyle header,
      CellStyle cell,
      CellStyle percent) {
    if (collectives.isEmpty()) {
      return r;
    }
    r++;
    sheet.createRow(r++).createCell(0).setCellValue(labels.text("report.collectives"));
    int number = 1;
    for (OrganizationReport.CollectiveLine line : collectives.branches()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(number++);
      row.createCell(1).setCellValue(line.name());
      row.createCell(2).setCellValue(labels.collective(line));
    }
    Row head = sheet.createRow(r++);
    Row counts = sheet.createRow(r++);
    head.createCell(1).setCellValue(labels.text("report.collectives.branches"));
    head.getCell(1).setCellStyle(header);
    counts.createCell(1).setCellValue(collectives.branchCounts().evaluated());
    counts.getCell(1).setCellStyle(cell);
    int c = 2;
    for (Level level : Level.values()) {
      head.createCell(c).setCellValue(labels.level(level));
      head.createCell(c + 1).setCellValue("%");
      head.getCell(c).setCellStyle(header);
      head.getCell(c + 1).setCellStyle(header);
      counts.createCell(c).setCellValue(collectives.branchCounts().of(level));
      counts.createCell(c + 1).setCellValue(collectives.branchCounts().percent(level));
      counts.getCell(c).setCellStyle(cell);
      counts.getCell(c + 1).setCellStyle(percent);
      c += 2;
    }
    if (collectives.organization() != null) {
      Row row = sheet.createRow(r++);
      row.createCell(1)
          .setCellValue(
              labels.text("report.collectives.organization")
                  + ": "
                  + collectives.organization().name());
      row.createCell(2).setCellValue(labels.collective(collectives.organization()));
    }
    return r;
  }

  /** The styles both sheets share: a bold font; bordered header (bold, wrapped), cell and one-decimal percent. */
  private record Styles(Font bold, CellStyle header, CellStyle cell, CellStyle percent) {

    static Styles of(XSSFWorkbook book) {
      Font bold = book.createFont();
      bold.setBold(true);
      CellStyle header = book.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      border(header);
      CellStyle cell = book.createCellStyle();
      border(cell);
      CellStyle percent = book.createCellStyle();
      border(percent);
      percent.setDataFormat(book.createDataFormat().getFormat("0.0"));
      return new Styles(bold, header, cell, percent);
    }
  }

  private static void border(CellStyle style) {
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
  }
}
