package vn.party.evaluation.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import vn.party.evaluation.document.PartyHeader;
import vn.party.evaluation.document.VietnameseFormats;
import vn.party.evaluation.portal.PdfFonts;
import vn.party.evaluation.report.OrganizationReport.BranchLine;
import vn.party.evaluation.rules.Level;

/**
 * The summary table as a PDF, landscape A4, in {@link PdfFonts}, under the party's header (the committee or the
 * branch, place and date in words: {@link PartyHeader}); numbers with a decimal comma.
 */
final class PdfReport {

  private PdfReport() {}

  static byte[] write(PartyHeader header, OrganizationReport report, ReportLabels labels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = opened(new Document(PageSize.A4.rotate(), 28, 28, 28, 28), out, header);
    Font text = PdfFonts.regular(9);
    Font bold = PdfFonts.bold(9);
    headings(
        document,
        labels.text("report.title", report.year()),
        labels.text(
            "report.subtitle", report.organizationName(), labels.regulation(report.regulation())),
        text);

    List<String> columns = XlsxReport.columns(labels);
    PdfPTable table = new PdfPTable(columns.size());
    table.setWidthPercentage(100);
    float[] widths = new float[columns.size()];
    Arrays.fill(widths, 1f);
    widths[0] = 0.5f;
    widths[1] = 3f;
    table.setWidths(widths);
    table.setHeaderRows(1);
    for (String column : columns) {
      PdfPCell cell = new PdfPCell(new Phrase(column, bold));
      cell.setHorizontalAlignment(Element.ALIGN_CENTER);
      cell.setBackgroundColor(new Color(239, 239, 234));
      table.addCell(cell);
    }
    int number = 1;
    for (BranchLine line : report.branches()) {
      line(table, String.valueOf(number++), line.branchName(), line, text);
    }
    line(table, "", labels.text("report.total"), report.total(), bold);
    document.add(table);

    Paragraph quota =
        new Paragraph(
            labels.text(
                "report.quota",
                report.quota().excellent(),
                report.quota().maxExcellent(),
                report.quota().good()),
            text);
    quota.setSpacingBefore(8);
    document.add(quota);
    if (!report.total().notRatedByReason().isEmpty()) {
      document.add(new Paragraph(labels.text("report.not-rated"), bold));
      report
          .total()
          .notRatedByReason()
          .forEach(
              (reason, n) ->
                  document.add(new Paragraph("– " + labels.reason(reason) + ": " + n, text)));
    }
    OrganizationReport.Collectives collectives = report.collectives();
    if (!collectives.isEmpty()) {
      Paragraph heading2 = new Paragraph(labels.text("report.collectives"), bold);
      heading2.setSpacingBefore(8);
      document.add(heading2);
      for (OrganizationReport.CollectiveLine line : collectives.branches()) {
        document.add(new Paragraph("– " + line.name() + ": " + labels.collective(line), text));
      }
      StringBuilder perLevel = new StringBuilder(labels.text("report.collectives.branches") + ": ");
      for (Level level : Level.values()) {
        perLevel
            .append(labels.level(level))
            .append(" ")
            .append(collectives.branchCounts().of(level))
            .append(" (")
            .append(percent(collectives.branchCounts().percent(level)))
            .append(" %); ");
      }
      document.add(new Paragraph(perLevel.toString(), text));
      if (collectives.organization() != null) {
        document.add(
            new Paragraph(
                labels.text("report.collectives.organization")
                    + ": "
                    + collectives.organization().name()
                    + " — "
                    + labels.collective(collectives.organization()),
                text));
      }
    }
    if (report.previousYear() != null) {
      document.add(new Paragraph(labels.text("report.previous", report.year() - 1), bold));
      for (Level level : Level.values()) {
        document.add(
            new Paragraph(
                "– "
                    + labels.level(level)
                    + ": "
                    + report.previousYear().of(level)
                    + " ("
                    + percent(report.previousYear().percent(level))
                    + " %) → "
                    + report.total().counts().of(level)
                    + " ("
                    + percent(report.total().counts().percent(level))
                    + " %)",
                text));
      }
    }
    document.close();
    return out.toByteArray();
  }

