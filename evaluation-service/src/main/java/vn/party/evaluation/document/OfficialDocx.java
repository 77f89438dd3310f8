package vn.party.evaluation.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import vn.party.evaluation.document.OfficialDocument.Block;
import vn.party.evaluation.document.OfficialDocument.Field;
import vn.party.evaluation.document.OfficialDocument.Heading;
import vn.party.evaluation.document.OfficialDocument.Signature;
import vn.party.evaluation.document.OfficialDocument.Table;
import vn.party.evaluation.document.OfficialDocument.Text;

/**
 * An {@link OfficialDocument} as a Word document (DOCX) that officers edit before signing: the same layout as
 * {@link OfficialPdf} in Times New Roman, the header lines and the signature blocks in tables without borders.
 */
final class OfficialDocx {

  /** The text's width on A4 between the guidance's margins (210 − 30 − 15 mm), in twips (1/1440 inch). */
  private static final long TEXT_WIDTH_TWIPS = Math.round(165 / 25.4 * 1440);

  private static final String FONT = "Times New Roman";

  /** Twentieths of a point per millimetre. */
  private static final double TWIPS_PER_MM = 1440 / 25.4;

  private OfficialDocx() {}

  static byte[] write(OfficialDocument doc) {
    try (XWPFDocument docx = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      page(docx);
      docx.getProperties().getCoreProperties().setTitle(doc.title());
      header(docx, doc);
      if (doc.draft()) {
        run(paragraph(docx, ParagraphAlignment.RIGHT), "DỰ THẢO", 12, true, false);
      }
      XWPFParagraph title = paragraph(docx, ParagraphAlignment.CENTER);
      title.setSpacingBefore(240);
      run(title, doc.title(), 15, true, false);
      if (doc.subtitle() != null) {
        run(paragraph(docx, ParagraphAlignment.CENTER), doc.subtitle(), 14, true, false);
      }
      run(paragraph(docx, ParagraphAlignment.CENTER), "-----", 13, false, false);
      int keptFrom = doc.body().size() - OfficialDocument.keptWithSignatures(doc.body());
      for (int i = 0; i < doc.body().size(); i++) {
        block(docx, doc.body().get(i));
        if (i >= keptFrom) {
          // the last lines stay on the signatures' page: a signature alone on a page signs nothing
          docx.getParagraphs().get(docx.getParagraphs().size() - 1).setKeepNext(true);
        }
      }
      signatures(docx, doc);
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void page(XWPFDocument docx) {
    CTSectPr section = docx.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(Math.round(210 * TWIPS_PER_MM)));
    size.setH(BigInteger.valueOf(Math.round(297 * TWIPS_PER_MM)));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(Math.round(20 * TWIPS_PER_MM)));
    margins.setBottom(BigInteger.valueOf(Math.round(20 * TWIPS_PER_MM)));
    margins.setLeft(BigInteger.valueOf(Math.round(30 * TWIPS_PER_MM)));
    margins.setRight(BigInteger.valueOf(Math.round(15 * TWIPS_PER_MM)));
  }

  private static void header(XWPFDocument docx, OfficialDocument doc) {
    XWPFTable table = borderless(docx, 1, 2);
    XWPFTableCell left = table.getRow(0).getCell(0);
    XWPFTableCell right = table.getRow(0).getCell(1);
    width(left, 50);
    width(right, 50);
    run(
        first(left),
        doc.superiorUnit() == null ? "……………………" : doc.superiorUnit(),
        12,
        false,
        false);
    run(next(left), doc.issuingUnit(), 12, true, false);
    run(next(left), "*", 13, false, false);
    if (doc.number() != null) {
      run(next(left), doc.number(), 13, false, false);
    }
    XWPFRun party = run(first(right), "ĐẢNG CỘNG SẢN VIỆT NAM", 14, true, false);
    party.setUnderline(UnderlinePatterns.SINGLE);
    XWPFParagraph date = next(right);
    date.setSpacingBefore(200);
    run(date, doc.placeAndDate(), 13, false, true);
  }

  private static void block(XWPFDocument docx, Block block) {
    if (block instanceof Heading h) {
      XWPFParagraph p = paragraph(docx, ParagraphAlignment.LEFT);
      p.setSpacingBefore(120);
      run(p, h.text(), 13, true, false);
    } else if (block instanceof Text t) {
      XWPFParagraph p =
          paragraph(docx, t.centered() ? ParagraphAlignment.CENTER : ParagraphAlignment.BOTH);
      if (!t.centered()) {
        p.setIndentationFirstLine((int) Math.round(10 * TWIPS_PER_MM));
      }
      lines(p, t.text(), 13, t.bold(), t.italic());
    } else if (block instanceof Field f) {
      XWPFParagraph p = paragraph(docx, ParagraphAlignment.LEFT);
      run(
          p,
          f.label() + ": " + (f.value() == null || f.value().isBlank() ? "……………" : f.value()),
          13,
          false,
          false);
    } else if (block instanceof OfficialDocument.Signed signed) {
      signatures(docx, signed.signatures(), List.of());
      paragraph(docx, ParagraphAlignment.LEFT);
    } else {
      table(docx, (Table) block);
    }
  }

