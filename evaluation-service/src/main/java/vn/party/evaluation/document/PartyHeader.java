package vn.party.evaluation.document;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import vn.party.evaluation.portal.PdfFonts;

/**
 * The header lines of a party document (Hướng dẫn thể thức văn bản của Đảng): on the left the superior unit, the
 * issuing unit in bold, a star and the number; on the right "ĐẢNG CỘNG SẢN VIỆT NAM", underlined, and below it the
 * place and date in words. The official papers ({@link OfficialPdf}), the member's record and the reports print the
 * same header, built by {@link OfficialDocuments#branchHeader} or {@link OfficialDocuments#organizationHeader}.
 *
 * @param superiorUnit the superior unit, upper case; null: a dotted line
 * @param issuingUnit the issuing unit, upper case
 * @param number the document's number, null for documents without one
 * @param placeAndDate "Thanh Khê, ngày 06 tháng 12 năm 2026"
 */
public record PartyHeader(
    String superiorUnit, String issuingUnit, String number, String placeAndDate) {

  /** Adds the two columns of header lines to a PDF being written. */
  public void writeTo(Document pdf) {
    PdfPTable header = new PdfPTable(new float[] {50, 50});
    header.setWidthPercentage(100);
    header.setSpacingAfter(4);
    PdfPCell left = cell();
    left.addElement(
        centered(
            superiorUnit == null ? "……………………" : superiorUnit, PdfFonts.serif(12, Font.NORMAL)));
    left.addElement(centered(issuingUnit, PdfFonts.serif(12, Font.BOLD)));
    left.addElement(centered("*", PdfFonts.serif(13, Font.NORMAL)));
    if (number != null) {
      left.addElement(centered(number, PdfFonts.serif(13, Font.NORMAL)));
    }
    PdfPCell right = cell();
    right.addElement(
        centered("ĐẢNG CỘNG SẢN VIỆT NAM", PdfFonts.serif(14, Font.BOLD | Font.UNDERLINE)));
    Paragraph date = centered(placeAndDate, PdfFonts.serif(13, Font.ITALIC));
    date.setSpacingBefore(10);
    right.addElement(date);
    header.addCell(left);
    header.addCell(right);
    pdf.add(header);
  }

  /** A table cell without borders, as the party's papers lay out their header and signature blocks. */
  static PdfPCell cell() {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    return cell;
  }

  /** A centred paragraph with the papers' line spacing. */
  static Paragraph centered(String text, Font font) {
    Paragraph p = new Paragraph(text, font);
    p.setAlignment(Element.ALIGN_CENTER);
    p.setLeading(font.getSize() * 1.25f);
    return p;
  }
}
