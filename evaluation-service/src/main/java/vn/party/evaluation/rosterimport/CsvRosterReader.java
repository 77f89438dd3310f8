package vn.party.evaluation.rosterimport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV roster the way spreadsheets save it: UTF-8 with or without a byte-order mark, or UTF-16 with one (Excel's
 * "Unicode text"); separated by ',' or by ';' (Excel in locales whose decimal mark is the comma, as in Vietnam) or a
 * tab, whichever the heading uses most; quotes as RFC 4180. A file in a legacy encoding (Windows-1258, TCVN3) is
 * refused at the line and column of its first byte that is not UTF-8, never imported as mojibake. A cell starting with
 * '=' or '@' is a formula for a spreadsheet that opens the file later, and is refused.
 */
class CsvRosterReader implements RosterFileReader {

  @Override
  public void read(byte[] content, Consumer<SheetRow> rows) {
    String text = decode(content);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    char delimiter = delimiter(text);
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    int number = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new UnreadableFile("malformed-csv", number + 1, 0, e);
        }
        number = (int) record.getRecordNumber();
        String[] cells = new String[MAX_COLUMNS];
        Map<Integer, String> issues = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
          String cell = record.get(i);
          if (i >= MAX_COLUMNS) {
            if (!cell.isBlank()) {
              issues.putIfAbsent(MAX_COLUMNS - 1, "unexpected-column");
            }
            continue;
          }
          if (cell.length() > MAX_CELL) {
            issues.put(i, "too-long");
            cell = cell.substring(0, MAX_CELL);
          } else if (formula(cell)) {
            issues.put(i, "formula");
          }
          cells[i] = cell;
        }
        // outside the parser's try: what the consumer throws (the commit's writer) passes through
        // unchanged
        rows.accept(new SheetRow(number, cells, issues));
      }
    } catch (IOException e) {
      throw new UnreadableFile("malformed-csv", number + 1, 0, e);
    }
  }

  /** '=' and '@' start a formula in every spreadsheet; '+' and '-' only before something not a number. */
  static boolean formula(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    char first = cell.charAt(0);
    if (first == '=' || first == '@') {
      return true;
    }
    return (first == '+' || first == '-')
        && cell.length() > 1
        && !Character.isDigit(cell.charAt(1))
        && cell.charAt(1) != ' ';
  }

  private static String decode(byte[] content) {
    if (content.length >= 2
        && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
            || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
      return strict(content, StandardCharsets.UTF_16.newDecoder());
    }
    return strict(content, StandardCharsets.UTF_8.newDecoder());
  }

  /** Decodes, or names the line and the column (by separators before it) of the first byte that does not decode. */
  private static String strict(byte[] content, CharsetDecoder decoder) {
    decoder
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (content[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = 0;
      for (int i = lineStart; i < at; i++) {
        if (content[i] == ',' || content[i] == ';' || content[i] == '\t') {
          column++;
        }
      }
      throw new UnreadableFile("encoding", line, Math.min(column, MAX_COLUMNS - 1), null);
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** The separator the heading line uses most: ';', ',' or a tab. */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String heading = end < 0 ? text : text.substring(0, end);
    long semicolons = heading.chars().filter(c -> c == ';').count();
    long commas = heading.chars().filter(c -> c == ',').count();
    long tabs = heading.chars().filter(c -> c == '\t').count();
    if (tabs > semicolons && tabs > commas) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }
}
