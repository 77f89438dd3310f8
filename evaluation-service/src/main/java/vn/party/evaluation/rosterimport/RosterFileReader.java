package vn.party.evaluation.rosterimport;

import java.util.function.Consumer;

/** Reads a roster file row by row, never holding more than one row: XLSX ({@link XlsxRosterReader}) or CSV. */
interface RosterFileReader {

  /** Longest cell read; a longer one is cut there and reported as too long (huge cells never fill the memory). */
  int MAX_CELL = 1000;

  /** The template's columns, and a few more so a misplaced column is reported where it is. */
  int MAX_COLUMNS = ImportColumn.values().length + 6;

  /** Calls {@code rows} for every row, the heading first; throws {@link UnreadableFile} when the file is not one. */
  void read(byte[] content, Consumer<SheetRow> rows);

  /** The file cannot be read at all (not an XLSX, a broken zip, not text): reported at the given row and column. */
  final class UnreadableFile extends RuntimeException {
    private final String reason;
    private final int row;
    private final int column;

    UnreadableFile(String reason, int row, int column, Throwable cause) {
      super(reason, cause);
      this.reason = reason;
      this.row = row;
      this.column = column;
    }

    String reason() {
      return reason;
    }

    int row() {
      return row;
    }

    int column() {
      return column;
    }
  }
}
