package vn.party.evaluation.security.engine;

import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.SetAnnotationForOperationLog;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.batch.history.DeleteHistoricBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.UpdateCaseDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine commands that steer, stop, end or rewrite an evaluation's process or its history from outside its steps
 * (issue 12, outsider's re-attack: the administrator, or anyone the administrator granted engine rights, moved an
 * evaluation past its self-review and branch review with a modification, recorded a decision by starting its last
 * step, suspended or deleted evaluations and their history). An evaluation moves only through its tasks, its events
 * and the application's own services (a movement ends one, with its reason); no person gives these, whatever
 * authorizations say and whatever the door: the engine REST API in both path forms, the webapps (Cockpit), Java.
 *
 * <p>Time is the process's too (outsider's re-attack, the timer-job door): no person runs a timer of the application's
 * processes before it is due (the complaint window, a deadline for a comment), nor changes or recalculates the due
 * date or priority of any of their jobs (also as part of setting retries). Nor does a person change a definition's history time
 * to live, after which the engine's history cleanup would delete the auditors' history: no person deploys (below),
 * so every definition in the engine is the application's, and each keeps the time to live its deployment gives it
 * (P3650D); nor deletes a definition (by id, by key, cascading or not: sixth session, finding 1). The cleanup itself ({@code POST /history/cleanup}) stays the administrator's: it deletes only what that
 * time to live lets go.
 *
 * <p>Left to the administrator: running a job again that failed or is due (an incident's retry), setting a job's
 * retries, and the identity commands the unit pages do not own.
 */
final class ProcessControlCommands {

  private static final List<Class<?>> REFUSED =
      List.of(
          // steering a running evaluation
          AbstractProcessInstanceModificationCommand.class,
          ModifyProcessInstanceCmd.class,
          ModifyProcessInstanceAsyncCmd.class,
          ProcessInstanceModificationCmd.class,
          ProcessInstanceModificationBatchCmd.class,
          StartProcessInstanceCmd.class,
          StartProcessInstanceAtActivitiesCmd.class,
          AbstractRestartProcessInstanceCmd.class,
          RestartProcessInstancesBatchCmd.class,
          MigrateProcessInstanceCmd.class,
          MigrateProcessInstanceBatchCmd.class,
          AbstractCorrelateMessageCmd.class,
          CorrelateMessageCmd.class,
          CorrelateAllMessageCmd.class,
          CorrelateAllMessageBatchCmd.class,
          MessageEventReceivedCmd.class,
          SignalCmd.class,
          SignalEventReceivedCmd.class,
          SetVariablesToProcessInstancesBatchCmd.class,
          // stopping or ending one
          AbstractSetProcessInstanceStateCmd.class,
          AbstractUpdateProcessInstancesSuspendStateCmd.class,
          UpdateProcessInstancesSuspendStateBatchCmd.class,
          AbstractSetProcessDefinitionStateCmd.class,
          AbstractSetJobDefinitionStateCmd.class,
          AbstractSetJobStateCmd.class,
          DeleteJobCmd.class,
          DeleteJobsCmd.class,
          AbstractDeleteProcessInstanceCmd.class,
          DeleteProcessInstancesCmd.class,
          DeleteProcessInstanceBatchCmd.class,
          // replacing the processes themselves
          DeployCmd.class,
          DeleteDeploymentCmd.class,
          AbstractDeleteProcessDefinitionCmd.class,
          // rewriting what the auditors read
          DeleteHistoricProcessInstancesCmd.class,
          DeleteHistoricProcessInstancesBatchCmd.class,
          DeleteHistoricTaskInstanceCmd.class,
          DeleteHistoricVariableInstanceCmd.class,
          DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
          DeleteUserOperationLogEntryCmd.class,
          DeleteProcessInstanceCommentCmd.class,
          SetRemovalTimeToHistoricProcessInstancesCmd.class,
          DeleteHistoricDecisionInstancesBulkCmd.class,
          DeleteHistoricDecisionInstancesBatchCmd.class,
          DeleteHistoricDecisionInstanceByInstanceIdCmd.class,
          DeleteHistoricDecisionInstanceByDefinitionIdCmd.class,
          SetRemovalTimeToHistoricDecisionInstancesCmd.class,
          // shortening how long history is kept, for the cleanup to delete it
          UpdateProcessDefinitionHistoryTimeToLiveCmd.class,
          UpdateDecisionDefinitionHistoryTimeToLiveCmd.class,
          UpdateCaseDefinitionHistoryTimeToLiveCmd.class,
          // outsider's re-attack of 2026-12-06 (fifth session): ending a process by a BPMN error or
          // escalation from its task (no process has a boundary for one: the engine ends the
          // execution silently), starting one by its start form, a forged incident, notes on what
          // the auditors read
          HandleTaskBpmnErrorCmd.class,
          HandleTaskEscalationCmd.class,
          HandleExternalTaskBpmnErrorCmd.class,
          SubmitStartFormCmd.class,
          CreateIncidentCmd.class,
          SetAnnotationForOperationLog.class,
          SetAnnotationForIncidentCmd.class,
          // outsider's re-attack of 2026-12-07 (sixth session, from the engine's command list):
          // deleting a definition by id (DELETE /process-definition/{id}, also what /key/{key}
          // resolves to; the by-key command was refused already) — with cascade it deleted every
          // running evaluation of it and its history. The DMN definitions have no delete command:
          // they go only with their deployment (refused above)
          DeleteProcessDefinitionsByIdsCmd.class,
          // evaluating a decision of the rules outside a process: a made-up case written into the
          // decision history the auditors read (the application's rules run in its own DMN engine,
          // RuleBook, and a business rule task inside a person's command is not the outermost)
          EvaluateDecisionCmd.class,
          EvaluateDecisionTableCmd.class,
          // the batches' history: a record of what was done to processes in bulk (retries set by
          // the administrator, say); the history cleanup removes it when its time has come
          DeleteHistoricBatchCmd.class,
          SetRemovalTimeToHistoricBatchesCmd.class);

  private ProcessControlCommands() {}

  /**
   * Whether no person may give this command; the jobs it names are read as the engine, with {@code executor}. A
   * batch setting retries is refused only when it sets due dates too (its jobs are known only when it runs).
   */
  static boolean refused(Command<?> command, CommandExecutor executor) {
    if (command instanceof AbstractSetJobsRetriesBatchCmd) {
      return setsDueDate(command);
    }
    if (REFUSED.stream().anyMatch(type -> type.isInstance(command))) {
      return true;
    }
    if (command instanceof ExecuteJobsCmd) {
      String jobId = CommandWrites.stringField(command, "jobId");
      return read(executor, context -> timerNotYetDue(context.getJobManager().findJobById(jobId)));
    }
    if (command instanceof SetJobDuedateCmd
        || command instanceof RecalculateJobDuedateCmd
        // the order in which the job executor takes the evaluation's jobs is the process's
        // (sixth session, finding 7); the history cleanup's own jobs stay the administrator's
        || command instanceof SetJobPriorityCmd
        || command instanceof SetJobDefinitionPriorityCmd
        || command instanceof SetJobRetriesCmd && setsDueDate(command)) {
      return read(executor, context -> namesApplicationJob(command, context));
    }
    return false;
  }

  /**
   * A timer of the application's processes that has not fired yet: its due date is still to come and it never
   * failed (a failed timer waiting for its next retry is an incident's to run again).
   */
  private static boolean timerNotYetDue(JobEntity job) {
    if (!(job instanceof TimerEntity) || !application(job)) {
      return false;
    }
    Date due = job.getDuedate();
    return due != null
        && due.after(ClockUtil.getCurrentTime())
        && job.getExceptionMessage() == null;
  }

  /** Whether a job the command names (by id, ids or job definition) is one of the application's processes. */
  private static boolean namesApplicationJob(Command<?> command, CommandContext context) {
    String jobId = CommandWrites.stringField(command, "jobId");
    if (jobId != null && application(context.getJobManager().findJobById(jobId))) {
      return true;
    }
    if (CommandWrites.fieldOf(command, "jobIds") instanceof List<?> ids) {
      for (Object id : ids) {
        if (id instanceof String text && application(context.getJobManager().findJobById(text))) {
          return true;
        }
      }
    }
    String definitionId = CommandWrites.stringField(command, "jobDefinitionId");
    if (definitionId != null) {
      JobDefinitionEntity definition = context.getJobDefinitionManager().findById(definitionId);
      return definition != null
          && TaskSeats.APPLICATION_PROCESSES.contains(definition.getProcessDefinitionKey());
    }
    return false;
  }

  private static boolean application(JobEntity job) {
    return job != null && TaskSeats.APPLICATION_PROCESSES.contains(job.getProcessDefinitionKey());
  }

  private static boolean setsDueDate(Command<?> command) {
    return Boolean.TRUE.equals(CommandWrites.fieldOf(command, "isDueDateSet"));
  }

  private static boolean read(CommandExecutor executor, Function<CommandContext, Boolean> check) {
    return Boolean.TRUE.equals(AsEngine.call(executor, check));
  }
}
