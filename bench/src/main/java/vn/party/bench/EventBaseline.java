package vn.party.bench;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The engine-only part of "event to task" (issue 15): a message correlated by business key into an instance waiting
 * at an event-based gateway (the message, or a timer whose job is deleted when the message wins), which goes on to
 * one user task with a candidate group — as evaluation-service's {@code residence-feedback-wait} →
 * {@code branch-review}, without the domain's steps in between (the stored comment, the unit-assessment check, the
 * gateways), without variables, listeners, authorizations or domain writes. Same engine, history level and database
 * as {@link Baseline}; the instances are started beforehand, untimed, and their tasks completed afterwards, untimed.
 */
final class EventBaseline {

  static final String PROCESS_KEY = "bench-event-to-task";
  static final String MESSAGE = "bench-event";
  static final String CANDIDATE_GROUP = "bench-committee";

  private EventBaseline() {}

  /** The correlations' load, CPU and statements per correlation (NaN when not measured). */
  record Measured(Load.Measurement load, double cpu, double sql) {

    void report(String prefix, Results results) {
      String name = prefix + "correlate.1t";
      int n = load.operations();
      results.add(
          Figure.of(
              name,
              load.perSecond(),
              "correlations/s",
              n
                  + " message correlations into an event-based gateway (message or timer), each creating"
                  + " one user task with a candidate group; 1 thread, p50 "
                  + Baseline.ms(load.latencies().percentileMillis(50))
                  + " ms"));
      for (int p : new int[] {50, 99}) {
        results.add(
            Figure.of(
                name + ".p" + p,
                load.latencies().percentileMillis(p),
                "ms",
                "RuntimeService correlation latency, 1 thread: the engine's part of an event to task"));
      }
      if (!Double.isNaN(cpu)) {
        results.add(
            Figure.of(
                name + ".cpu",
                cpu,
                "cpu-ms/op",
                "CPU of this JVM + PostgreSQL per correlation: the engine's own part of an event to task"));
      }
      results.add(Probe.figure(name, sql, null));
    }
  }

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_KEY)
        .name("Bench: event to task")
        .camundaHistoryTimeToLive(180)
        .startEvent("started")
        .eventBasedGateway()
        .id("wait")
        .intermediateCatchEvent("received")
        .message(MESSAGE)
        .userTask("task")
        .name("The task")
        .camundaCandidateGroups(CANDIDATE_GROUP)
        .endEvent("ended")
        .moveToNode("wait")
        .intermediateCatchEvent("deadline")
        .timerWithDate("2099-12-31T17:00:00")
        .endEvent("missed")
        .done();
  }

  /**
   * {@code warmup} instances started and correlated untimed, then {@code n} started (untimed) and correlated on one
   * thread (timed, with CPU and statements as phase {@code <phasePrefix>-correlate-1t}).
   */
  static Measured run(
      ProcessEngine engine, int warmup, int n, CpuMeter cpu, Probe probe, String phasePrefix) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    Load.run(warmup, 1, i -> start(runtime, "event-warmup-" + i));
    Load.run(warmup, 1, i -> correlate(runtime, "event-warmup-" + i));
    Load.run(n, 1, i -> start(runtime, "event-" + i));
    long c0 = cpu == null ? 0 : cpu.cpuNanos();
    Probe.Phase phase = probe.begin(phasePrefix + "-correlate-1t");
    Load.Measurement load = Load.run(n, 1, i -> correlate(runtime, "event-" + i));
    double cpuPerOperation = cpu == null ? Double.NaN : cpu.msPerOperation(c0, n);
    double sql = phase.end(n);
    List<String> created =
        tasks
            .createTaskQuery()
            .processDefinitionKey(PROCESS_KEY)
            .taskCandidateGroup(CANDIDATE_GROUP)
            .list()
            .stream()
            .map(Task::getId)
            .toList();
    if (load.errors() == 0 && created.size() != warmup + n) {
      throw new IllegalStateException(
          "event baseline: "
              + created.size()
              + " tasks with the candidate group after "
              + (warmup + n)
              + " correlations");
    }
    // the instances end, so that nothing of the bench waits in the tables the service reads
    Load.run(created.size(), 1, i -> tasks.complete(created.get(i)));
    return new Measured(load, cpuPerOperation, sql);
  }

  private static void start(RuntimeService runtime, String businessKey) {
    runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey);
  }

  private static void correlate(RuntimeService runtime, String businessKey) {
    // as evaluation-service correlates a comment (ResidenceCommentDelivery), without its variable
    if (runtime
            .createMessageCorrelation(MESSAGE)
            .processInstanceBusinessKey(businessKey)
            .correlateAllWithResult()
            .size()
        != 1) {
      throw new IllegalStateException("no instance waited for " + businessKey);
    }
  }
}
