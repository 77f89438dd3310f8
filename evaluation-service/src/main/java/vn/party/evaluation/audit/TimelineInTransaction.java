package vn.party.evaluation.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The timeline entries the running transaction recorded and has not written yet (issue 15): written together, in
 * the order recorded, just before the transaction commits, or before the timeline is read in it, or once {@link
 * #AT_MOST} are waiting. An event that opens a branch review recorded two entries in two inserts, a launched batch
 * two per member. Kept as a synchronization of the transaction, so a transaction started inside another
 * (REQUIRES_NEW) writes its own at its own commit, and nothing is written after a rollback.
 */
final class TimelineInTransaction implements TransactionSynchronization {

  /** Entries written in one statement at most: each takes 7 of the statement's parameters. */
  static final int AT_MOST = 500;

  /** One entry's columns, in the insert's order. */
  record Row(
      int year,
      String memberId,
      String kind,
      String taskKey,
      String taskId,
      String actor,
      String details) {}

  private final List<Row> waiting = new ArrayList<>();
  private final Consumer<List<Row>> writer;

  private TimelineInTransaction(Consumer<List<Row>> writer) {
    this.writer = writer;
  }

  /** The running transaction's, registered with it on first use; {@code writer} inserts the rows given. */
  static TimelineInTransaction current(Consumer<List<Row>> writer) {
    for (TransactionSynchronization synchronization :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof TimelineInTransaction entries) {
        return entries;
      }
    }
    TimelineInTransaction entries = new TimelineInTransaction(writer);
    TransactionSynchronizationManager.registerSynchronization(entries);
    return entries;
  }

  void add(Row row) {
    waiting.add(row);
    if (waiting.size() >= AT_MOST) {
      write();
    }
  }

  void write() {
    if (!waiting.isEmpty()) {
      List<Row> rows = List.copyOf(waiting);
      waiting.clear();
      writer.accept(rows);
    }
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    write();
  }
}