  /** One branch, portrait A4: the figures, a line per level against the year before, those not rated. */
  static byte[] writeBranch(PartyHeader header, BranchReport report, ReportLabels labels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = opened(new Document(PageSize.A4, 36, 36, 36, 36), out, header);
    Font text = PdfFonts.regular(10);
    Font bold = PdfFonts.bold(10);
    headings(
        document,
        labels.text("report.branch-title", report.year()),
        labels.text(
            "report.branch-subtitle",
            report.branchName(),
            report.organizationName(),
            labels.regulation(report.regulation())),
        text);
    BranchLine line = report.line();
    document.add(
        new Paragraph(
            labels.text("report.col.members")
                + ": "
                + line.members()
                + " · "
                + labels.text("report.col.not-rated")
                + ": "
                + line.notRated()
                + " · "
                + labels.text("report.col.evaluated")
                + ": "
                + line.counts().evaluated()
                + " ("
                + percent(report.evaluatedPercent())
                + " %) · "
                + labels.text("report.col.undecided")
                + ": "
                + line.counts().undecided(),
            text));
    PdfPTable table = new PdfPTable(5);
    table.setWidthPercentage(100);
    table.setSpacingBefore(8);
    table.setWidths(new float[] {3f, 1f, 1f, 1f, 1f});
    for (String column :
        List.of(
            labels.text("report.col.level"),
            labels.text("report.col.count"),
            "%",
            labels.text("report.col.previous", report.year() - 1),
            "% " + (report.year() - 1))) {
      PdfPCell cell = new PdfPCell(new Phrase(column, bold));
      cell.setBackgroundColor(new Color(239, 239, 234));
      table.addCell(cell);
    }
    for (Level level : Level.values()) {
      table.addCell(new Phrase(labels.level(level), text));
      table.addCell(right(String.valueOf(line.counts().of(level)), text));
      table.addCell(right(percent(line.counts().percent(level)), text));
      table.addCell(
          right(
              report.previousYear() == null
                  ? "–"
                  : String.valueOf(report.previousYear().counts().of(level)),
              text));
      table.addCell(
          right(
              report.previousYear() == null
                  ? "–"
                  : percent(report.previousYear().counts().percent(level)),
              text));
    }
    document.add(table);
    if (!line.notRatedByReason().isEmpty()) {
      document.add(new Paragraph(labels.text("report.not-rated"), bold));
      line.notRatedByReason()
          .forEach(
              (reason, n) ->
                  document.add(new Paragraph("– " + labels.reason(reason) + ": " + n, text)));
    }
    document.close();
    return out.toByteArray();
  }

  private static void line(
      PdfPTable table, String number, String name, BranchLine line, Font font) {
    table.addCell(new Phrase(number, font));
    table.addCell(new Phrase(name, font));
    table.addCell(right(String.valueOf(line.members()), font));
    table.addCell(right(String.valueOf(line.notRated()), font));
    table.addCell(right(String.valueOf(line.counts().evaluated()), font));
    for (Level level : Level.values()) {
      table.addCell(right(String.valueOf(line.counts().of(level)), font));
      table.addCell(right(percent(line.counts().percent(level)), font));
    }
    table.addCell(right(String.valueOf(line.counts().undecided()), font));
  }

  /** A share as Vietnamese writes it on paper: "66,7" (the column or the text says "%"). */
  private static String percent(double value) {
    return VietnameseFormats.decimal(value);
  }

  private static PdfPCell right(String value, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(value, font));
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return cell;
  }

  /** The document opened, writing to {@code out}, with the party header first. */
  private static Document opened(Document document, ByteArrayOutputStream out, PartyHeader header) {
    PdfWriter.getInstance(document, out);
    document.open();
    header.writeTo(document);
    return document;
  }

  /** The report's title (bold, 13 points) and the line under it, centred. */
  private static void headings(Document document, String title, String subtitle, Font text) {
    Paragraph heading = new Paragraph(title, PdfFonts.bold(13));
    heading.setAlignment(Element.ALIGN_CENTER);
    heading.setSpacingBefore(8);
    document.add(heading);
    Paragraph under = new Paragraph(subtitle, text);
    under.setAlignment(Element.ALIGN_CENTER);
    under.setSpacingAfter(10);
    document.add(under);
  }
}
