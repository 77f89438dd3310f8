package vn.party.evaluation.document;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.util.Locale;

/**
 * What a PDF can show of a text in its embedded font. Liberation, the only font the service carries, has no emoji and
 * no letters outside the Basic Multilingual Plane ("𝐀"); the PDF writer would drop them silently although the page
 * showed them, so each becomes its code ("[U+1D400]"), visible and traceable. Invisible format characters (joiners,
 * variation selectors) are left out, as a page shows nothing of them.
 */
final class Glyphs {

  private Glyphs() {}

  static String shown(String text, Font font) {
    BaseFont base = font.getBaseFont();
    if (text == null || base == null) {
      return text;
    }
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isWhitespace(c) || Character.isISOControl(c) || base.charExists(c)) {
                shown.appendCodePoint(c);
              } else if (!invisible(c)) {
                shown
                    .append("[U+")
                    .append(Integer.toHexString(c).toUpperCase(Locale.ROOT))
                    .append(']');
              }
            });
    return shown.toString();
  }

  private static boolean invisible(int c) {
    return Character.getType(c) == Character.FORMAT
        || (c >= 0xFE00 && c <= 0xFE0F)
        || (c >= 0xE0100 && c <= 0xE01EF);
  }
}
