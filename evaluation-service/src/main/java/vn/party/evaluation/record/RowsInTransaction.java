package vn.party.evaluation.record;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the running transaction already holds or wrote of member_evaluation rows (issue 15): the rows it locked, and the
 * status it set, so that a second lock or the same status again sends nothing (an event to a branch review locked the
 * row three times). Kept as a synchronization of the transaction, so that a transaction started inside another
 * (REQUIRES_NEW) has its own and the memory ends with the transaction. Every write of the table goes through {@link
 * EvaluationRecords}, so what is remembered is what the row holds.
 */
final class RowsInTransaction implements TransactionSynchronization {

  private final Set<String> locked = new HashSet<>();
  private final Map<String, String> statuses = new HashMap<>();

  /** The running transaction's, registered with it on first use. */
  static RowsInTransaction current() {
    for (TransactionSynchronization synchronization :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof RowsInTransaction rows) {
        return rows;
      }
    }
    RowsInTransaction rows = new RowsInTransaction();
    TransactionSynchronizationManager.registerSynchronization(rows);
    return rows;
  }

  boolean locked(int year, String memberId) {
    return locked.contains(key(year, memberId));
  }

  void lockedNow(int year, String memberId) {
    locked.add(key(year, memberId));
  }

  boolean hasStatus(int year, String memberId, String status) {
    return status.equals(statuses.get(key(year, memberId)));
  }

  void statusNow(int year, String memberId, String status) {
    statuses.put(key(year, memberId), status);
  }

  private static String key(int year, String memberId) {
    return year + ":" + memberId;
  }
}
