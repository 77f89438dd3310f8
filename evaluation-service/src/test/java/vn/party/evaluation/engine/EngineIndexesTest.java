package vn.party.evaluation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.party.evaluation.IntegrationTestSupport;

/** The engine's tables carry the indexes this system's task completions need. */
class EngineIndexesTest extends IntegrationTestSupport {

  @Autowired TransactionTemplate tx;

  @Autowired DataSource dataSource;

  @Test
  void theSubtaskLookupOfEveryCompletionUsesAnIndexNotAScanOfAllOpenTasks() {
    assertThat(
            jdbc.sql(
                    "select indexdef from pg_indexes where schemaname = 'public' and indexname = ?")
                .param(EngineIndexes.TASK_PARENT)
                .query(String.class)
                .optional())
        .hasValueSatisfying(
            def ->
                assertThat(def)
                    .containsIgnoringCase("act_ru_task")
                    .containsIgnoringCase("parent_task_id_"));

    // the engine's own statement (Task.xml, selectTasksByParentTaskId); seq scans off so that the
    // plan shows whether
    // an index can serve it at all, whatever the size of the test's table
    List<String> plan =
        tx.execute(
            status -> {
              jdbc.sql("set local enable_seqscan = off").update();
              return jdbc.sql(
                      "explain select * from act_ru_task where parent_task_id_ = 'some-task'")
                  .query(String.class)
                  .list();
            });
    assertThat(String.join("\n", plan)).contains(EngineIndexes.TASK_PARENT);
  }

  @Test
  void creatingItAgainChangesNothing() {
    EngineIndexes.create(
        dataSource,
        EngineIndexes.TASK_PARENT,
        "create index if not exists "
            + EngineIndexes.TASK_PARENT
            + " on act_ru_task (parent_task_id_) where parent_task_id_ is not null");
    assertThat(
            jdbc.sql("select count(*) from pg_indexes where indexname = ?")
                .param(EngineIndexes.TASK_PARENT)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
