package vn.party.evaluation.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Rows of one table that a unit of work records, held on its thread and written at its end in multi-row inserts, in
 * the order recorded (issue 15: a launch batch wrote its timeline entries and its events a statement each). The
 * inserts run in the caller's transaction, so nothing is written if the work fails; outside {@link #around} a row is
 * written at once.
 */
public final class RowsWrittenTogether {

  private final ThreadLocal<List<Map<String, Object>>> pending = new ThreadLocal<>();
  private final int rowsPerStatement;
  private final Consumer<List<Map<String, Object>>> insert;

  /**
   * @param rowsPerStatement at most so many rows in one insert (the driver takes at most 32,767 parameters)
   * @param insert writes the rows given in one statement
   */
  public RowsWrittenTogether(int rowsPerStatement, Consumer<List<Map<String, Object>>> insert) {
    this.rowsPerStatement = rowsPerStatement;
    this.insert = insert;
  }

  /** Holds the row inside {@link #around}, writes it at once outside. */
  public void add(Map<String, Object> row) {
    List<Map<String, Object>> together = pending.get();
    if (together != null) {
      together.add(row);
    } else {
      insert.accept(List.of(row));
    }
  }

  /** Runs {@code work} holding the rows it adds, then writes them; an inner call leaves the writing to the outer. */
  public <T> T around(Supplier<T> work) {
    if (pending.get() != null) {
      return work.get();
    }
    pending.set(new ArrayList<>());
    try {
      T result = work.get();
      flush();
      return result;
    } finally {
      pending.remove();
    }
  }

  /** Writes the rows held so far: before a read of the same table on this thread, which must see them. */
  public void flush() {
    List<Map<String, Object>> rows = pending.get();
    if (rows == null) {
      return;
    }
    for (int from = 0; from < rows.size(); from += rowsPerStatement) {
      insert.accept(rows.subList(from, Math.min(rows.size(), from + rowsPerStatement)));
    }
    rows.clear();
  }
}
