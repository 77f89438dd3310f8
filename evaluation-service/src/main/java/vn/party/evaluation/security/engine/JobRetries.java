package vn.party.evaluation.security.engine;

import org.camunda.bpm.engine.impl.cmd.AbstractSetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SetExternalTaskRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * A job's retries set by a person (outsider's re-attack of 2026-12-06, fifth session, finding 3): a positive number
 * retries a failed job (an incident's retry, left to the administrator); 0 or less takes a job, a deadline's timer say,
 * out of the job executor's hands, and the evaluation waits for good. Refused for every form — one job, a job
 * definition's jobs, the batches by jobs or by process instances, external tasks — judged on the command alone, before
 * the engine looks for the job (one answer whether it exists or not).
 */
final class JobRetries {

  private JobRetries() {}

  /** Whether the command sets some job's retries to 0 or less. */
  static boolean stalls(Command<?> command) {
    Object retries = null;
    if (command instanceof SetJobRetriesCmd
        || command instanceof AbstractSetJobsRetriesBatchCmd
        || command instanceof SetExternalTaskRetriesCmd) {
      retries = CommandWrites.fieldOf(command, "retries");
    } else if (command instanceof AbstractSetExternalTaskRetriesCmd<?>) {
      Object builder = CommandWrites.fieldOf(command, "builder");
      retries = builder == null ? null : CommandWrites.fieldOf(builder, "retries");
    }
    return retries instanceof Integer count && count <= 0;
  }
}
