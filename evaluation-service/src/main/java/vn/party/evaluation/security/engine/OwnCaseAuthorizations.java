package vn.party.evaluation.security.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a task about a member is created (see {@link OwnCases}), an engine authorization revoking every permission of
 * that member on the task: a user's authorization outweighs their groups', so the member, even seated on the
 * committee whose task it is, neither sees it in any task query (the domain API's and the pages' lists, the engine
 * REST API, Tasklist's filters) nor reads, claims or completes it. The engine deletes it with the task. Revocations are
 * checked only for users who have one (the engine's {@code authorizationCheckRevokes=auto}).
 */
@Component
public class OwnCaseAuthorizations {

  @EventListener
  public void on(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
        || !(task instanceof TaskEntity entity)) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    context.runWithoutAuthorization(
        () -> {
          Set<String> subjects = OwnCases.subjectsOf(entity);
          if (!subjects.isEmpty()) {
            revokeFrom(context, entity.getId(), subjects);
          }
          return null;
        });
  }

  /** Revokes every permission of each subject on the task; inside a command, authorization checks off. */
  static void revokeFrom(CommandContext context, String taskId, Set<String> subjects) {
    for (String userId : subjects) {
      AuthorizationEntity revoke = new AuthorizationEntity(AUTH_TYPE_REVOKE);
      revoke.setUserId(userId);
      revoke.setResource(Resources.TASK);
      revoke.setResourceId(taskId);
      revoke.setPermissions(new Permission[] {Permissions.ALL});
      context.getAuthorizationManager().insert(revoke);
    }
  }
}
