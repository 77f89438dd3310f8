package vn.party.evaluation.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import vn.party.evaluation.document.OfficialDocument.Block;
import vn.party.evaluation.document.OfficialDocument.Field;
import vn.party.evaluation.document.OfficialDocument.Heading;
import vn.party.evaluation.document.OfficialDocument.Signature;
import vn.party.evaluation.document.OfficialDocument.Table;
import vn.party.evaluation.document.OfficialDocument.Text;
import vn.party.evaluation.portal.PdfFonts;

/**
 * An {@link OfficialDocument} as a PDF: A4 portrait, margins of the guidance (top and bottom 20 mm, left 30 mm, right
 * 15 mm), Liberation Serif (Times New Roman's metrics), the header lines in two columns, the title centred, the
 * signature blocks on the right and "Nơi nhận" on the left.
 */
final class OfficialPdf {

  private static final float MM = 72f / 25.4f;
  private static final float BODY = 13;

  private OfficialPdf() {}

  static byte[] write(OfficialDocument doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document pdf = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
    PdfWriter writer = PdfWriter.getInstance(pdf, out);
    pdf.addTitle(doc.title() + (doc.subtitle() == null ? "" : " " + doc.subtitle()));
    pdf.addCreator("evaluation-service");
    pdf.open();
    header(pdf, doc);
    if (doc.draft()) {
      Paragraph draft = new Paragraph("DỰ THẢO", PdfFonts.serif(12, Font.BOLD));
      draft.setAlignment(Element.ALIGN_RIGHT);
      pdf.add(draft);
    }
    Paragraph title = paragraph(doc.title(), PdfFonts.serif(15, Font.BOLD));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingBefore(14);
    pdf.add(title);
    if (doc.subtitle() != null) {
      Paragraph subtitle = paragraph(doc.subtitle(), PdfFonts.serif(14, Font.BOLD));
      subtitle.setAlignment(Element.ALIGN_CENTER);
      pdf.add(subtitle);
    }
    Paragraph rule = new Paragraph("-----", PdfFonts.serif(BODY, Font.NORMAL));
    rule.setAlignment(Element.ALIGN_CENTER);
    rule.setSpacingAfter(8);
    pdf.add(rule);
    int kept = OfficialDocument.keptWithSignatures(doc.body());
    List<Block> before = doc.body().subList(0, doc.body().size() - kept);
    for (Block block : before) {
      pdf.add(block(block));
    }
    pdf.add(signatures(doc, doc.body().subList(before.size(), doc.body().size())));
    pdf.close();
    writer.close();
    return out.toByteArray();
  }

  private static void header(Document pdf, OfficialDocument doc) {
    new PartyHeader(doc.superiorUnit(), doc.issuingUnit(), doc.number(), doc.placeAndDate())
        .writeTo(pdf);
  }

  private static Element block(Block block) {
    if (block instanceof Heading h) {
      Paragraph p = paragraph(h.text(), PdfFonts.serif(BODY, Font.BOLD));
      p.setSpacingBefore(6);
      p.setSpacingAfter(2);
      return p;
    }
    if (block instanceof Text t) {
      Paragraph p =
          paragraph(
              t.text(),
              PdfFonts.serif(
                  BODY,
                  (t.italic() ? Font.ITALIC : Font.NORMAL) | (t.bold() ? Font.BOLD : Font.NORMAL)));
      p.setAlignment(t.centered() ? Element.ALIGN_CENTER : Element.ALIGN_JUSTIFIED);
      p.setFirstLineIndent(t.centered() ? 0 : 10 * MM);
      p.setSpacingAfter(3);
      return p;
    }
    if (block instanceof Field f) {
      Paragraph p = new Paragraph();
      Font font = PdfFonts.serif(BODY, Font.NORMAL);
      p.add(new Chunk(Glyphs.shown(f.label() + ": ", font), font));
      p.add(
          new Chunk(
              f.value() == null || f.value().isBlank() ? "……………" : Glyphs.shown(f.value(), font),
              font));
      p.setSpacingAfter(2);
      return p;
    }
    if (block instanceof OfficialDocument.Signed signed) {
      return signatures(signed.signatures(), List.of(), List.of());
    }
    return table((Table) block);
  }

