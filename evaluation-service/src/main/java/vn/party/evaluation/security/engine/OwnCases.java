package vn.party.evaluation.security.engine;

import static vn.party.evaluation.process.ProcessVariables.COLLECTIVE_ID;
import static vn.party.evaluation.process.ProcessVariables.HEADED_UNIT_ID;
import static vn.party.evaluation.process.ProcessVariables.MEMBER_ID;
import static vn.party.evaluation.process.ProcessVariables.MEMBER_USER_ID;
import static vn.party.evaluation.process.ProcessVariables.YEAR;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.ProcessKeys;

/**
 * Recusal: nobody decides their own case. A task of a member's evaluation, re-rating or re-appraisal — the branch
 * review, the committee's decision, the re-rating, the re-appraisal — is about that member (process variable
 * {@code memberUserId}, else {@code memberId}); the member may not claim it, be handed it, complete, submit or resolve
 * it, nor see it in their task lists, even when they sit on the committee whose task it is (real committees are
 * members who are themselves evaluated). The member's own self-review is theirs to do. A collective's rating
 * (collective-decision) is about the unit's heads, whose own level it caps ({@code headedUnitId}); its self-review
 * (Mẫu 01) stays its committee's: a branch committee reviews its own branch by design.
 *
 * <p>Two engine-level parts, so every door is the same: {@link UserCommandGuard} refuses the commands
 * ({@link OwnCaseRefusedException}, 403 with the reason), and {@link OwnCaseAuthorizations} gives each such task, when
 * it is created, an engine authorization that revokes every permission of the member on it, so the engine's own task
 * queries (the domain API's and the pages' lists, the engine REST API, Tasklist's filters) leave it out.
 */
@Component
public class OwnCases {

  private static final Set<String> MEMBER_PROCESSES =
      Set.of(
          ProcessKeys.MEMBER_EVALUATION,
          ProcessKeys.MEMBER_RERATING,
          ProcessKeys.MEMBER_REAPPRAISAL);

  private final ProcessEngineConfigurationImpl configuration;

  public OwnCases(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** Whether the task (looked up as the engine, whoever asks) is about this user, who may then not act on it. */
  public boolean about(String taskId, String userId) {
    if (taskId == null || userId == null) {
      return false;
    }
    return AsEngine.task(
        configuration.getCommandExecutorTxRequired(),
        taskId,
        task -> subjectsOf(task).contains(userId));
  }

  /**
   * The user ids the task is about, who may not act on it (empty: anybody with the rights may). Call inside a
   * command, with the authorization checks off.
   */
  static Set<String> subjectsOf(TaskEntity task) {
    if (task == null
        || task.getProcessDefinitionId() == null
        || ProcessKeys.SELF_REVIEW.equals(task.getTaskDefinitionKey())) {
      return Set.of();
    }
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    if (definition != null
        && ProcessKeys.COLLECTIVE_EVALUATION.equals(definition.getKey())
        && ProcessKeys.COLLECTIVE_DECISION.equals(task.getTaskDefinitionKey())) {
      return headsOf(task);
    }
    if (definition == null || !MEMBER_PROCESSES.contains(definition.getKey())) {
      return Set.of();
    }
    Set<String> subjects = new LinkedHashSet<>();
    for (String name : new String[] {MEMBER_USER_ID, MEMBER_ID}) {
      if (task.getVariable(name) instanceof String id && !id.isBlank()) {
        subjects.add(id);
      }
    }
    return subjects;
  }

  /**
   * The heads of the collective a collective-decision task rates: the members whose evaluation of the same year waits
   * for this unit's rating ({@code headedUnitId}), as their level is capped by it (issue 12, outsider's finding 2).
   * The collective's own self-review (Mẫu 01) stays its committee's, heads included.
   */
  private static Set<String> headsOf(TaskEntity task) {
    if (!(task.getVariable(COLLECTIVE_ID) instanceof String unit)
        || task.getVariable(YEAR) == null) {
      return Set.of();
    }
    RuntimeService runtime = Context.getProcessEngineConfiguration().getRuntimeService();
    Set<String> heads = new LinkedHashSet<>();
    for (ProcessInstance head :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.MEMBER_EVALUATION)
            .variableValueEquals(HEADED_UNIT_ID, unit)
            .variableValueEquals(YEAR, task.getVariable(YEAR))
            .list()) {
      for (String name : new String[] {MEMBER_USER_ID, MEMBER_ID}) {
        if (runtime.getVariable(head.getId(), name) instanceof String id && !id.isBlank()) {
          heads.add(id);
        }
      }
    }
    return heads;
  }
}
