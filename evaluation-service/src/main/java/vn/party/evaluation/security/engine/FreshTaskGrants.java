package vn.party.evaluation.security.engine;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's default grants on a task to its assignee, candidate users and groups ({@link DefinitionReaders.Provider}
 * for the rest), without asking the database for a grant already held on a task the running command has just
 * created and not yet written (issue 15: a select per new task's group or assignee; an event that opens a branch
 * review sent it, so did every launched member's self-review). No row can name that task yet; a grant made on it
 * earlier in the same command is in the command's cache, which the engine merges anyway.
 */
public class FreshTaskGrants extends DefinitionReaders.Provider {

  @Override
  protected AuthorizationEntity getGrantAuthorizationByGroupId(
      String groupId, Resource resource, String resourceId) {
    return unwrittenTask(resource, resourceId)
        ? null
        : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
  }

  @Override
  protected AuthorizationEntity getGrantAuthorizationByUserId(
      String userId, Resource resource, String resourceId) {
    return unwrittenTask(resource, resourceId)
        ? null
        : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
  }

  /** A task the running command created and has not flushed: in its cache, to be inserted. */
  private static boolean unwrittenTask(Resource resource, String resourceId) {
    CommandContext context = Context.getCommandContext();
    if (context == null
        || resourceId == null
        || resource.resourceType() != Resources.TASK.resourceType()) {
      return false;
    }
    DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
    TaskEntity task = cache.get(TaskEntity.class, resourceId);
    return task != null && cache.isTransient(task);
  }
}
