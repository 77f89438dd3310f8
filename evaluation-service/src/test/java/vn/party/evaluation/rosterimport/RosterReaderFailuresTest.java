package vn.party.evaluation.rosterimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the consumer of the rows throws (the commit's writer) passes through the readers unchanged; only what the
 * parser itself throws is an unreadable file. A commit that ran out of heap in its writer (bench of 2026-12-07) was
 * answered 400 "không đọc được tệp" (unreadable file, row 1 A): the XLSX reader took every OutOfMemoryError for a zip
 * bomb, and the CSV reader took a writer's IllegalStateException or UncheckedIOException for a malformed file.
 */
class RosterReaderFailuresTest {

  private static List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(RosterFiles.heading());
    rows.add(RosterFiles.row("Nguyễn Thị Mai", "RF000001", "rf-cb1"));
    rows.add(RosterFiles.row("Trần Văn Nam", "RF000002", "rf-cb1"));
    return rows;
  }

  private static final List<Supplier<Throwable>> THROWN =
      List.of(
          () -> new OutOfMemoryError("Java heap space (from the writer)"),
          () -> new IllegalStateException("from the writer"),
          () -> new UncheckedIOException(new IOException("from the writer")),
          () -> new StackOverflowError());

  /** A consumer that throws {@code thrown} at the second data row. */
  private static Consumer<SheetRow> throwingAtRow3(Throwable thrown) {
    return row -> {
      if (row.number() == 3) {
        if (thrown instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) thrown;
      }
    };
  }

  @Test
  void whatTheConsumerThrowsPassesThroughTheXlsxReaderUnchanged() {
    byte[] file = RosterFiles.xlsx(rows());
    for (Supplier<Throwable> make : THROWN) {
      Throwable thrown = make.get();
      assertThatThrownBy(() -> new XlsxRosterReader().read(file, throwingAtRow3(thrown)))
          .as(thrown.toString())
          .isSameAs(thrown);
    }
  }

  @Test
  void whatTheConsumerThrowsPassesThroughTheCsvReaderUnchanged() {
    byte[] file = RosterFiles.csv(rows());
    for (Supplier<Throwable> make : THROWN) {
      Throwable thrown = make.get();
      assertThatThrownBy(() -> new CsvRosterReader().read(file, throwingAtRow3(thrown)))
          .as(thrown.toString())
          .isSameAs(thrown);
    }
  }

  @Test
  void whatTheParserThrowsIsStillAnUnreadableFile() {
    List<SheetRow> read = new ArrayList<>();
    byte[] brokenZip = RosterFiles.xlsx(rows());
    byte[] cut = Arrays.copyOf(brokenZip, brokenZip.length / 2);
    assertThatThrownBy(() -> new XlsxRosterReader().read(cut, read::add))
        .isInstanceOfSatisfying(
            RosterFileReader.UnreadableFile.class,
            e -> assertThat(e.reason()).isEqualTo("unreadable-file"));

    byte[] unclosedQuote =
        ("Họ và tên,Số thẻ đảng viên\r\n\"Nguyễn Thị Mai,RF000001\r\n")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new CsvRosterReader().read(unclosedQuote, read::add))
        .isInstanceOfSatisfying(
            RosterFileReader.UnreadableFile.class,
            e -> assertThat(e.reason()).isEqualTo("malformed-csv"));
  }
}
