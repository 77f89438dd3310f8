package vn.party.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-review tasks completed through the public, secured domain API by {@code users} concurrent virtual users, each
 * acting as one member at a time: {@code GET /api/v1/tasks} (their work list), then
 * {@code POST /api/v1/tasks/{id}/complete} with a self-review proposing GOOD and the sections a self-criticism
 * requires ({@code EvaluationClient.SELF_REVIEW}) — HTTP Basic checked against
 * the engine's identity store, engine authorizations, form validation, the domain writes and the outbox, as for a
 * real member.
 *
 * <p>The members need engine users to sign in: they are created first, as {@code admin}, through the engine REST
 * API ({@code POST /engine-rest/user/create}, password {@value #PASSWORD}); that set-up is timed separately. Each is
 * put in the members' group {@code members}, as the roster import puts every member's sign-in (a member's rights on
 * their own task come from being its assignee, but the engine asks which of a person's groups hold authorizations in
 * each of their commands, so a member without a group would cost less than a real one).
 */
final class ApiCompletion {

  private static final Logger log = LoggerFactory.getLogger(ApiCompletion.class);
  static final String PASSWORD = EngineDirectory.PASSWORD;
  static final String TASK_KEY = "self-review";

  private ApiCompletion() {}

  static void run(
      EvaluationClient client,
      String admin,
      List<String> members,
      int users,
      Results results,
      CpuMeter cpu,
      DataSource data,
      Probe probe)
      throws InterruptedException {
    Load.Measurement created =
        Load.run(
            members.size(),
            users,
            i ->
                EngineDirectory.createUser(
                    client, admin, members.get(i), members.get(i) + "@bench.example.vn"));
    failOnErrors("creating engine users", created);
    EngineDirectory.signedInOnce(data, members);
    EngineDirectory.inMembersGroup(data, members);
    results.add(
        Figure.of(
            "setup.engine-users-created",
            created.perSecond(),
            "users/s",
            members.size()
                + " users via POST /engine-rest/user/create, "
                + users
                + " threads (set-up, no target)"));

    int warmup = Math.min(100, members.size() / 10);
    Load.Measurement warm =
        Load.run(warmup, users, i -> completeSelfReview(client, members.get(i), null, null));
    failOnErrors("warm-up", warm);

    List<String> measured = members.subList(warmup, members.size());
    String t = users + "t";
    // the parts of one GET + POST, each measured on its own (issue 15: the split measured, not
    // guessed): a request refused for want of credentials (HTTP, the filter chain, the 401), a
    // signed-in trivial GET (the sign-in), the work list alone; the POST is the pair's rest
    Part anonymous =
        part(
            "api-anonymous",
            measured.size(),
            users,
            cpu,
            data,
            probe,
            i ->
                EvaluationClient.expect(
                    client.getAnonymous("/api/v1/me"), 401, "GET /api/v1/me without credentials"));
    Part me =
        part(
            "api-me",
            measured.size(),
            users,
            cpu,
            data,
            probe,
            i ->
                EvaluationClient.expect(
                    client.get("/api/v1/me", EvaluationClient.basic(measured.get(i), PASSWORD)),
                    200,
                    "GET /api/v1/me as " + measured.get(i)));
    Part tasksOnly =
        part(
            "api-tasks",
            measured.size(),
            users,
            cpu,
            data,
            probe,
            i ->
                EvaluationClient.expect(
                    client.get("/api/v1/tasks", EvaluationClient.basic(measured.get(i), PASSWORD)),
                    200,
                    "GET /api/v1/tasks as " + measured.get(i)));
    anonymous.report(
        results,
        "api.anonymous." + t,
        "GET /api/v1/me without credentials (401): HTTP, the filter chain and the refusal",
        cpu);
    me.report(
        results,
        "api.me." + t,
        "GET /api/v1/me with HTTP Basic: HTTP, the sign-in (password hash, groups, must-change flag)"
            + " and one read of the user",
        cpu);
    tasksOnly.report(
        results,
        "api.tasks-only." + t,
        "GET /api/v1/tasks alone (one open task per member), each member once more after the warm-up",
        cpu);

    Latencies list = new Latencies();
    Latencies complete = new Latencies();
    log.info(
        "Completing {} self-review tasks through the API with {} concurrent users ({} more as warm-up)",
        measured.size(),
        users,
        warmup);
    long c0 = cpu == null ? 0 : cpu.cpuNanos();
    long[] s0 = cpu == null ? null : cpu.cpuNanosByRoot();
    Map<ThreadKinds.Kind, Long> threads0 = threadTicks(cpu);
    PgStats.Snapshot pg0 = PgStats.take(data);
    Probe.Phase phase = probe.begin("api-complete");
    Load.Measurement m =
        Load.run(
            measured.size(),
            users,
            i -> completeSelfReview(client, measured.get(i), list, complete));
    double cpuPerCompletion =
        cpu == null ? Double.NaN : cpu.msPerOperation(c0, m.operations() - m.errors());
    // read before the phase ends: ending it stops the profiler, whose recording the service writes
    String threadSplit = threadSplit(cpu, threads0, m.operations() - m.errors());
    String shares = cpu == null ? "" : cpu.shares(s0);
    double sqlPerCompletion = phase.end(m.operations() - m.errors());
    String database = PgStats.since(data, pg0, m.operations() - m.errors());
    log.info("  {}", database);
    log.info(
        "  {} completions in {} s, {} errors{}",
        m.operations() - m.errors(),
        Results.number(m.seconds()),
        m.errors(),
        m.firstError() == null ? "" : ", first: " + m.firstError());

    String baselineRef = "baseline.full.complete." + t;
    results.add(
        Figure.of(
                "api.complete." + t,
                m.perSecond(),
                "completions/s",
                measured.size()
                    + " members, each GET /api/v1/tasks + POST complete, "
                    + users
                    + " users; "
                    + m.errors()
                    + " errors")
            .against(results.get(baselineRef))
            .targetRatioAtLeast(0.5));
    for (int p : new int[] {50, 95, 99}) {
      Figure f =
          Figure.of(
                  "api.complete." + t + ".p" + p,
                  complete.percentileMillis(p),
                  "ms",
                  "POST /api/v1/tasks/{id}/complete latency")
              .against(results.get(baselineRef + ".p" + p));
      results.add(p == 95 ? f.targetValueAtMost(100) : f);
    }
    if (cpu != null) {
      results.add(
          Figure.of(
                  "api.complete." + t + ".cpu",
                  cpuPerCompletion,
                  "cpu-ms/op",
                  "CPU of "
                      + cpu.description()
                      + " per member (GET /tasks + POST complete; the client not counted); "
                      + shares
                      + "; evaluation-service's threads: "
                      + threadSplit
                      + ". "
                      + database)
              .against(results.get(baselineRef + ".cpu")));
      if (tasksOnly.cpuPerOperation() == tasksOnly.cpuPerOperation()) {
        results.add(
            Figure.of(
                    "api.complete-post." + t + ".cpu",
                    cpuPerCompletion - tasksOnly.cpuPerOperation(),
                    "cpu-ms/op",
                    "the POST's share of a GET + POST: api.complete."
                        + t
                        + ".cpu minus api.tasks-only."
                        + t
                        + ".cpu")
                .against(results.get(baselineRef + ".cpu")));
      }
    }
    results.add(
        Probe.figure("api.complete." + t, sqlPerCompletion, results.get(baselineRef + ".sql")));
    for (int p : new int[] {50, 95, 99}) {
      results.add(
          Figure.of(
              "api.tasks-list." + t + ".p" + p,
              list.percentileMillis(p),
              "ms",
              "GET /api/v1/tasks latency (one open task per member)"));
    }
    results.add(
        Figure.of(
            "api.errors",
            m.errors(),
            "requests",
            m.firstError() == null ? "none" : "first: " + m.firstError()));
  }

  /** One measured part of the request pair: CPU and statements per operation, the service's thread split. */
  private record Part(
      Load.Measurement measurement,
      double cpuPerOperation,
      double sqlPerOperation,
      String shares,
      String threads) {

    void report(Results results, String name, String what, CpuMeter cpu) {
      if (measurement.errors() > 0) {
        log.warn(
            "  {}: {} errors, first: {}", name, measurement.errors(), measurement.firstError());
      }
      if (cpu != null) {
        results.add(
            Figure.of(
                name + ".cpu",
                cpuPerOperation,
                "cpu-ms/op",
                "CPU of "
                    + cpu.description()
                    + " per request, "
                    + what
                    + "; "
                    + shares
                    + "; evaluation-service's threads: "
                    + threads
                    + "; "
                    + measurement.errors()
                    + " errors"));
      }
      results.add(Probe.figure(name, sqlPerOperation, null));
    }
  }

  private static Part part(
      String phaseName,
      int count,
      int users,
      CpuMeter cpu,
      DataSource data,
      Probe probe,
      Load.Operation operation) {
    long c0 = cpu == null ? 0 : cpu.cpuNanos();
    long[] s0 = cpu == null ? null : cpu.cpuNanosByRoot();
    Map<ThreadKinds.Kind, Long> threads0 = threadTicks(cpu);
    Probe.Phase phase = probe.begin(phaseName);
    Load.Measurement m = Load.run(count, users, operation);
    int done = m.operations() - m.errors();
    double cpuPerOperation = cpu == null ? Double.NaN : cpu.msPerOperation(c0, done);
    // read before the phase ends: ending it stops the profiler, whose recording the service writes
    String threads = threadSplit(cpu, threads0, done);
    String shares = cpu == null ? "" : cpu.shares(s0);
    double sql = phase.end(done);
    log.info(
        "  {}: {} requests in {} s, {} cpu-ms and {} statements per request",
        phaseName,
        done,
        Results.number(m.seconds()),
        Results.number(cpuPerOperation),
        Results.number(sql));
    return new Part(m, cpuPerOperation, sql, shares, threads);
  }

  private static Map<ThreadKinds.Kind, Long> threadTicks(CpuMeter cpu) {
    return cpu == null || cpu.firstRoot() == null ? Map.of() : ThreadKinds.ticks(cpu.firstRoot());
  }

  private static String threadSplit(
      CpuMeter cpu, Map<ThreadKinds.Kind, Long> start, int operations) {
    return cpu == null || cpu.firstRoot() == null
        ? ""
        : ThreadKinds.perOperation(
            start, ThreadKinds.ticks(cpu.firstRoot()), CpuMeter.nanosPerTick(), operations);
  }

  private static void completeSelfReview(
      EvaluationClient client, String memberId, Latencies list, Latencies complete)
      throws Exception {
    String auth = EvaluationClient.basic(memberId, PASSWORD);
    long t0 = System.nanoTime();
    HttpResponse<String> tasks = client.get("/api/v1/tasks", auth);
    long t1 = System.nanoTime();
    EvaluationClient.expect(tasks, 200, "GET /api/v1/tasks as " + memberId);
    String taskId = null;
    for (JsonNode task : EvaluationClient.JSON.readTree(tasks.body())) {
      if (TASK_KEY.equals(task.path("taskKey").asText())
          && memberId.equals(task.path("memberId").asText())) {
        taskId = task.path("id").asText();
        break;
      }
    }
    if (taskId == null) {
      throw new IllegalStateException(
          "no open self-review task for " + memberId + ": " + tasks.body());
    }
    long t2 = System.nanoTime();
    HttpResponse<String> done =
        client.post("/api/v1/tasks/" + taskId + "/complete", auth, EvaluationClient.SELF_REVIEW);
    long t3 = System.nanoTime();
    EvaluationClient.expect(done, 204, "complete " + taskId + " as " + memberId);
    if (list != null) {
      list.record(t1 - t0);
      complete.record(t3 - t2);
    }
  }

  private static void failOnErrors(String what, Load.Measurement m) {
    if (m.errors() > 0) {
      throw new IllegalStateException(
          what + ": " + m.errors() + " of " + m.operations() + " failed, first: " + m.firstError());
    }
  }
}
