package vn.party.evaluation.directory;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;

/**
 * The engine authorizations every installation needs, created once at start-up (idempotent):
 * <ul>
 *   <li>everybody signed in: Tasklist, the deployments (the forms) (the shared task filters:
 *       {@code engine.TasklistFilters}); the process definitions
 *       are read by a grant to each group ({@code security.engine.DefinitionReaders}), not globally: the engine reads a
 *       global authorization as revoking what it leaves out for a member with an open case about them;</li>
 *   <li>auditors (ủy ban kiểm tra): Cockpit and read — never update — everything, running or finished;</li>
 *   <li>members and committees get their task rights from the engine itself, per task (assignee, candidate
 *       group), so nobody sees or works on another branch's tasks.</li>
 * </ul>
 */
@Component
@Order(1)
public class AccessSetup implements ApplicationRunner {

  private final AuthorizationService authorizations;

  public AccessSetup(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    global(Resources.DEPLOYMENT, ANY, Permissions.READ);

    group(Groups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    group(
        Groups.AUDITORS,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE,
        Permissions.READ_TASK);
    group(Groups.AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    group(Groups.AUDITORS, Resources.TASK, ANY, Permissions.READ);
    group(
        Groups.AUDITORS,
        Resources.DECISION_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_HISTORY);
    group(Groups.AUDITORS, Resources.USER, ANY, Permissions.READ);
    group(Groups.AUDITORS, Resources.GROUP, ANY, Permissions.READ);
  }

  private void global(Resource resource, String resourceId, Permission... permissions) {
    if (authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GLOBAL)
            .resourceType(resource)
            .resourceId(resourceId)
            .count()
        > 0) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private void group(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    if (authorizations
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .count()
        > 0) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
