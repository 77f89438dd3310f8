package vn.party.evaluation.engine;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Which of a person's groups hold any authorization, asked for those groups alone through the engine's index on
 * {@code ACT_RU_AUTHORIZATION.GROUP_ID_}. Before its authorization checks, the engine keeps only the person's groups
 * that appear in some authorization, and finds them by reading every group id of the table
 * ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}) once per command. Every member is in a group, and the
 * table grows with the evaluations (their tasks' grants): the bench's lifecycle read 66,700 rows four times per member,
 * 47 ms of PostgreSQL per member (bench/README.md, run of 2026-12-07 09:37). The answer is the same set; only how it
 * is found differs. PostgreSQL only (the product's database); elsewhere the engine's own way.
 */
public class AuthorizedGroups extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return "postgres".equals(configuration.getDatabaseType())
                ? new ByIndex(configuration.getDatabaseTablePrefix())
                : new AuthorizationManager();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager of one command, finding the authorized groups by index. */
  static class ByIndex extends AuthorizationManager {

    private final String table;

    /** Per command, as the engine's own answer is: a grant made later in the command is seen by the next one. */
    private final Map<List<String>, List<String>> answered = new HashMap<>();

    ByIndex(String tablePrefix) {
      this.table = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_AUTHORIZATION";
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> groupIds) {
      if (groupIds == null || groupIds.isEmpty()) {
        return List.of();
      }
      return answered.computeIfAbsent(List.copyOf(groupIds), this::withAuthorizations);
    }

    private List<String> withAuthorizations(List<String> groupIds) {
      Connection connection = getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement query =
          connection.prepareStatement(
              "select distinct g from unnest(?) as g where exists (select 1 from "
                  + table
                  + " a where a.GROUP_ID_ = g)")) {
        Array ids = connection.createArrayOf("varchar", groupIds.toArray());
        query.setArray(1, ids);
        List<String> authorized = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            authorized.add(rows.getString(1));
          }
        }
        ids.free();
        return authorized;
      } catch (SQLException e) {
        throw new ProcessEngineException("could not read which groups hold authorizations", e);
      }
    }
  }
}
