package vn.party.evaluation.rosterimport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an XLSX, streamed with POI's event API (SAX over the sheet's XML, shared strings read-only): a
 * 50,000-row file is never a workbook in memory. A formula is reported, not evaluated (its cached result is not what
 * the committee typed); a date-formatted number is read as dd/MM/yyyy; a whole number (a card number Excel stored as
 * a number) without decimals.
 */
class XlsxRosterReader implements RosterFileReader {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * What the consumer of the rows throws (the commit's writer: a database error, the heap running out while writing)
   * passes through unchanged, however the parser wrapped it: only what the parser itself throws is an unreadable file
   * (an OutOfMemoryError while parsing: a zip bomb). A commit that ran out of heap in its writer was once answered
   * "không đọc được tệp" (bench of 2026-12-07).
   */
  @Override
  public void read(byte[] content, Consumer<SheetRow> rows) {
    RowsConsumer consumer = new RowsConsumer(rows);
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new UnreadableFile("no-sheet", 1, 0, null);
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new Handler(strings, styles, consumer));
        xml.parse(new InputSource(sheet));
      }
    } catch (UnreadableFile e) {
      throw e;
    } catch (Exception | Error e) {
      consumer.rethrowFailure();
      // the parser's own failure
      if (e instanceof Error && !(e instanceof OutOfMemoryError)) {
        throw (Error) e;
      }
      throw new UnreadableFile("unreadable-file", 1, 0, e);
    }
  }

  /** The caller's consumer, remembering what it threw so that it is never taken for the parser's failure. */
  private static final class RowsConsumer implements Consumer<SheetRow> {

    private final Consumer<SheetRow> rows;
    private Throwable failure;

    RowsConsumer(Consumer<SheetRow> rows) {
      this.rows = rows;
    }

    @Override
    public void accept(SheetRow row) {
      try {
        rows.accept(row);
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      }
    }

    /** Throws, unchanged, what the consumer threw, if it threw (the parser may have wrapped it on its way out). */
    void rethrowFailure() {
      if (failure == null) {
        return;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) failure;
    }
  }

  private static final class Handler extends DefaultHandler {

    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final RowsConsumer rows;
    private int rowNumber;
    private String[] cells;
    private Map<Integer, String> issues;
    private int column;
    private String type;
    private String style;
    private boolean formula;
    private boolean inValue;
    private final StringBuilder value = new StringBuilder();
    private boolean truncated;

    Handler(ReadOnlySharedStringsTable strings, StylesTable styles, RowsConsumer rows) {
      this.strings = strings;
      this.styles = styles;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (localName) {
        case "row" -> {
          String r = attributes.getValue("r");
          rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
          cells = new String[MAX_COLUMNS];
          issues = new HashMap<>();
          column = -1;
        }
        case "c" -> {
          column = columnOf(attributes.getValue("r"), column + 1);
          type = attributes.getValue("t");
          style = attributes.getValue("s");
          formula = false;
          value.setLength(0);
          truncated = false;
        }
        case "f" -> formula = true;
        case "v", "t" -> inValue = true;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        int room = MAX_CELL + 1 - value.length();
        if (room > 0) {
          value.append(ch, start, Math.min(room, length));
        }
        truncated |= length > room;
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "v", "t" -> inValue = false;
        case "c" -> cell();
        case "row" -> {
          rows.accept(new SheetRow(rowNumber, cells, issues));
        }
        default -> {}
      }
    }

    private void cell() {
      if (column < 0 || column >= MAX_COLUMNS) {
        return;
      }
      String raw = value.toString();
      String text;
      if (formula) {
        issues.put(column, "formula");
        text = raw;
      } else if ("e".equals(type)) {
        issues.put(column, "error-value");
        text = raw;
      } else if ("s".equals(type)) {
        text = raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
      } else if ("b".equals(type)) {
        text = "1".equals(raw) ? "TRUE" : "FALSE";
      } else if (type == null || "n".equals(type)) {
        text = number(raw);
      } else {
        text = raw; // inlineStr, str
      }
      if (truncated || text.length() > MAX_CELL) {
        issues.put(column, "too-long");
        text = text.substring(0, Math.min(text.length(), MAX_CELL));
      }
      cells[column] = text;
    }

    private String number(String raw) {
      if (raw.isBlank()) {
        return "";
      }
      try {
        double number = Double.parseDouble(raw);
        if (style != null && !style.isEmpty()) {
          XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
          if (cellStyle != null
              && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
              && DateUtil.isValidExcelDate(number)) {
            return DateUtil.getLocalDateTime(number).toLocalDate().format(DAY);
          }
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
          return Long.toString((long) number);
        }
        return raw;
      } catch (NumberFormatException e) {
        return raw;
      }
    }

    private static int columnOf(String ref, int fallback) {
      if (ref == null) {
        return fallback;
      }
      int index = 0;
      int i = 0;
      while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
        index = index * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        i++;
      }
      return i == 0 ? fallback : index - 1;
    }
  }
}
