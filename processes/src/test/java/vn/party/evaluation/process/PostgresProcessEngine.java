package vn.party.evaluation.process;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import vn.party.evaluation.process.validation.TaskCompletionValidationPlugin;

/**
 * One process engine per test JVM, on a real PostgreSQL (embedded, started once), configured like
 * the deploying application's engine where it matters: full history, the completion-validation
 * plugin, no background job executor (tests run jobs themselves, one by one).
 *
 * <p>PostgreSQL, not H2: column sizes and types are the production ones, which is how the
 * 4000-character limit of String variables shows up here and not in production.
 */
final class PostgresProcessEngine {

  private static ProcessEngine engine;

  private PostgresProcessEngine() {}

  /** A JUnit extension bound to the shared engine, honouring {@code @Deployment}. */
  static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(get()).build();
  }

  static synchronized ProcessEngine get() {
    if (engine == null) {
      engine = build(startPostgres());
    }
    return engine;
  }

  private static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.start(); // stops itself with the JVM (shutdown hook)
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
  }

  private static ProcessEngine build(EmbeddedPostgres postgres) {
    ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("processes-test");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    // Resolves ${residenceFeedbackLookup} & co. to the test delegates registered with Mocks.
    configuration.setExpressionManager(new MockExpressionManager());
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    plugins.add(new TaskCompletionValidationPlugin());
    configuration.setProcessEnginePlugins(plugins);
    return configuration.buildProcessEngine();
  }
}
