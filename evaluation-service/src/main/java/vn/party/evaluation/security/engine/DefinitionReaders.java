package vn.party.evaluation.security.engine;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;

/**
 * Everybody signed in reads the process definitions (Tasklist names a task's process and shows its diagram), granted
 * to each group — when the group is created ({@link Provider}), and at start to every group still without it — and
 * never as a global authorization, which the start removes.
 *
 * <p>Why not global (open question D of 2026-12-07): the engine reads a global authorization as the base of its
 * resource type, revoking every permission it leaves out, for each person it checks revocations for — with {@code
 * authorizationCheckRevokes=auto}, whoever holds one. A member about whom a task is open (their branch review, a
 * committee's decision, a re-rating…) holds one ({@link OwnCaseAuthorizations}). For that member the global READ on
 * every process definition revoked TASK_ASSIGN, TASK_WORK, UPDATE_TASK… on every definition, and the engine's task
 * checks take the first answer in their order (for a save: TASK_ASSIGN on the task, TASK_ASSIGN on its definition,
 * UPDATE on the task…): the definition's revocation answered before the member's own rights on the task. Their
 * unchanged save of their self-review with an UPDATE on it was refused (403) while the same save by a member with no
 * open case passed. A grant revokes nothing, so every member's rights are the same whatever is open about them.
 *
 * <p>The other global authorizations ({@code AccessSetup}: Tasklist, deployments, the shared filters) stay: the
 * engine checks those resources on their own, never before a task's rights, and a revocation there refuses only
 * what nothing granted.
 */
@Component
public class DefinitionReaders {

  private static final Logger log = LoggerFactory.getLogger(DefinitionReaders.class);

  private final ProcessEngineConfigurationImpl configuration;

  public DefinitionReaders(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    int granted = grantWhereMissing();
    if (granted > 0) {
      log.info("Process definitions: READ granted to {} group(s)", granted);
    }
  }

  /**
   * Grants READ on every process definition to each group without it and removes the global one (an installation
   * from before); the number of groups granted.
   */
  public int grantWhereMissing() {
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context.runWithoutAuthorization(
                    () -> {
                      AuthorizationManager authorizations = context.getAuthorizationManager();
                      int granted = 0;
                      for (Group group :
                          context.getReadOnlyIdentityProvider().createGroupQuery(context).list()) {
                        AuthorizationEntity grant = readGrant(authorizations, group.getId());
                        if (grant != null) {
                          save(authorizations, grant);
                          granted++;
                        }
                      }
                      AuthorizationEntity global =
                          authorizations.findAuthorization(
                              AUTH_TYPE_GLOBAL, ANY, null, Resources.PROCESS_DEFINITION, ANY);
                      if (global != null) {
                        authorizations.delete(global);
                      }
                      return granted;
                    }));
  }

  /**
   * The group's grant of READ on every process definition to save, or null when it holds it already: a new one, or
   * the group's grant on every definition (the auditors' one, say) with READ added (one grant per group and resource).
   */
  static AuthorizationEntity readGrant(AuthorizationManager authorizations, String groupId) {
    AuthorizationEntity held =
        authorizations.findAuthorizationByGroupIdAndResourceId(
            AUTH_TYPE_GRANT, groupId, Resources.PROCESS_DEFINITION, ANY);
    if (held == null) {
      AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(ANY);
      grant.addPermission(Permissions.READ);
      return grant;
    }
    if (held.isPermissionGranted(Permissions.READ)) {
      return null;
    }
    held.addPermission(Permissions.READ);
    return held;
  }

  private static void save(AuthorizationManager authorizations, AuthorizationEntity grant) {
    if (grant.getId() == null) {
      authorizations.insert(grant);
    } else {
      authorizations.update(grant);
    }
  }

  /**
   * The engine's default authorizations, and a new group's READ on every process definition — except the built-in
   * groups whose rights on the definitions are set elsewhere, each only where the group holds nothing on them yet:
   * {@code camunda-admin} (ALL, from Camunda's own start-up right after it creates the group) and {@code auditors}
   * ({@code AccessSetup}); a grant made here first would stand in for theirs.
   */
  public static class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newGroup(Group group) {
      AuthorizationEntity[] defaults = super.newGroup(group);
      if (Groups.ADMINS.equals(group.getId()) || Groups.AUDITORS.equals(group.getId())) {
        return defaults;
      }
      List<AuthorizationEntity> all =
          new ArrayList<>(defaults == null ? List.of() : Arrays.asList(defaults));
      AuthorizationEntity grant =
          Context.getCommandContext()
              .runWithoutAuthorization(
                  () ->
                      readGrant(
                          Context.getCommandContext().getAuthorizationManager(), group.getId()));
      if (grant != null) {
        all.add(grant);
      }
      return all.toArray(new AuthorizationEntity[0]);
    }
  }

  /** Installs {@link Provider}, as {@link FreshTaskGrants}, as the engine's authorization provider. */
  public static class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setResourceAuthorizationProvider(new FreshTaskGrants());
    }
  }
}
