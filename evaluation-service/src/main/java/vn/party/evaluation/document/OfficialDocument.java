package vn.party.evaluation.document;

import java.util.List;

/**
 * A party document as laid out by the guidance on the form of party documents (Hướng dẫn thể thức văn bản của Đảng):
 * the header lines (the superior unit and the issuing unit on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" on the right), the
 * number, place and date, the title, the body and the signature blocks. One model, written as PDF
 * ({@link OfficialPdf}) and as DOCX ({@link OfficialDocx}) for officers who edit before signing.
 *
 * @param superiorUnit the superior party unit (upper case), null when not configured: a dotted line
 * @param issuingUnit the unit issuing the document (upper case, bold)
 * @param number the document's number ("Số 12-QĐ/ĐU"), null for documents without one
 * @param placeAndDate "Thanh Khê, ngày 06 tháng 12 năm 2026"
 * @param title the kind of document, upper case ("QUYẾT ĐỊNH")
 * @param subtitle what it is about ("Về việc xếp loại chất lượng đảng viên năm 2026"), may be null
 * @param draft a mark "DỰ THẢO" above the title while the facts it records are not final
 */
public record OfficialDocument(
    String fileName,
    String superiorUnit,
    String issuingUnit,
    String number,
    String placeAndDate,
    String title,
    String subtitle,
    boolean draft,
    List<Block> body,
    List<Signature> signatures,
    List<String> recipients) {

  /** Texts longer than this may stand apart from the signatures: a page could not hold them with the blocks. */
  private static final int KEPT_TEXT_LENGTH = 600;

  /**
   * How many of the body's last blocks stay on the signatures' page (PDF: one unbreakable table; DOCX: "keep with
   * next"): the last lines — up to three headings, fields or short texts, never a table, which may be long.
   */
  static int keptWithSignatures(List<Block> body) {
    int kept = 0;
    for (int i = body.size() - 1; i >= 0 && kept < 3; i--) {
      Block block = body.get(i);
      if (block instanceof Table
          || block instanceof Signed
          || (block instanceof Text t && t.text().length() > KEPT_TEXT_LENGTH)) {
        break;
      }
      kept++;
    }
    return kept;
  }

  /** A part of the body. */
  public sealed interface Block permits Heading, Text, Field, Table, Signed {}

  /** A section heading, bold ("I. Ưu điểm"). */
  public record Heading(String text) implements Block {}

  /** A paragraph; {@code italic} for the notes of a form, centred and bold for "QUYẾT ĐỊNH:". */
  public record Text(String text, boolean italic, boolean centered, boolean bold) implements Block {

    public static Text of(String text) {
      return new Text(text, false, false, false);
    }

    public static Text centeredBold(String text) {
      return new Text(text, false, true, true);
    }

    public static Text note(String text) {
      return new Text(text, true, true, false);
    }
  }

  /** A labelled value on one line ("Họ và tên: Nguyễn Văn An"). */
  public record Field(String label, String value) implements Block {}

  /** A table with a header row; {@code widths} relative. */
  public record Table(float[] widths, List<String> headers, List<List<String>> rows)
      implements Block {}

  /**
   * A signature block: the capacity lines in bold ("T/M CHI BỘ", "BÍ THƯ"), a note in italics ("(ký, ghi rõ họ
   * tên)"), room to sign, then the name (null: a dotted line).
   */
  /**
   * Signature blocks inside the body, for a part signed by its own people: one sitting of the minutes of several
   * (fourteenth session's outsider, MEDIUM 6: the first meeting's chair and clerk signed nowhere).
   */
  public record Signed(List<Signature> signatures) implements Block {}

  public record Signature(List<String> capacity, String note, String name) {}
}
