package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PgStatsTest {

  @Test
  void perOperationRowsWrittenAndTheTablesReadBySequentialScans() {
    PgStats.Table before = new PgStats.Table("public.act_ru_task", 10, 1_000, 5, 100, 0, 0);
    PgStats.Table after = new PgStats.Table("public.act_ru_task", 110, 201_000, 305, 300, 100, 100);
    List<PgStats.Table> diff =
        List.of(
            after.minus(before),
            new PgStats.Table("evaluation.outbox", 0, 0, 100, 100, 100, 0),
            new PgStats.Table("new.table", 50, 500, 0, 0, 0, 0).minus(null));
    assertThat(diff.get(0).seqRows()).isEqualTo(200_000);
    assertThat(diff.get(0).written()).isEqualTo(400);
    assertThat(PgStats.describe(diff, 200, 100))
        .isEqualTo(
            "PostgreSQL per operation: 2 commits, 6 rows written,"
                + " 4 index scans, 2005 rows read by sequential scans (public.act_ru_task 2000 in 1 scans,"
                + " new.table 5 in 0.5 scans)");
  }
}
