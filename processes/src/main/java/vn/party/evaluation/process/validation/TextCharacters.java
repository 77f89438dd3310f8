package vn.party.evaluation.process.validation;

/**
 * The characters a text people write may not hold — the one check behind every text field (forms, decisions,
 * comments, complaints, unit names, the roster): control characters other than line breaks and tabs
 * ({@link FieldError#CONTROL_CHARACTERS}); and ({@link FieldError#INVALID_CHARACTERS}) a lone surrogate, which the
 * database stores as "?" (the kept text, and its checksum, would not be what was written), and the bidirectional
 * embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069, which make a text read otherwise than it
 * is written (issue 12).
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
   * The length a reader sees, as every minimum length counts it: code points, leaving out Unicode format characters
   * (category Cf, e.g. the zero-width space U+200B, the joiners U+200C/U+200D, U+2060, U+FEFF) and the whitespace
   * (no-break spaces too) at either end. Issue 12, finding 10: 25 zero-width spaces passed the 20-character "Ưu điểm" section, and a unit
   * named by zero-width spaces showed a blank heading.
   */
  public static int visibleLength(CharSequence text) {
    if (text == null) {
      return 0;
    }
    int[] seen = text.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).toArray();
    int from = 0;
    int to = seen.length;
    while (from < to && space(seen[from])) {
      from++;
    }
    while (to > from && space(seen[to - 1])) {
      to--;
    }
    return to - from;
  }

  private static boolean space(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Null, empty, or nothing a reader sees ({@link #visibleLength} 0: only whitespace and format characters): treated
   * as missing ("required") at every door.
   */
  public static boolean blank(CharSequence text) {
    return visibleLength(text) == 0;
  }

  /** A lone surrogate or a bidirectional embedding, override or isolate control. */
  public static boolean invalid(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
        return true;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
