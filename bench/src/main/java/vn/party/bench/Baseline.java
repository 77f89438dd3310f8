package vn.party.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bare engine, in this JVM, on the same PostgreSQL: a process with one user task (assignee from a variable,
 * business key as evaluation-service gives one), started and completed through the Java API with nothing else —
 * no authorizations, no listeners, no domain writes. Single-threaded and with {@code threads} workers.
 *
 * <p>History level {@code full} (evaluation-service's) runs in schema {@code public}, where evaluation-service's
 * engine tables will be; another level runs in its own schema (the engine refuses a history level other than the
 * one its tables were created with), dropped afterwards.
 */
final class Baseline {

  private static final Logger log = LoggerFactory.getLogger(Baseline.class);
  static final String PROCESS_KEY = "bench-one-user-task";

  private Baseline() {}

  static void run(
      TargetDatabase db,
      String historyLevel,
      String schema,
      BenchOptions options,
      Results results,
      Long postgresPid,
      Probe probe) {
    log.info(
        "Baseline, history level {}{}: {} warm-up, then {} instances single-threaded and {} with {} threads",
        historyLevel,
        schema == null ? "" : " (schema " + schema + ")",
        options.warmup,
        options.baselineN,
        options.baselineN,
        options.users);
    HikariDataSource ds = null;
    ProcessEngine engine = null;
    try {
      if (schema != null) {
        try (HikariDataSource admin = db.pool("bench-schema", 1, null)) {
          db.execute(admin, "drop schema if exists " + schema + " cascade");
          db.execute(admin, "create schema " + schema);
        }
      }
      ds = db.pool("bench-baseline-" + historyLevel, options.users + 2, schema);
      engine = buildEngine(ds, historyLevel, schema);
      deploy(engine);
      RuntimeService runtime = engine.getRuntimeService();
      TaskService tasks = engine.getTaskService();

      // warm-up: JIT, caches, connection pool
      Load.run(options.warmup, 1, i -> start(runtime, "warmup-" + i));
      completeAll(tasks, 1);

      String prefix = "baseline." + historyLevel + ".";
      int n = options.baselineN;
      CpuMeter cpu =
          CpuMeter.of("this JVM + PostgreSQL", ProcessHandle.current().pid(), postgresPid)
              .orElse(null);
      String t = options.users + "t";
      long c0 = cpu == null ? 0 : cpu.cpuNanos();
      Probe.Phase phase = probe.begin("baseline-" + historyLevel + "-start-1t");
      Load.Measurement starts = Load.run(n, 1, i -> start(runtime, "s-" + i));
      double startCpu = cpu == null ? Double.NaN : cpu.msPerOperation(c0, n);
      double startSql = phase.end(n);
      List<String> ids = openTasks(tasks);
      c0 = cpu == null ? 0 : cpu.cpuNanos();
      phase = probe.begin("baseline-" + historyLevel + "-complete-1t");
      Load.Measurement completions = complete(tasks, ids, 1);
      double completeCpu =
          cpu == null ? Double.NaN : cpu.msPerOperation(c0, completions.operations());
      double completeSql = phase.end(completions.operations());
      EventBaseline.Measured correlations =
          EventBaseline.run(engine, options.warmup, n, cpu, probe, "baseline-" + historyLevel);
      Load.Measurement startsParallel = Load.run(n, options.users, i -> start(runtime, "p-" + i));
      ids = openTasks(tasks);
      c0 = cpu == null ? 0 : cpu.cpuNanos();
      phase = probe.begin("baseline-" + historyLevel + "-complete-" + t);
      Load.Measurement completionsParallel = complete(tasks, ids, options.users);
      double completeParallelCpu =
          cpu == null ? Double.NaN : cpu.msPerOperation(c0, completionsParallel.operations());
      double completeParallelSql = phase.end(completionsParallel.operations());
      checkNoErrors(starts, completions, correlations.load(), startsParallel, completionsParallel);

      results.add(
          Figure.of(
              prefix + "start.1t",
              starts.perSecond(),
              "instances/s",
              n + " starts, 1 thread, p50 " + ms(starts.latencies().percentileMillis(50)) + " ms"));
      results.add(
          Figure.of(
              prefix + "complete.1t",
              completions.perSecond(),
              "completions/s",
              n
                  + " completions, 1 thread, p50 "
                  + ms(completions.latencies().percentileMillis(50))
                  + " ms"));
      for (int p : new int[] {50, 99}) {
        results.add(
            Figure.of(
                prefix + "complete.1t.p" + p,
                completions.latencies().percentileMillis(p),
                "ms",
                "TaskService.complete latency, 1 thread: one bare step of a process"));
      }
      results.add(
          Figure.of(
              prefix + "start." + t,
              startsParallel.perSecond(),
              "instances/s",
              n + " starts, " + options.users + " threads"));
      results.add(
          Figure.of(
              prefix + "complete." + t,
              completionsParallel.perSecond(),
              "completions/s",
              n + " completions, " + options.users + " threads"));
      for (int p : new int[] {50, 95, 99}) {
        results.add(
            Figure.of(
                prefix + "complete." + t + ".p" + p,
                completionsParallel.latencies().percentileMillis(p),
                "ms",
                "TaskService.complete latency, " + options.users + " threads"));
      }
      if (cpu != null) {
        String note = "CPU of " + cpu.description() + " per operation";
        results.add(Figure.of(prefix + "start.1t.cpu", startCpu, "cpu-ms/op", note));
        results.add(Figure.of(prefix + "complete.1t.cpu", completeCpu, "cpu-ms/op", note));
        results.add(
            Figure.of(prefix + "complete." + t + ".cpu", completeParallelCpu, "cpu-ms/op", note));
      }
      correlations.report(prefix, results);
      results.add(Probe.figure(prefix + "start.1t", startSql, null));
      results.add(Probe.figure(prefix + "complete.1t", completeSql, null));
      results.add(Probe.figure(prefix + "complete." + t, completeParallelSql, null));
    } finally {
      if (engine != null) {
        engine.close();
      }
      if (ds != null) {
        ds.close();
      }
      if (schema != null) {
        try (HikariDataSource admin = db.pool("bench-schema", 1, null)) {
          db.execute(admin, "drop schema if exists " + schema + " cascade");
        } catch (RuntimeException e) {
          log.warn("Could not drop schema {}: {}", schema, e.getMessage());
        }
      }
    }
  }

  static ProcessEngine buildEngine(HikariDataSource ds, String historyLevel, String schema) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bench-baseline-" + historyLevel);
    config.setDataSource(ds);
    config.setDatabaseSchemaUpdate("true");
    if (schema != null) {
      // the engine wants both; the connections' search path (see TargetDatabase.pool) puts the
      // tables there
      config.setDatabaseSchema(schema);
      config.setDatabaseTablePrefix(schema + ".");
    }
    config.setHistory(historyLevel);
    config.setJobExecutorActivate(false);
    // as the Spring Boot starter configures evaluation-service's engine
    config.setIdGenerator(new StrongUuidGenerator());
    return config.buildProcessEngine();
  }

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_KEY)
        .name("Bench: one user task")
        .camundaHistoryTimeToLive(180)
        .startEvent("started")
        .userTask("task")
        .name("The task")
        .camundaAssignee("${assignee}")
        .endEvent("ended")
        .done();
  }

  private static void deploy(ProcessEngine engine) {
    engine
        .getRepositoryService()
        .createDeployment()
        .name("bench-baseline")
        .addModelInstance(PROCESS_KEY + ".bpmn", model())
        .addModelInstance(EventBaseline.PROCESS_KEY + ".bpmn", EventBaseline.model())
        .enableDuplicateFiltering(true)
        .deploy();
  }

  private static void start(RuntimeService runtime, String businessKey) {
    runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, Map.of("assignee", "bench-user"));
  }

  /** Completes every open task of the bench process (fetched first, untimed) with {@code threads} workers. */
  private static Load.Measurement completeAll(TaskService tasks, int threads) {
    return complete(tasks, openTasks(tasks), threads);
  }

  private static List<String> openTasks(TaskService tasks) {
    return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).list().stream()
        .map(Task::getId)
        .toList();
  }

  private static Load.Measurement complete(TaskService tasks, List<String> ids, int threads) {
    return Load.run(ids.size(), threads, i -> tasks.complete(ids.get(i)));
  }

  private static void checkNoErrors(Load.Measurement... measurements) {
    for (Load.Measurement m : measurements) {
      if (m.errors() > 0) {
        throw new IllegalStateException(
            "baseline: "
                + m.errors()
                + " of "
                + m.operations()
                + " operations failed, first: "
                + m.firstError());
      }
    }
  }

  static String ms(double v) {
    return Results.number(v);
  }
}
