package vn.party.evaluation.account;

import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import vn.party.evaluation.account.flow.PartyPasswordPolicy;
import vn.party.evaluation.process.Groups;

/**
 * The engine's metrics and telemetry are for administrators: how much work the engine did and for whom tells an
 * outsider about the organization's activity (members could read {@code /engine-rest/metrics}). Checked in the engine,
 * on the commands, so every door refuses the same (engine REST in both path forms, the webapps' API, Java callers
 * with a user). The engine itself (reporting its metrics, no user) is not affected.
 *
 * <p>Also: a password the policy refuses is a bad request (400), not a server error, through engine REST and the
 * webapps' admin API.
 */
class AdministratorsOnlyCommands extends CommandInterceptor {

  /** By class name: some are not public; MetricsQueryImpl is itself the command of its sum() and interval(). */
  private static final Set<String> GUARDED =
      Set.of(
          "MetricsQueryImpl",
          "MetricsQuerySumCmd",
          "MetricsQueryIntervalCmd",
          "DeleteMetricsCmd",
          "DeleteTaskMetricsCmd",
          "GetUniqueTaskWorkerCountCmd",
          "GetTelemetryDataCmd",
          "TelemetryConfigureCmd",
          "IsTelemetryEnabledCmd");

  private final Supplier<IdentityService> identityService;

  AdministratorsOnlyCommands(Supplier<IdentityService> identityService) {
    this.identityService = identityService;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SaveUserCmd) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if (e.getMessage() != null && e.getMessage().contains("does not match policy")) {
          // the engine says so with a plain ProcessEngineException, which engine REST answers 500:
          // it is a bad input
          throw new BadUserRequestException(
              "Password does not match policy: at least "
                  + PartyPasswordPolicy.MIN_LENGTH
                  + " characters, not containing the user id, not a common password",
              e);
        }
        throw e;
      }
    }
    if (GUARDED.contains(command.getClass().getSimpleName())) {
      Authentication user = identityService.get().getCurrentAuthentication();
      if (user != null
          && user.getUserId() != null
          && (user.getGroupIds() == null || !user.getGroupIds().contains(Groups.ADMINS))) {
        throw new AuthorizationException(
            user.getUserId()
                + " may not read or change the engine's metrics: "
                + "administrators only");
      }
    }
    return next.execute(command);
  }
}
