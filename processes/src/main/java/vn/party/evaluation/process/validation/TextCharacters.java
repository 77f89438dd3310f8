package vn.party.evaluation.process.validation;

/**
 * The characters a text people write may not hold — the one check behind every text field (forms, decisions,
 * comments, complaints, unit names, the roster): control characters other than line breaks and tabs
 * ({@link FieldError#CONTROL_CHARACTERS}); and ({@link FieldError#INVALID_CHARACTERS}) a lone surrogate, which the
 * database stores as "?" (the kept text, and its checksum, would not be what was written), and the bidirectional
 * embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069, which make a text read otherwise than it
 * is written (issue 12); the noncharacters U+FDD0–U+FDEF and U+nFFFE/U+nFFFF of every plane, which are no text
 * (the DOCX showed "?"), and the Unicode tag characters U+E0000–U+E007F, invisible instructions hidden in text
 * (outsider's re-attack of 2026-12-06, fifth session, finding 9).
 */
public final class TextCharacters {

  private TextCharacters() {}

  /** The reason the text is refused for its characters, or null: none. Line breaks and tabs are allowed. */
  public static String problem(String text) {
    if (text == null) {
      return null;
    }
    if (text.chars()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      return FieldError.CONTROL_CHARACTERS;
    }
    return invalid(text) ? FieldError.INVALID_CHARACTERS : null;
  }

  /**
   * The length a reader sees, as every minimum length counts it: code points, leaving out every character that shows
   * nothing ({@link #shows}: format characters, Unicode's default-ignorable code points, the blank fillers), the
   * whitespace (no-break spaces too) at either end, and counting a run of whitespace inside the text as one (a reader
   * sees one gap). Issue 12, finding 10 and the outsiders' recheck: 25 zero-width spaces, then Hangul fillers
   * (U+3164), Braille blanks (U+2800) or combining grapheme joiners (U+034F), passed the 20-character "Ưu điểm"
   * section, and a unit named by them showed a blank heading.
   */
  public static int visibleLength(CharSequence text) {
    if (text == null) {
      return 0;
    }
    int length = 0;
    boolean gap = false;
    for (int c : text.codePoints().filter(TextCharacters::shows).toArray()) {
      if (space(c)) {
        gap = length > 0;
      } else {
        length += gap ? 2 : 1;
        gap = false;
      }
    }
    return length;
  }

  /**
   * Whether the character shows anything. Not shown, in one place for every minimum length and "required":
   *
   * <ul>
   *   <li>format characters (category Cf: U+200B–U+200F, U+2060–U+2064, U+FEFF, the soft hyphen U+00AD, ...);
   *   <li>Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15): the combining grapheme
   *       joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the Khmer vowels U+17B4–U+17B5, the
   *       Mongolian variation selectors and vowel separator U+180B–U+180F, U+2065, the variation selectors
   *       U+FE00–U+FE0F and U+E0100–U+E01EF, U+FFF0–U+FFF8, U+1BCA0–U+1BCA3, the musical formatting U+1D173–U+1D17A
   *       and the tags U+E0000–U+E0FFF;
   *   <li>blanks that are none of those but draw nothing: the Braille pattern blank U+2800.
   * </ul>
   *
   * Whitespace is shown (as a gap); {@link #visibleLength} counts it apart.
   */
  public static boolean shows(int c) {
    if (Character.getType(c) == Character.FORMAT) {
      return false;
    }
    return !(c == 0x034F
        || c == 0x115F
        || c == 0x1160
        || c == 0x17B4
        || c == 0x17B5
        || c >= 0x180B && c <= 0x180F
        || c == 0x2065
        || c == 0x2800
        || c == 0x3164
        || c >= 0xFE00 && c <= 0xFE0F
        || c == 0xFFA0
        || c >= 0xFFF0 && c <= 0xFFF8
        || c >= 0x1BCA0 && c <= 0x1BCA3
        || c >= 0x1D173 && c <= 0x1D17A
        || c >= 0xE0000 && c <= 0xE0FFF);
  }

  private static boolean space(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Null, empty, or nothing a reader sees ({@link #visibleLength} 0: only whitespace and characters that show nothing): treated
   * as missing ("required") at every door.
   */
  public static boolean blank(CharSequence text) {
    return visibleLength(text) == 0;
  }

  /** A lone surrogate, a bidirectional embedding, override or isolate control, a noncharacter or a tag character. */
  public static boolean invalid(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
        return true;
      }
      int codePoint = c;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          codePoint = Character.toCodePoint(c, text.charAt(i + 1));
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
      if (noncharacter(codePoint) || codePoint >= 0xE0000 && codePoint <= 0xE007F) {
        return true;
      }
    }
    return false;
  }

  /** What an echoed character that could mislead the reader is shown as: the replacement character. */
  public static final String NEUTRAL = "\uFFFD";

  /**
   * A text the reader sent, as an answer may repeat it: every control character (line breaks too), format character
   * (the bidirectional controls, zero-width characters), lone surrogate, noncharacter and tag character replaced by
   * {@link #NEUTRAL}, so that a repeated id cannot reorder or hide the sentence around it (twelfth session's
   * outsider, LOW 14: "Tài khoản \u202Eevil…" read backwards in the 404).
   */
  public static String neutralised(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder shown = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      boolean lone = Character.isSurrogate(text.charAt(i)) && width == 1;
      if (lone
          || Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT
          || noncharacter(c)
          || c >= 0xE0000 && c <= 0xE0FFF) {
        shown.append(NEUTRAL);
      } else {
        shown.appendCodePoint(c);
      }
      i += width;
    }
    return shown.toString();
  }

  /** Unicode's noncharacters: U+FDD0–U+FDEF and the last two code points of every plane. */
  private static boolean noncharacter(int c) {
    return c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE;
  }
}
