package vn.party.evaluation.security.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.SetAnnotationForOperationLog;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
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
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;

/**
 * The engine commands that steer, stop, end or rewrite an evaluation's process or its history from outside its steps
 * (issue 12, outsider's re-attack: the administrator, or anyone the administrator granted engine rights, moved an
 * evaluation past its self-review and branch review with a modification, recorded a decision by starting its last
 * step, suspended or deleted evaluations and their history). An evaluation moves only through its tasks, its events
 * and the application's own services (a movement ends one, with its reason); no person gives these, whatever
 * authorizations say and whatever the door: the engine REST API in both path forms, the webapps (Cockpit), Java.
 *
 * <p>Left to the administrator: running a due job again or sooner (an incident's retry) and the identity commands the
 * unit pages do not own.
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
          // outsider's re-attack of 2026-12-06 (fifth session): ending a process by a BPMN error or
          // escalation from its task (no process has a boundary for one: the engine ends the
          // execution
          // silently), starting one by its start form, a forged incident, notes on what the
          // auditors read
          HandleTaskBpmnErrorCmd.class,
          HandleTaskEscalationCmd.class,
          HandleExternalTaskBpmnErrorCmd.class,
          SubmitStartFormCmd.class,
          CreateIncidentCmd.class,
          SetAnnotationForOperationLog.class,
          SetAnnotationForIncidentCmd.class);

  private ProcessControlCommands() {}

  /** Whether no person may give this command. */
  static boolean refused(Command<?> command) {
    return REFUSED.stream().anyMatch(type -> type.isInstance(command));
  }
}