  private static PdfPTable table(Table t) {
    PdfPTable table = new PdfPTable(t.widths());
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(6);
    table.setHeaderRows(1);
    for (String header : t.headers()) {
      PdfPCell cell = new PdfPCell(phrase(header, PdfFonts.serif(11, Font.BOLD)));
      cell.setHorizontalAlignment(Element.ALIGN_CENTER);
      cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
      cell.setPadding(4);
      table.addCell(cell);
    }
    for (List<String> row : t.rows()) {
      for (int i = 0; i < row.size(); i++) {
        String value = row.get(i) == null ? "" : row.get(i);
        PdfPCell cell = new PdfPCell(phrase(value, PdfFonts.serif(11, Font.NORMAL)));
        cell.setPadding(4);
        // numbers (STT, votes, points) centred, texts to the left
        cell.setHorizontalAlignment(
            value.matches("[0-9.,%/ —-]*") ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
        table.addCell(cell);
      }
    }
    return table;
  }

  /**
   * The signature blocks, kept on one page together with the last lines of the body before them ({@code kept}): a
   * signature alone on a page signs nothing one can read.
   */
  private static PdfPTable signatures(OfficialDocument doc, List<Block> kept) {
    return signatures(doc.signatures(), doc.recipients(), kept);
  }

  private static PdfPTable signatures(
      List<Signature> signatures, List<String> recipientList, List<Block> kept) {
    boolean recipients = !recipientList.isEmpty();
    int columns = Math.max(2, signatures.size() + (recipients ? 1 : 0));
    PdfPTable table = new PdfPTable(columns);
    table.setWidthPercentage(100);
    table.setKeepTogether(true);
    if (kept.isEmpty()) {
      table.setSpacingBefore(14);
    } else {
      PdfPCell last = cell();
      last.setColspan(columns);
      last.setPadding(0);
      last.setPaddingBottom(14);
      for (Block block : kept) {
        last.addElement(block(block));
      }
      table.addCell(last);
    }
    if (recipients) {
      PdfPCell cell = cell();
      Paragraph heading =
          new Paragraph("Nơi nhận:", PdfFonts.serif(12, Font.BOLDITALIC | Font.UNDERLINE));
      cell.addElement(heading);
      for (String recipient : recipientList) {
        cell.addElement(paragraph("- " + recipient, PdfFonts.serif(11, Font.NORMAL)));
      }
      table.addCell(cell);
    }
    for (int i = signatures.size() + (recipients ? 1 : 0); i < columns; i++) {
      table.addCell(cell());
    }
    // the names side by side on one line: blocks with fewer capacity lines get empty ones
    int lines = signatures.stream().mapToInt(s -> s.capacity().size()).max().orElse(0);
    for (Signature signature : signatures) {
      PdfPCell cell = cell();
      for (String line : signature.capacity()) {
        cell.addElement(centered(line, PdfFonts.serif(13, Font.BOLD)));
      }
      for (int i = signature.capacity().size(); i < lines; i++) {
        cell.addElement(centered(" ", PdfFonts.serif(13, Font.BOLD)));
      }
      if (signature.note() != null) {
        cell.addElement(centered(signature.note(), PdfFonts.serif(12, Font.ITALIC)));
      }
      Paragraph name =
          centered(
              signature.name() == null ? "……………………" : signature.name(),
              PdfFonts.serif(13, Font.BOLD));
      name.setSpacingBefore(60);
      cell.addElement(name);
      table.addCell(cell);
    }
    return table;
  }

  private static PdfPCell cell() {
    return PartyHeader.cell();
  }

  private static Paragraph centered(String text, Font font) {
    return PartyHeader.centered(Glyphs.shown(text, font), font);
  }

  private static Paragraph paragraph(String text, Font font) {
    return new Paragraph(Glyphs.shown(text, font), font);
  }

  private static Phrase phrase(String text, Font font) {
    return new Phrase(Glyphs.shown(text, font), font);
  }
}
