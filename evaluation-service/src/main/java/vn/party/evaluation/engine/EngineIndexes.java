package vn.party.evaluation.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the engine's PostgreSQL schema lacks for the way this system uses it, created once the engine has created
 * or updated its tables (idempotent; several nodes may start at once).
 *
 * <ul>
 *   <li>{@value #TASK_PARENT}: every task completion or deletion looks for the task's subtasks
 *   ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}, TaskManager.deleteTask), and Camunda 7.24 indexes
 *   that column only on MS SQL (camunda-bpm-platform PR #4030). Without it each completion read every open task
 *   of the country: the benchmark (bench/README.md) saw three sequential scans of ACT_RU_TASK per member, 34,000
 *   rows each with 11,000 open tasks, and a completion's cost grow with the number of open tasks. Partial (no task
 *   here has a parent), so it costs nothing to keep up.</li>
 * </ul>
 */
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);
  static final String TASK_PARENT = "act_idx_task_parent_task_id";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    create(
        processEngine.getProcessEngineConfiguration().getDataSource(),
        TASK_PARENT,
        "create index if not exists "
            + TASK_PARENT
            + " on act_ru_task (parent_task_id_)"
            + " where parent_task_id_ is not null");
  }

  static void create(DataSource dataSource, String name, String ddl) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      st.execute(ddl);
    } catch (SQLException e) {
      // another node created it at the same moment ("duplicate key value ... pg_class"): it exists
      // now
      log.warn("index {} not created here: {}", name, e.getMessage());
    }
  }
}
