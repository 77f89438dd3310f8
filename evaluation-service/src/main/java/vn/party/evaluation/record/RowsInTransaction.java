package vn.party.evaluation.record;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the running transaction already holds or wrote of member_evaluation rows (issue 15): the rows it locked, the
 * status it set or read under the lock, so that a second lock or the same status again sends nothing (an event to a
 * branch review locked the row three times), and the assignments it defers to its next write of the row or to its
 * commit (an event to a branch review updated the row three times). Kept as a synchronization of the transaction, so
 * that a transaction started inside another (REQUIRES_NEW) has its own and the memory ends with the transaction. Every
 * write of the table goes through {@link EvaluationRecords}, so what is remembered is what the row holds.
 */
final class RowsInTransaction implements TransactionSynchronization {

  /** Writes a row's deferred assignments. */
  interface RowWriter {
    void write(int year, String memberId, Assignments assignments);
  }

  private record Row(int year, String memberId) {}

  private final Set<Row> locked = new HashSet<>();
  private final Map<Row, String> statuses = new HashMap<>();
  private final Map<Row, Assignments> deferred = new LinkedHashMap<>();
  private final RowWriter writer;
  private boolean committing;

  private RowsInTransaction(RowWriter writer) {
    this.writer = writer;
  }

  /** The running transaction's, registered with it on first use; {@code writer} writes what is deferred. */
  static RowsInTransaction current(RowWriter writer) {
    for (TransactionSynchronization synchronization :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof RowsInTransaction rows) {
        return rows;
      }
    }
    RowsInTransaction rows = new RowsInTransaction(writer);
    TransactionSynchronizationManager.registerSynchronization(rows);
    return rows;
  }

  boolean locked(int year, String memberId) {
    return locked.contains(new Row(year, memberId));
  }

  void lockedNow(int year, String memberId) {
    locked.add(new Row(year, memberId));
  }

  boolean hasStatus(int year, String memberId, String status) {
    return status.equals(statuses.get(new Row(year, memberId)));
  }

  /** The status the row holds, as this transaction set or read it under its lock; null when not known. */
  String status(int year, String memberId) {
    return statuses.get(new Row(year, memberId));
  }

  void statusNow(int year, String memberId, String status) {
    statuses.put(new Row(year, memberId), status);
  }

  /**
   * Keeps the assignments for the row's next write in this transaction, or its commit; written at once when the
   * transaction is committing already (another synchronization's work before the commit, after this one's).
   */
  void defer(int year, String memberId, Assignments assignments) {
    if (committing) {
      writer.write(year, memberId, assignments);
      return;
    }
    deferred.computeIfAbsent(new Row(year, memberId), row -> new Assignments()).addAll(assignments);
  }

  /** The row's deferred assignments, taken: the caller writes them (empty when none). */
  Assignments takeDeferred(int year, String memberId) {
    Assignments taken = deferred.remove(new Row(year, memberId));
    return taken == null ? new Assignments() : taken;
  }

  /** Writes every deferred assignment, so that what is read next sees them. */
  void writeDeferred() {
    while (!deferred.isEmpty()) {
      Row row = deferred.keySet().iterator().next();
      writer.write(row.year(), row.memberId(), deferred.remove(row));
    }
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    committing = true;
    writeDeferred();
  }
}
