package vn.party.evaluation.rosterimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.roster.RosterFields;

/**
 * The roster template and the roster in it: XLSX written with POI's streaming workbook (100 rows in memory), or CSV
 * (UTF-8 with a byte-order mark, so Excel reads the Vietnamese; ',' separated). Every cell is text, dates as
 * dd/MM/yyyy, so what is exported imports again unchanged.
 */
@Component
public class RosterTemplate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final JdbcClient jdbc;

  public RosterTemplate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public byte[] xlsx(String organizationId) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Danh sách đảng viên");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      Row heading = sheet.createRow(0);
      for (ImportColumn column : ImportColumn.values()) {
        var cell = heading.createCell(column.ordinal());
        cell.setCellValue(column.heading());
        cell.setCellStyle(bold);
        sheet.setColumnWidth(column.ordinal(), Math.min(255, column.heading().length() + 4) * 256);
        sheet.setDefaultColumnStyle(column.ordinal(), text);
      }
      int[] n = {1};
      if (organizationId != null) {
        each(
            organizationId,
            values -> {
              Row row = sheet.createRow(n[0]++);
              for (int i = 0; i < values.size(); i++) {
                var cell = row.createCell(i);
                cell.setCellStyle(text);
                cell.setCellValue(values.get(i));
              }
            });
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] csv(String organizationId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    try (CSVPrinter printer =
        new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
      for (ImportColumn column : ImportColumn.values()) {
        printer.print(column.heading());
      }
      printer.println();
      if (organizationId != null) {
        each(
            organizationId,
            values -> {
              try {
                printer.printRecord(values);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The organization's members still on its roll, by branch and name, as the template's cells. */
  private void each(String organizationId, Consumer<List<String>> rows) {
    jdbc.sql(
            """
            select m.full_name, m.date_of_birth, m.sex, m.card_number, m.admitted_on, m.official_on,
                   coalesce(u.code, b.id) as branch, m.party_post, m.state_post, m.civil_servant, m.exempted,
                   m.suspended, m.email, m.phone, m.id
            from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
            left join evaluation.unit u on u.id = b.id
            where b.organization_id = :o and m.status = 'ACTIVE' order by b.name, m.full_name, m.id""")
        .param("o", organizationId)
        .query(
            (rs, i) -> {
              rows.accept(
                  List.of(
                      text(rs.getString("full_name")),
                      day(rs.getObject("date_of_birth", LocalDate.class)),
                      sex(rs.getString("sex")),
                      text(rs.getString("card_number")),
                      day(rs.getObject("admitted_on", LocalDate.class)),
                      day(rs.getObject("official_on", LocalDate.class)),
                      text(rs.getString("branch")),
                      text(rs.getString("party_post")),
                      text(rs.getString("state_post")),
                      yes(rs.getBoolean("civil_servant")),
                      yes(rs.getBoolean("exempted")),
                      yes(rs.getBoolean("suspended")),
                      text(rs.getString("email")),
                      text(rs.getString("phone")),
                      rs.getString("id")));
              return null;
            })
        .list();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String day(LocalDate date) {
    return date == null ? "" : date.format(DAY);
  }

  private static String sex(String sex) {
    return sex == null ? "" : RosterFields.MALE.equals(sex) ? "Nam" : "Nữ";
  }

  private static String yes(boolean flag) {
    return flag ? "Có" : "Không";
  }
}
