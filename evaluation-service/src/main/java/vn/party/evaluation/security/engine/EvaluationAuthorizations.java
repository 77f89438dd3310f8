package vn.party.evaluation.security.engine;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Who reads and works on the evaluations is the application's (outsider's recheck of 2026-12-07, medium B): the
 * administrator granted a party member READ and READ_HISTORY on every process instance ({@code POST
 * /authorization/create}, resource types 6 and 8), a hidden reader of every evaluation outside {@code auditors}, whom
 * nobody would find on the unit's pages. The application grants those rights itself: the inspectors by joining
 * {@code auditors} ({@code AccessSetup}; {@link BuiltInGroups} keeps party members and seat holders out), the
 * committees per task through their seats, the member it is about losing them ({@link OwnCaseAuthorizations}).
 *
 * <p>So a person — the administrator included, at every door: the engine REST API in both path forms, Camunda Admin,
 * Java as a person — grants, changes and removes engine authorizations only on what is about accounts and the webapps
 * ({@link #PERSONS_RESOURCES}); an authorization on anything else (process definitions and instances, tasks, their
 * history, decisions, deployments, batches, the operation log, Optimize's export) is refused, both the one sent and,
 * for a change or a removal, the one stored. A resource type the engine adds later is refused until it is listed.
 */
final class EvaluationAuthorizations {

  /** What a person's authorizations may be about: sign-ins, groups, tenants, filters, the webapps, the metrics. */
  static final Set<Resources> PERSONS_RESOURCES =
      EnumSet.of(
          Resources.APPLICATION,
          Resources.USER,
          Resources.GROUP,
          Resources.GROUP_MEMBERSHIP,
          Resources.AUTHORIZATION,
          Resources.FILTER,
          Resources.TENANT,
          Resources.TENANT_MEMBERSHIP,
          Resources.SYSTEM);

  private EvaluationAuthorizations() {}

  /**
   * Whether a person may not give this command; {@code storedType} reads an authorization's resource type by id, as the
   * engine (null: no such authorization).
   */
  static boolean refused(Command<?> command, Function<String, Integer> storedType) {
    if (command instanceof SaveAuthorizationCmd
        && CommandWrites.fieldOf(command, "authorization") instanceof AuthorizationEntity sent) {
      return !persons(sent.getResourceType())
          || sent.getId() != null && !persons(storedType.apply(sent.getId()));
    }
    if (command instanceof DeleteAuthorizationCmd) {
      Integer stored = storedType.apply(CommandWrites.stringField(command, "authorizationId"));
      return stored != null && !persons(stored);
    }
    return false;
  }

  private static boolean persons(Integer resourceType) {
    return resourceType == null
        || PERSONS_RESOURCES.stream().anyMatch(r -> r.resourceType() == resourceType);
  }
}
