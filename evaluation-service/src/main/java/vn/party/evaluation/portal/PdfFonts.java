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

  private static final String SERIF = "liberation/LiberationSerif-Regular.ttf";
  private static final String SERIF_BOLD = "liberation/LiberationSerif-Bold.ttf";
  private static final String SERIF_ITALIC = "liberation/LiberationSerif-Italic.ttf";
  private static final String SERIF_BOLD_ITALIC = "liberation/LiberationSerif-BoldItalic.ttf";

  private PdfFonts() {}

  /**
   * Liberation Serif, metrically the Times New Roman of party documents (the guidance on their form names it), for
   * the official documents.
   *
   * @param style {@link Font#NORMAL}, {@link Font#BOLD}, {@link Font#ITALIC}, {@link Font#BOLDITALIC}, optionally
   *     with {@link Font#UNDERLINE}
   */
  public static Font serif(float size, int style) {
    boolean bold = (style & Font.BOLD) != 0;
    boolean italic = (style & Font.ITALIC) != 0;
    String resource =
        bold && italic ? SERIF_BOLD_ITALIC : bold ? SERIF_BOLD : italic ? SERIF_ITALIC : SERIF;
    return new Font(base(resource), size, style & Font.UNDERLINE);
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
        throw new IllegalStateException(
            "font " + resource + " not on the classpath (openpdf-fonts-extra)");
      }
      return BaseFont.createFont(
          resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
