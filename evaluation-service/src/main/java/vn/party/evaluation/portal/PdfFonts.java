package vn.party.evaluation.portal;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Fonts for the PDFs people download: Liberation Sans, embedded. The PDF standard fonts have no Vietnamese letters
 * (ắ, ộ, ữ …).
 */
public final class PdfFonts {

  private static final String REGULAR = "liberation/LiberationSans-Regular.ttf";
  private static final String BOLD = "liberation/LiberationSans-Bold.ttf";

  private PdfFonts() {
  }

  public static Font regular(float size) {
    return new Font(base(REGULAR), size);
  }

  public static Font bold(float size) {
    return new Font(base(BOLD), size);
  }

  private static BaseFont base(String resource) {
    try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " not on the classpath (openpdf-fonts-extra)");
      }
      return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
