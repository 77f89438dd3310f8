package vn.party.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.party.localstack.LocalInfrastructure;
import vn.party.localstack.LocalStack;
import vn.party.localstack.ServiceJars;
import vn.party.localstack.ServiceProcess;

/**
 * The benchmark of issue 6 (first slice): the bare engine's start and completion rates, campaign launch rates and
 * heap for generated organizations, and task completion through the public API by concurrent users — in one run, on
 * one database, each figure with its ratio to the bare engine. Prints a table and writes
 * {@code bench/results/bench-<date>-<time>.csv}. See {@code bench/README.md}.
 */
public final class Bench {

  private static final Logger log = LoggerFactory.getLogger(Bench.class);
  static final String ADMIN = EvaluationClient.basic("admin", "admin");

  static final String HEAP_NOTE =
      "jvm.memory.used area=heap, min of 2 reads 1 s apart, no GC forced";
  static final String LIVE_NOTE =
      "jvm.memory.used area=heap after 'jcmd <pid> GC.run' (a full GC), min of 2 reads;"
          + " compared with the previous such reading";

  private Bench() {}

  /**
   * Heap used right after a full GC of the service ({@code jcmd <pid> GC.run} — the service's JVM is our child
   * process), i.e. close to the live set; NaN if jcmd is not available (a JRE without tools).
   */
  static double liveHeapMb(ServiceProcess service, EvaluationClient client) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      log.warn("No {}: live heap not measured", jcmd);
      return Double.NaN;
    }
    Process p =
        new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      log.warn("jcmd GC.run failed: live heap not measured");
      return Double.NaN;
    }
    return client.heapUsedMb(ADMIN);
  }

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    options.command = "./bench.sh" + (args.length == 0 ? "" : " " + String.join(" ", args));
    System.exit(run(options));
  }

  static int run(BenchOptions options) {
    Path root = ServiceJars.repositoryRoot();
    Path jar =
        options.evaluationJar != null
            ? options.evaluationJar
            : ServiceJars.locate().evaluationService();
    Path logDir =
        options.logDir != null
            ? options.logDir
            : root.resolve("bench").resolve("target").resolve("bench-logs");
    Path resultsDir =
        options.resultsDir != null ? options.resultsDir : root.resolve("bench").resolve("results");
    int year = options.year != null ? options.year : OffsetDateTime.now().getYear() + 1;
    var os = ManagementFactory.getOperatingSystemMXBean();
    Results results =
        new Results(
            OffsetDateTime.now(),
            Runtime.getRuntime().availableProcessors(),
            os.getSystemLoadAverage());
    System.out.println();
    System.out.println("Benchmark — " + results.header());
    System.out.println("Options: " + options.describe());
    System.out.println("evaluation-service jar: " + jar + "; logs: " + logDir);
    System.out.println();

    int exitCode = 0;
    long t0 = System.nanoTime();
    // track_commit_timestamp: the event-to-task figures read when each task's transaction committed
    // pg_stat_statements: the SQL statements per operation (SqlStatements)
    try (LocalInfrastructure infra =
            LocalInfrastructure.forTests()
                .logDirectory(logDir)
                .serverConfig("track_commit_timestamp", "on")
                .serverConfig("shared_preload_libraries", "pg_stat_statements")
                .serverConfig("pg_stat_statements.max", "10000")
                .start();
        TargetDatabase db =
            options.jdbcUrl == null
                ? TargetDatabase.embedded(infra)
                : TargetDatabase.external(
                    options.jdbcUrl, options.jdbcUser, options.jdbcPassword, options.keepDb)) {
      Long postgresPid;
      try (HikariDataSource probe = db.pool("bench-probe", 1, null);
          HikariDataSource statementsPool = db.pool("bench-statements", 1, null)) {
        postgresPid = CpuMeter.postmasterPid(probe).orElse(null);
        Profiler profiler =
            options.profile
                ? new Profiler(
                    options.profileDir != null
                        ? options.profileDir
                        : resultsDir.resolve(
                            "profile-"
                                + results
                                    .runAt()
                                    .toLocalDateTime()
                                    .withNano(0)
                                    .toString()
                                    .replace(":", "")
                                    .replace('T', '-')))
                : null;
        Path sqlDir = profiler != null ? profiler.dir() : logDir.resolve("sql");
        // the extension and its reset need a superuser: the embedded server's postgres
        SqlStatements statements =
            SqlStatements.on(db.isExternal() ? statementsPool : infra.superuserDataSource());
        System.out.println(
            "SQL statements per phase: "
                + (statements.available() ? sqlDir : "not available")
                + (profiler == null ? "" : "; profiles: " + profiler.dir()));
        if (options.baseline) {
          Probe bare = new Probe(statements, sqlDir, null, null);
          Baseline.run(db, "full", null, options, results, postgresPid, bare);
          if (options.auditBaseline) {
            Baseline.run(db, "audit", "bench_audit", options, results, postgresPid, bare);
          }
        }
        runAgainstService(
            infra,
            db,
            jar,
            logDir,
            year,
            options,
            results,
            postgresPid,
            statements,
            sqlDir,
            profiler);
      }
    } catch (Exception | AssertionError e) {
      log.error("Benchmark failed: {}", e.toString(), e);
      results.add(Figure.of("run.failed", 1, "-", e.toString()));
      exitCode = 1;
    }
    results.add(
        Figure.of(
            "machine.load-average.end",
            os.getSystemLoadAverage(),
            "-",
            "1-minute load average at the end (at start: in the header); "
                + results.cores()
                + " cores"));
    results.add(
        Figure.of("run.duration", (System.nanoTime() - t0) / 60e9, "min", options.describe()));

    System.out.println();
    System.out.println("Results — " + results.header());
    System.out.println(results.table());
    Path csv = results.writeCsv(resultsDir);
    System.out.println("CSV: " + csv);
    System.out.println(
        "README table (Markdown): " + results.writeMarkdown(resultsDir, options.command));
    return exitCode;
  }

  /** A CPU meter over named processes: name, pid, name, pid, ... (null when /proc cannot be read). */
  static CpuMeter meter(Object... namesAndPids) {
    Map<String, Long> named = new LinkedHashMap<>();
    for (int i = 0; i < namesAndPids.length; i += 2) {
      named.put((String) namesAndPids[i], (Long) namesAndPids[i + 1]);
    }
    return CpuMeter.named(named).orElse(null);
  }

  static final String NODE_A = "node-a";
  static final String NODE_B = "node-b";

  /**
   * An evaluation-service process on this run's database and broker, with the bench's options; {@code node} is its
   * Camunda host name (act_hi_job_log.hostname_), so that the two-node phase can tell who executed which job.
   */
  private static ServiceProcess.Builder evaluationService(
      String name,
      LocalInfrastructure infra,
      TargetDatabase db,
      Path jar,
      int port,
      Path logDir,
      BenchOptions options,
      String node) {
    ServiceProcess.Builder builder =
        LocalStack.evaluationService(name, infra, db.login(), jar, port, false);
    builder
        .logDir(logDir)
        .maxHeap(options.serviceHeap)
        .property("camunda.bpm.generic-properties.properties.hostname", node)
        // PostgreSQL's backends say whose they are (ThreadCpu: PostgreSQL's CPU by client)
        .property("spring.datasource.hikari.data-source-properties.ApplicationName", name);
    for (Map.Entry<String, String> p : options.serviceProperties.entrySet()) {
      builder.property(p.getKey(), p.getValue());
    }
    options.serviceJvmArgs.forEach(arg -> builder.jvmArg(arg.replace("{node}", node)));
    if (options.profile) {
      Profiler.JVM_ARGS.forEach(builder::jvmArg);
    }
    return builder;
  }

  /** notification-service on this run's database, broker and SMTP server, with the bench's options. */
  private static ServiceProcess.Builder notificationService(
      LocalInfrastructure infra,
      TargetDatabase db,
      Path jar,
      int port,
      String evaluationUrl,
      Path logDir,
      BenchOptions options) {
    ServiceProcess.Builder builder =
        LocalStack.notificationService(infra, db.login(), jar, port, evaluationUrl).logDir(logDir);
    builder.property(
        "spring.datasource.hikari.data-source-properties.ApplicationName", "notification-service");
    for (Map.Entry<String, String> p : options.notificationProperties.entrySet()) {
      builder.property(p.getKey(), p.getValue());
    }
    options.notificationJvmArgs.forEach(builder::jvmArg);
    if (options.profile) {
      Profiler.JVM_ARGS.forEach(builder::jvmArg);
    }
    return builder;
  }

  /**
   * Steps 5 and the two-node case: notification-service is started (its consumer group first set to the end of
   * {@code evaluation.events}, so that it does not work through the notices of the earlier phases' members, who
   * have no e-mail address and get no e-mail), then the whole lifecycle runs on node A alone and then on nodes A
   * and B together — B started for it, on the same database and broker, and stopped after it.
   */
  private static void lifecycles(
      LocalInfrastructure infra,
      TargetDatabase db,
      Path jar,
      Path logDir,
      int year,
      String tag,
      BenchOptions options,
      Results results,
      Long postgresPid,
      ServiceProcess nodeA,
      EvaluationClient clientA,
      DataSource data,
      MemberEvents events,
      Probe probe)
      throws Exception {
    Path notificationJar =
        options.notificationJar != null
            ? options.notificationJar
            : ServiceJars.locate().notificationService();
    String group =
        options.notificationProperties.getOrDefault(
            "spring.kafka.consumer.group-id", "notification-service");
    OrganizationGenerator.awaitOutboxDrained(data, Duration.ofMinutes(5));
    KafkaGroups.commitEndOffsets(infra.kafkaBootstrapServers(), group, Notices.TOPIC);
    int notificationPort = LocalInfrastructure.freePort();
    log.info("Starting notification-service on port {}", notificationPort);
    ServiceProcess notification =
        notificationService(
                infra, db, notificationJar, notificationPort, clientA.baseUrl(), logDir, options)
            .start();
    // what every lifecycle of this run shares: only the members, nodes and meters differ
    LifecyclePrepare prepare =
        (organizations, perOrganization, into, prefix) ->
            Lifecycle.prepare(
                clientA,
                ADMIN,
                data,
                organizations,
                perOrganization,
                options.branchSize,
                options.users,
                into,
                prefix);
    LifecycleRun lifecycle =
        (prefix, nodes, prepared, into, cpu, phaseProbe) ->
            Lifecycle.run(
                prefix,
                nodes,
                prepared,
                ADMIN,
                data,
                events,
                infra.kafkaBootstrapServers(),
                infra.greenMail(),
                year,
                options.users,
                into,
                cpu,
                phaseProbe);
    ServiceProcess nodeB = null;
    try {
      Lifecycle.Prepared one =
          options.lifecycleMembers == 0
              ? null
              : prepare.apply(
                  List.of("bench-" + tag + "-life"),
                  options.lifecycleMembers,
                  results,
                  "lifecycle.1node");
      notification.awaitHealthy(LocalStack.NOTIFICATION_START_TIMEOUT);
      KafkaGroups.awaitMembers(infra.kafkaBootstrapServers(), group, 1, Duration.ofMinutes(2));
      if (one != null) {
        CpuMeter cpu =
            meter(
                "evaluation-service",
                nodeA.pid(),
                "notification-service",
                notification.pid(),
                "PostgreSQL",
                postgresPid);
        ThreadCpu threads =
            new ThreadCpu(
                Map.of(
                    "evaluation-service", nodeA.pid(), "notification-service", notification.pid()),
                postgresPid,
                data,
                CpuMeter.nanosPerTick());
        lifecycle.apply(
            "lifecycle.1node",
            List.of(new Lifecycle.Node(NODE_A, clientA)),
            one,
            results,
            cpu,
            probe.alsoProfiling(notification.pid(), "notification", threads));
      }
      if (options.twoNodesMembers > 0) {
        int portB = LocalInfrastructure.freePort();
        log.info(
            "Starting a second evaluation-service node on port {} (same database and broker)",
            portB);
        nodeB =
            evaluationService(
                    ServiceJars.EVALUATION_SERVICE + "-b",
                    infra,
                    db,
                    jar,
                    portB,
                    logDir,
                    options,
                    NODE_B)
                .start();
        int half = Math.max(1, options.twoNodesMembers / 2);
        int warm = Math.max(5, half / 10);
        Lifecycle.Prepared warmup =
            prepare.apply(
                List.of("bench-" + tag + "-two-wa", "bench-" + tag + "-two-wb"),
                warm,
                new Results(results.runAt(), results.cores(), Double.NaN),
                "warmup");
        Lifecycle.Prepared two =
            prepare.apply(
                List.of("bench-" + tag + "-two-a", "bench-" + tag + "-two-b"),
                half,
                results,
                "lifecycle.2nodes");
        nodeB.awaitHealthy(LocalStack.EVALUATION_START_TIMEOUT);
        KafkaGroups.awaitMembers(
            infra.kafkaBootstrapServers(), "evaluation-service", 2, Duration.ofMinutes(2));
        List<Lifecycle.Node> nodes =
            List.of(
                new Lifecycle.Node(NODE_A, clientA),
                new Lifecycle.Node(NODE_B, new EvaluationClient(nodeB.baseUrl())));
        log.info(
            "Two nodes: warm-up lifecycle of {} members (not measured; node B starts cold)",
            2 * warm);
        lifecycle.apply(
            "warmup.2nodes",
            nodes,
            warmup,
            new Results(results.runAt(), results.cores(), Double.NaN),
            null,
            null);
        CpuMeter cpu =
            meter(
                "evaluation-service A",
                nodeA.pid(),
                "evaluation-service B",
                nodeB.pid(),
                "notification-service",
                notification.pid(),
                "PostgreSQL",
                postgresPid);
        lifecycle.apply("lifecycle.2nodes", nodes, two, results, cpu, probe.withoutProfiler());
      }
    } catch (Exception | AssertionError e) {
      log.error("notification-service log tail:\n{}", notification.logTail(30));
      if (nodeB != null) {
        log.error("node B log tail:\n{}", nodeB.logTail(30));
      }
      throw e;
    } finally {
      if (nodeB != null) {
        nodeB.stop();
      }
      notification.stop();
    }
  }

  /** {@link Lifecycle#prepare} with what one run's lifecycles share. */
  @FunctionalInterface
  private interface LifecyclePrepare {
    Lifecycle.Prepared apply(
        List<String> organizations, int perOrganization, Results results, String prefix);
  }

  /** {@link Lifecycle#run} with what one run's lifecycles share. */
  @FunctionalInterface
  private interface LifecycleRun {
    void apply(
        String prefix,
        List<Lifecycle.Node> nodes,
        Lifecycle.Prepared prepared,
        Results results,
        CpuMeter cpu,
        Probe probe)
        throws Exception;
  }

  private static void runAgainstService(
      LocalInfrastructure infra,
      TargetDatabase db,
      Path jar,
      Path logDir,
      int year,
      BenchOptions options,
      Results results,
      Long postgresPid,
      SqlStatements statements,
      Path sqlDir,
      Profiler profiler)
      throws Exception {
    int port = LocalInfrastructure.freePort();
    ServiceProcess.Builder builder =
        evaluationService(
            ServiceJars.EVALUATION_SERVICE, infra, db, jar, port, logDir, options, NODE_A);
    log.info("Starting evaluation-service (no demo data) on port {}", port);
    ServiceProcess service = builder.start();
    try (HikariDataSource data = db.pool("bench-data", 2, null)) {
      service.awaitHealthy(LocalStack.EVALUATION_START_TIMEOUT);
      EvaluationClient client = new EvaluationClient(service.baseUrl());
      CpuMeter cpu = meter("evaluation-service", service.pid(), "PostgreSQL", postgresPid);
      Probe probe = new Probe(statements, sqlDir, profiler, service.pid());
      Figure heap =
          results.add(
              Figure.of(
                  "service.heap.after-start",
                  client.heapUsedMb(ADMIN),
                  "MB",
                  HEAP_NOTE + "; -Xmx" + options.serviceHeap));
      Figure live =
          results.add(
              Figure.of(
                  "service.heap-live.after-start", liveHeapMb(service, client), "MB", LIVE_NOTE));

      String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_679_616, 36);
      if (options.launchWarmup > 0) {
        String organization = "bench-" + tag + "-warmup";
        OrganizationGenerator.generate(
            data, organization, options.launchWarmup, options.branchSize);
        log.info("Warm-up launch of {} members (not measured)", options.launchWarmup);
        CampaignLaunch.launch(client, ADMIN, organization, year, options.launchWarmup);
      }
      if (options.importMembers > 0) {
        RosterImportStep.run(
            client, ADMIN, data, service, tag, options.importMembers, options.branchSize, results);
      }
      String firstOrganization = null;
      for (int size : options.members) {
        String organization = "bench-" + tag + "-" + size;
        long g0 = System.nanoTime();
        OrganizationGenerator.generate(data, organization, size, options.branchSize);
        log.info(
            "Generated organization {}: {} members in branches of {} ({} ms)",
            organization,
            size,
            options.branchSize,
            (System.nanoTime() - g0) / 1_000_000);
        long c0 = cpu == null ? 0 : cpu.cpuNanos();
        long[] s0 = cpu == null ? null : cpu.cpuNanosByRoot();
        Probe.Phase phase = probe.begin("launch-" + size);
        CampaignLaunch.Outcome launch =
            CampaignLaunch.launch(client, ADMIN, organization, year, size);
        double launchCpu = cpu == null ? Double.NaN : cpu.msPerOperation(c0, size);
        double launchSql = phase.end(size);
        String launchShares = cpu == null ? "" : cpu.shares(s0);
        results.add(
            Figure.of(
                    "launch." + size + ".rate",
                    launch.membersPerSecond(),
                    "members/s",
                    "POST /campaigns to membersStarted == "
                        + size
                        + " (poll "
                        + CampaignLaunch.POLL_MS
                        + " ms)")
                .against(results.get("baseline.full.start.1t"))
                .targetRatioAtLeast(0.8));
        results.add(Figure.of("launch." + size + ".time", launch.seconds(), "s", organization));
        results.add(
            Probe.figure("launch." + size, launchSql, results.get("baseline.full.start.1t.sql")));
        if (cpu != null) {
          results.add(
              Figure.of(
                      "launch." + size + ".cpu",
                      launchCpu,
                      "cpu-ms/op",
                      "CPU of "
                          + cpu.description()
                          + " per member started (includes the roster and polling); "
                          + launchShares)
                  .against(results.get("baseline.full.start.1t.cpu")));
        }
        double drain = OrganizationGenerator.awaitOutboxDrained(data, Duration.ofMinutes(10));
        results.add(
            Figure.of(
                "launch." + size + ".outbox-drain",
                drain,
                "s",
                "after the launch, until every outbox event (campaign.started, task.assigned) was published to"
                    + " Kafka; the next phase starts then"));
        heap =
            results.add(
                Figure.of("launch." + size + ".heap", client.heapUsedMb(ADMIN), "MB", HEAP_NOTE)
                    .against(heap));
        Figure afterGc =
            Figure.of("launch." + size + ".heap-live", liveHeapMb(service, client), "MB", LIVE_NOTE)
                .against(live);
        if (size == 100_000 && live.name().equals("launch.10000.heap-live")) {
          afterGc = afterGc.targetRatioAtMost(1.2);
        }
        live = results.add(afterGc);
        if (firstOrganization == null) {
          firstOrganization = organization;
        }
      }

      if (options.apiMembers > 0 && firstOrganization != null) {
        List<String> members =
            OrganizationGenerator.memberIds(data, firstOrganization, options.apiMembers);
        ApiCompletion.run(client, ADMIN, members, options.users, results, cpu, data, probe);
        results.add(
            Figure.of(
                "service.heap.end",
                client.heapUsedMb(ADMIN),
                "MB",
                "after the API completions, min of 2 reads, no GC forced"));
      }

      try (MemberEvents events = new MemberEvents(infra.kafkaBootstrapServers())) {
        if (!options.eventRates.isEmpty()) {
          EventToTask.run(
              client,
              ADMIN,
              data,
              events,
              year,
              "bench-" + tag + "-",
              options,
              results,
              cpu,
              probe);
        }
        if (options.lifecycleMembers > 0 || options.twoNodesMembers > 0) {
          lifecycles(
              infra,
              db,
              jar,
              logDir,
              year,
              tag,
              options,
              results,
              postgresPid,
              service,
              client,
              data,
              events,
              probe);
        }
      }
    } catch (Exception | AssertionError e) {
      log.error("evaluation-service log tail:\n{}", service.logTail(40));
      throw e;
    } finally {
      service.stop();
    }
  }
}
