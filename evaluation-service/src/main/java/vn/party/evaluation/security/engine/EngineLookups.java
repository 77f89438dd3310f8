package vn.party.evaluation.security.engine;

import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * What the guard's rules read of the engine's accounts, groups, authorizations and history, each as the engine in a
 * command of its own ({@link AsEngine}): whether the person may see it is the judged command's check, not the
 * look-up's.
 */
final class EngineLookups {

  private final ProcessEngineConfigurationImpl configuration;

  EngineLookups(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** A user's groups. */
  Set<String> groupsOf(String userId) {
    return AsEngine.call(
        configuration.getCommandExecutorTxRequired(),
        context -> TaskSeats.groupsOf(context, userId));
  }

  /** How many users a group holds. */
  long membersOf(String groupId) {
    return AsEngine.call(
        configuration.getCommandExecutorTxRequired(),
        context ->
            configuration.getIdentityService().createUserQuery().memberOfGroup(groupId).count());
  }

  /** The e-mail address of the user's account; null: no such account. */
  String storedEmail(String userId) {
    return AsEngine.call(
        configuration.getCommandExecutorTxRequired(),
        context -> {
          User user =
              configuration.getIdentityService().createUserQuery().userId(userId).singleResult();
          return user == null ? null : user.getEmail();
        });
  }

  /** The resource type of a stored authorization; null: no such authorization. */
  Integer storedResourceType(String authorizationId) {
    if (authorizationId == null) {
      return null;
    }
    return AsEngine.call(
        configuration.getCommandExecutorTxRequired(),
        context -> {
          Authorization stored =
              configuration
                  .getAuthorizationService()
                  .createAuthorizationQuery()
                  .authorizationId(authorizationId)
                  .singleResult();
          return stored == null ? null : stored.getResourceType();
        });
  }

  /** Whether the engine's history names the user as a task's assignee or owner. */
  boolean heldTasks(String userId) {
    HistoryService history = configuration.getHistoryService();
    return AsEngine.call(
        configuration.getCommandExecutorTxRequired(),
        context ->
            history.createHistoricTaskInstanceQuery().taskAssignee(userId).count()
                    + history.createHistoricTaskInstanceQuery().taskOwner(userId).count()
                > 0);
  }
}
