package vn.party.evaluation.rosterimport;

import java.util.Map;

/**
 * One row as read from the file, before any check: its number as the spreadsheet shows it (the heading is row 1), the
 * cells as text (dates of a date-formatted cell as dd/MM/yyyy), and what the reader itself found wrong, by column
 * index (a formula, an error value, a cell too long to read, a column beyond the template).
 */
record SheetRow(int number, String[] cells, Map<Integer, String> issues) {

  String cell(int index) {
    return index < cells.length ? cells[index] : null;
  }

  boolean blank() {
    if (!issues.isEmpty()) {
      return false;
    }
    for (String cell : cells) {
      if (cell != null && !cell.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
