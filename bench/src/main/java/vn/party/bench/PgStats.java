package vn.party.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What PostgreSQL did during a phase, from its cumulative statistics ({@code pg_stat_user_tables},
 * {@code pg_stat_database}): rows written, rows read by sequential scans and by index, per table. A diagnostic for
 * the log and the figures' notes — where the database time of an operation goes — not a figure of its own. The
 * counters reach the views up to about a second late, so a snapshot is taken a moment after the work.
 */
final class PgStats {

  record Table(
      String name,
      long seqScans,
      long seqRows,
      long idxScans,
      long inserted,
      long updated,
      long deleted) {
    Table minus(Table before) {
      return before == null
          ? this
          : new Table(
              name,
              seqScans - before.seqScans,
              seqRows - before.seqRows,
              idxScans - before.idxScans,
              inserted - before.inserted,
              updated - before.updated,
              deleted - before.deleted);
    }

    long written() {
      return inserted + updated + deleted;
    }
  }

  record Snapshot(Map<String, Table> tables, long commits) {}

  private PgStats() {}

  static Snapshot take(DataSource data) {
    Map<String, Table> tables = new HashMap<>();
    for (Table t :
        Sql.list(
            data,
            """
                select schemaname || '.' || relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0),
                       coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del
                from pg_stat_user_tables""",
            rs ->
                new Table(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7)))) {
      tables.put(t.name(), t);
    }
    long commits =
        Sql.count(
            data, "select xact_commit from pg_stat_database where datname = current_database()");
    return new Snapshot(tables, commits);
  }

  /** Waits a little for the counters to arrive, then tells per operation what changed since {@code before}. */
  static String since(DataSource data, Snapshot before, int operations)
      throws InterruptedException {
    Thread.sleep(1_000);
    Snapshot after = take(data);
    List<Table> diff = new ArrayList<>();
    after.tables().forEach((name, t) -> diff.add(t.minus(before.tables().get(name))));
    return describe(diff, after.commits() - before.commits(), operations);
  }

  static String describe(List<Table> diff, long commits, int operations) {
    double n = Math.max(1, operations);
    long written = diff.stream().mapToLong(Table::written).sum();
    long seqRows = diff.stream().mapToLong(Table::seqRows).sum();
    long idx = diff.stream().mapToLong(Table::idxScans).sum();
    StringBuilder b =
        new StringBuilder("PostgreSQL per operation: ")
            .append(Results.number(commits / n))
            .append(" commits, ")
            .append(Results.number(written / n))
            .append(" rows written, ")
            .append(Results.number(idx / n))
            .append(" index scans, ")
            .append(Results.number(seqRows / n))
            .append(" rows read by sequential scans");
    List<Table> scanned =
        diff.stream()
            .filter(t -> t.seqRows() > 0)
            .sorted(Comparator.comparingLong(Table::seqRows).reversed())
            .limit(3)
            .toList();
    if (!scanned.isEmpty()) {
      b.append(" (");
      for (int i = 0; i < scanned.size(); i++) {
        Table t = scanned.get(i);
        b.append(i == 0 ? "" : ", ")
            .append(t.name())
            .append(' ')
            .append(Results.number(t.seqRows() / n))
            .append(" in ")
            .append(Results.number(t.seqScans() / n))
            .append(" scans");
      }
      b.append(')');
    }
    return b.toString();
  }
}
