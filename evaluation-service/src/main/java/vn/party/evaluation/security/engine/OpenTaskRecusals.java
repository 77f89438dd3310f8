package vn.party.evaluation.security.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.ProcessKeys;

/**
 * Tasks about a member that were open before {@link OwnCaseAuthorizations} existed (an upgrade of a running year)
 * have no revocation, so a member seated since then would still see them in the engine's lists. At every start, those
 * tasks get the revocation a task gets when it is created; normally none are found and it is one query. The commands
 * themselves were refused all along by {@link UserCommandGuard}.
 */
@Component
public class OpenTaskRecusals {

  private static final Logger log = LoggerFactory.getLogger(OpenTaskRecusals.class);

  /** Open tasks of the member processes, other than the member's own self-review, without any user's revocation. */
  private static final String WITHOUT_REVOCATION =
      """
      select t.id_ from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_
      where d.key_ in (?, ?, ?) and t.task_def_key_ <> ?
        and not exists (select 1 from act_ru_authorization a
                        where a.resource_type_ = ? and a.resource_id_ = t.id_ and a.type_ = ?)
      """;

  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl configuration;

  public OpenTaskRecusals(JdbcTemplate jdbc, ProcessEngineConfigurationImpl configuration) {
    this.jdbc = jdbc;
    this.configuration = configuration;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    int revoked = revokeWhereMissing();
    if (revoked > 0) {
      log.info(
          "Recusal: {} open task(s) from before recusal existed were revoked from their member",
          revoked);
    }
  }

  /** Gives each open task about a member that lacks it the member's revocation; the number of tasks changed. */
  public int revokeWhereMissing() {
    List<String> taskIds =
        jdbc.queryForList(
            WITHOUT_REVOCATION,
            String.class,
            ProcessKeys.MEMBER_EVALUATION,
            ProcessKeys.MEMBER_RERATING,
            ProcessKeys.MEMBER_REAPPRAISAL,
            ProcessKeys.SELF_REVIEW,
            Resources.TASK.resourceType(),
            AUTH_TYPE_REVOKE);
    int changed = 0;
    for (String taskId : taskIds) {
      if (revoke(taskId)) {
        changed++;
      }
    }
    return changed;
  }

  private boolean revoke(String taskId) {
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context.runWithoutAuthorization(
                    () -> {
                      TaskEntity task = context.getTaskManager().findTaskById(taskId);
                      var subjects = OwnCases.subjectsOf(task);
                      OwnCaseAuthorizations.revokeFrom(context, taskId, subjects);
                      return !subjects.isEmpty();
                    }));
  }
}