  private static void table(XWPFDocument docx, Table t) {
    XWPFTable table = docx.createTable(t.rows().size() + 1, t.headers().size());
    table.setWidth("100%");
    float total = 0;
    for (float w : t.widths()) {
      total += w;
    }
    // the grid's columns in twips: Word and LibreOffice lay the table out from them (a cell's width
    // alone is not
    // enough for LibreOffice, which then gives every column the same width)
    CTTblGrid grid =
        table.getCTTbl().getTblGrid() != null
            ? table.getCTTbl().getTblGrid()
            : table.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() < t.headers().size()) {
      grid.addNewGridCol();
    }
    for (int c = 0; c < t.headers().size(); c++) {
      grid.getGridColArray(c)
          .setW(BigInteger.valueOf(Math.round(TEXT_WIDTH_TWIPS * t.widths()[c] / total)));
    }
    List<XWPFTableRow> rows = table.getRows();
    for (int c = 0; c < t.headers().size(); c++) {
      XWPFTableCell cell = rows.get(0).getCell(c);
      width(cell, Math.round(100 * t.widths()[c] / total));
      XWPFParagraph p = first(cell);
      p.setAlignment(ParagraphAlignment.CENTER);
      run(p, t.headers().get(c), 11, true, false);
    }
    rows.get(0).setRepeatHeader(true);
    for (int r = 0; r < t.rows().size(); r++) {
      List<String> row = t.rows().get(r);
      for (int c = 0; c < row.size(); c++) {
        String value = row.get(c) == null ? "" : row.get(c);
        XWPFParagraph p = first(rows.get(r + 1).getCell(c));
        p.setAlignment(
            value.matches("[0-9.,%/ —-]*") ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        lines(p, value, 11, false, false);
      }
    }
    paragraph(docx, ParagraphAlignment.LEFT);
  }

  private static void signatures(XWPFDocument docx, OfficialDocument doc) {
    signatures(docx, doc.signatures(), doc.recipients());
  }

  private static void signatures(
      XWPFDocument docx, List<Signature> signatures, List<String> recipientList) {
    boolean recipients = !recipientList.isEmpty();
    int columns = Math.max(2, signatures.size() + (recipients ? 1 : 0));
    XWPFTable table = borderless(docx, 1, columns);
    table.getRow(0).setCantSplitRow(true);
    List<XWPFTableCell> cells = new ArrayList<>(table.getRow(0).getTableCells());
    int at = 0;
    if (recipients) {
      XWPFTableCell cell = cells.get(at++);
      XWPFRun heading = run(first(cell), "Nơi nhận:", 12, true, true);
      heading.setUnderline(UnderlinePatterns.SINGLE);
      first(cell).setAlignment(ParagraphAlignment.LEFT);
      for (String recipient : recipientList) {
        XWPFParagraph p = cell.addParagraph();
        run(p, "- " + recipient, 11, false, false);
      }
    }
    at = columns - signatures.size();
    int lines = signatures.stream().mapToInt(s -> s.capacity().size()).max().orElse(0);
    for (Signature signature : signatures) {
      XWPFTableCell cell = cells.get(at++);
      boolean firstLine = true;
      for (String line : signature.capacity()) {
        run(firstLine ? first(cell) : next(cell), line, 13, true, false);
        firstLine = false;
      }
      // the names side by side on one line
      for (int i = signature.capacity().size(); i < lines; i++) {
        next(cell);
      }
      if (signature.note() != null) {
        run(next(cell), signature.note(), 12, false, true);
      }
      XWPFParagraph name = next(cell);
      name.setSpacingBefore(1400);
      run(name, signature.name() == null ? "……………………" : signature.name(), 13, true, false);
    }
  }

  private static XWPFTable borderless(XWPFDocument docx, int rows, int columns) {
    XWPFTable table = docx.createTable(rows, columns);
    table.setWidth("100%");
    table.removeBorders();
    return table;
  }

  private static void width(XWPFTableCell cell, long percent) {
    cell.setWidth(percent + "%");
  }

  private static XWPFParagraph first(XWPFTableCell cell) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingAfter(0);
    return p;
  }

  private static XWPFParagraph next(XWPFTableCell cell) {
    XWPFParagraph p = cell.addParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingAfter(0);
    return p;
  }

  private static XWPFParagraph paragraph(XWPFDocument docx, ParagraphAlignment alignment) {
    XWPFParagraph p = docx.createParagraph();
    p.setAlignment(alignment);
    p.setSpacingAfter(60);
    return p;
  }

  private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    XWPFRun run = p.createRun();
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
    run.setText(text);
    return run;
  }

  /** Text with its line breaks kept. */
  private static void lines(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      XWPFRun run = run(p, lines[i], size, bold, italic);
      if (i < lines.length - 1) {
        run.addBreak();
      }
    }
  }
}
