package vn.party.evaluation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * Issue 15: the engine finds which of a person's groups hold authorizations by asking for those groups, not by reading
 * every group id of ACT_RU_AUTHORIZATION in each of the person's commands ({@link AuthorizedGroups}); the answer is
 * the same set.
 */
class AuthorizedGroupsTest extends IntegrationTestSupport {

  @Autowired private ProcessEngineConfigurationImpl configuration;
  @Autowired private AuthorizationService authorizationService;

  @Test
  void aPersonsGroupsAreCheckedByIndexAndOnlyThoseHoldingAGrantAreKept() {
    Authorization grant =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("ag-with-a-grant");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("authorized-groups-test");
    grant.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(grant);

    AuthorizationManager manager = inACommand(context -> context.getAuthorizationManager());
    List<String> kept =
        inACommand(
            context ->
                context
                    .getAuthorizationManager()
                    .filterAuthenticatedGroupIds(
                        List.of("ag-with-a-grant", "ag-without-any", "ag-with-a-grant")));

    assertThat(manager).isInstanceOf(AuthorizedGroups.ByIndex.class);
    assertThat(kept).containsExactly("ag-with-a-grant");
    List<String> none =
        inACommand(c -> c.getAuthorizationManager().filterAuthenticatedGroupIds(List.of()));
    assertThat(none).isEmpty();
    // the same set as the engine's own way: every group id of the table, kept if the person's
    assertThat(
            jdbc.sql(
                    "select distinct group_id_ from act_ru_authorization where group_id_ in ('ag-with-a-grant', 'ag-without-any')")
                .query(String.class)
                .list())
        .containsExactlyElementsOf(kept);

    authorizationService.deleteAuthorization(grant.getId());
    List<String> afterDeletion =
        inACommand(
            context ->
                context
                    .getAuthorizationManager()
                    .filterAuthenticatedGroupIds(List.of("ag-with-a-grant")));
    assertThat(afterDeletion).isEmpty();
  }

  private <T> T inACommand(Command<T> command) {
    return configuration.getCommandExecutorTxRequired().execute(command);
  }
}
