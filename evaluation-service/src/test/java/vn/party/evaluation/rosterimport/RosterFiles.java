package vn.party.evaluation.rosterimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Roster files for the tests: the template's heading and rows of cells, as CSV or XLSX. */
final class RosterFiles {

  static List<String> heading() {
    List<String> heading = new ArrayList<>();
    for (ImportColumn column : ImportColumn.values()) {
      heading.add(column.heading());
    }
    return heading;
  }

  /** A good row: name, born, sex, card, admitted, official, branch, posts, flags, e-mail, phone. */
  static List<String> row(String name, String card, String branch) {
    return new ArrayList<>(
        List.of(
            name,
            "15/03/1985",
            "Nam",
            card,
            "19/05/2010",
            "19/05/2011",
            branch,
            "Đảng viên",
            "Chuyên viên",
            "Có",
            "Không",
            "Không",
            card.toLowerCase() + "@example.vn",
            "0905 123 456"));
  }

  static byte[] csv(List<List<String>> rows, char delimiter, boolean bom, Charset charset) {
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          text.append(delimiter);
        }
        String cell = row.get(i) == null ? "" : row.get(i);
        boolean quote =
            cell.indexOf(delimiter) >= 0
                || cell.contains("\"")
                || cell.contains("\n")
                || cell.contains(",");
        text.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
      }
      text.append("\r\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom) {
      out.writeBytes(
          charset.equals(StandardCharsets.UTF_8)
              ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
              : new byte[0]);
    }
    out.writeBytes(text.toString().getBytes(charset));
    return out.toByteArray();
  }

  static byte[] csv(List<List<String>> rows) {
    return csv(rows, ',', true, StandardCharsets.UTF_8);
  }

  static byte[] xlsx(List<List<String>> rows) {
    return xlsx(rows, sheet -> {});
  }

  /** Every cell as text; then {@code tweak} may change cells (a formula, a number, a date, an error). */
  static byte[] xlsx(List<List<String>> rows, Consumer<Sheet> tweak) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Danh sách");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        List<String> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          if (cells.get(c) != null && !cells.get(c).isEmpty()) {
            Cell cell = row.createCell(c);
            cell.setCellValue(cells.get(c));
          }
        }
      }
      tweak.accept(sheet);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RosterFiles() {}
}
