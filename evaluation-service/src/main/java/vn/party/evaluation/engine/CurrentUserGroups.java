package vn.party.evaluation.engine;

import java.lang.reflect.Method;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * {@code ${currentUserGroups()}} for a person in no group is a group nobody is in, so a query on it finds nothing
 * (eleventh session's outsider, LOW 7: a secretary taken off every committee, with no group left, got 400 from
 * Tasklist's filter list with counts, and Tasklist showed an error instead of empty lists). The engine's own function
 * gives the empty list, which its candidate-group query refuses ("Candidate group list is empty"), failing the whole
 * list of filters. Unchanged for anyone in a group, and without a person (null, as the engine's).
 */
public class CurrentUserGroups extends AbstractProcessEnginePlugin {

  /** No group has this id: a group's id is letters, digits, '-', '_' and '.' only ({@code security.engine.IdentityLengths}). */
  static final String NO_GROUP = "(không có nhóm / no group)";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration
        .getExpressionManager()
        .addFunction(CommandContextFunctions.CURRENT_USER_GROUPS, function());
  }

  private static Method function() {
    try {
      return CurrentUserGroups.class.getMethod("currentUserGroups");
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The person's groups, or {@link #NO_GROUP} alone when they are in none. */
  public static List<String> currentUserGroups() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return null;
    }
    List<String> groups = context.getAuthenticatedGroupIds();
    if (context.getAuthenticatedUserId() != null && (groups == null || groups.isEmpty())) {
      return List.of(NO_GROUP);
    }
    return groups;
  }
}
