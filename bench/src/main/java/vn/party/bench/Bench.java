package vn.party.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
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

    static final String HEAP_NOTE = "jvm.memory.used area=heap, min of 2 reads 1 s apart, no GC forced";
    static final String LIVE_NOTE = "jvm.memory.used area=heap after 'jcmd <pid> GC.run' (a full GC), min of 2 reads;"
            + " compared with the previous such reading";

    private Bench() {
    }

    /**
     * Heap used right after a full GC of the service ({@code jcmd <pid> GC.run} — the service's JVM is our child
     * process), i.e. close to the live set; NaN if jcmd is not available (a JRE without tools).
     */
    static double liveHeapMb(ServiceProcess service, EvaluationClient client) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!java.nio.file.Files.isExecutable(jcmd)) {
            log.warn("No {}: live heap not measured", jcmd);
            return Double.NaN;
        }
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
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
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        System.exit(run(options));
    }

    static int run(BenchOptions options) {
        Path root = ServiceJars.repositoryRoot();
        Path jar = options.evaluationJar != null ? options.evaluationJar : ServiceJars.locate().evaluationService();
        Path logDir = options.logDir != null ? options.logDir : root.resolve("bench").resolve("target").resolve("bench-logs");
        Path resultsDir = options.resultsDir != null ? options.resultsDir : root.resolve("bench").resolve("results");
        int year = options.year != null ? options.year : OffsetDateTime.now().getYear() + 1;
        var os = ManagementFactory.getOperatingSystemMXBean();
        Results results = new Results(OffsetDateTime.now(), Runtime.getRuntime().availableProcessors(),
                os.getSystemLoadAverage());
        System.out.println();
        System.out.println("Benchmark — " + results.header());
        System.out.println("Options: " + options.describe());
        System.out.println("evaluation-service jar: " + jar + "; logs: " + logDir);
        System.out.println();

        int exitCode = 0;
        long t0 = System.nanoTime();
        try (LocalInfrastructure infra = LocalInfrastructure.forTests().logDirectory(logDir).start();
                TargetDatabase db = options.jdbcUrl == null ? TargetDatabase.embedded(infra)
                        : TargetDatabase.external(options.jdbcUrl, options.jdbcUser, options.jdbcPassword, options.keepDb)) {
            Long postgresPid;
            try (HikariDataSource probe = db.pool("bench-probe", 1, null)) {
                postgresPid = CpuMeter.postmasterPid(probe).orElse(null);
            }
            if (options.baseline) {
                Baseline.run(db, "full", null, options, results, postgresPid);
                if (options.auditBaseline) {
                    Baseline.run(db, "audit", "bench_audit", options, results, postgresPid);
                }
            }
            runAgainstService(infra, db, jar, logDir, year, options, results, postgresPid);
        }
        catch (Exception | AssertionError e) {
            log.error("Benchmark failed: {}", e.toString(), e);
            results.add(Figure.of("run.failed", 1, "-", e.toString()));
            exitCode = 1;
        }
        results.add(Figure.of("machine.load-average.end", os.getSystemLoadAverage(), "-",
                "1-minute load average at the end (at start: in the header); " + results.cores() + " cores"));
        results.add(Figure.of("run.duration", (System.nanoTime() - t0) / 60e9, "min", options.describe()));

        System.out.println();
        System.out.println("Results — " + results.header());
        System.out.println(results.table());
        Path csv = results.writeCsv(resultsDir);
        System.out.println("CSV: " + csv);
        return exitCode;
    }

    private static void runAgainstService(LocalInfrastructure infra, TargetDatabase db, Path jar, Path logDir, int year,
            BenchOptions options, Results results, Long postgresPid) throws Exception {
        int port = LocalInfrastructure.freePort();
        ServiceProcess.Builder builder = db.isExternal()
                ? ServiceProcess.builder(ServiceJars.EVALUATION_SERVICE, jar).port(port)
                        .property("spring.datasource.url", db.jdbcUrl())
                        .property("spring.datasource.username", db.user())
                        .property("spring.datasource.password", db.password())
                        .property("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers())
                        .property("evaluation.public-url", "http://localhost:" + port)
                : LocalStack.evaluationService(infra, jar, port, false);
        builder.logDir(logDir).maxHeap(options.serviceHeap);
        for (Map.Entry<String, String> p : options.serviceProperties.entrySet()) {
            builder.property(p.getKey(), p.getValue());
        }
        log.info("Starting evaluation-service (no demo data) on port {}", port);
        ServiceProcess service = builder.start();
        try (HikariDataSource data = db.pool("bench-data", 2, null)) {
            service.awaitHealthy(LocalStack.EVALUATION_START_TIMEOUT);
            EvaluationClient client = new EvaluationClient(service.baseUrl());
            CpuMeter cpu = CpuMeter.of("evaluation-service + PostgreSQL", service.pid(), postgresPid).orElse(null);
            Figure heap = results.add(Figure.of("service.heap.after-start", client.heapUsedMb(ADMIN), "MB",
                    HEAP_NOTE + "; -Xmx" + options.serviceHeap));
            Figure live = results.add(Figure.of("service.heap-live.after-start", liveHeapMb(service, client), "MB",
                    LIVE_NOTE));

            String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_679_616, 36);
            if (options.launchWarmup > 0) {
                String organization = "bench-" + tag + "-warmup";
                OrganizationGenerator.generate(data, organization, options.launchWarmup, options.branchSize);
                log.info("Warm-up launch of {} members (not measured)", options.launchWarmup);
                CampaignLaunch.launch(client, ADMIN, organization, year, options.launchWarmup);
            }
            String firstOrganization = null;
            for (int size : options.members) {
                String organization = "bench-" + tag + "-" + size;
                long g0 = System.nanoTime();
                OrganizationGenerator.generate(data, organization, size, options.branchSize);
                log.info("Generated organization {}: {} members in branches of {} ({} ms)", organization, size,
                        options.branchSize, (System.nanoTime() - g0) / 1_000_000);
                long c0 = cpu == null ? 0 : cpu.cpuNanos();
                CampaignLaunch.Outcome launch = CampaignLaunch.launch(client, ADMIN, organization, year, size);
                double launchCpu = cpu == null ? Double.NaN : cpu.msPerOperation(c0, size);
                results.add(Figure.of("launch." + size + ".rate", launch.membersPerSecond(), "members/s",
                        "POST /campaigns to membersStarted == " + size + " (poll " + CampaignLaunch.POLL_MS + " ms)")
                        .against(results.get("baseline.full.start.1t")).targetRatioAtLeast(0.8));
                results.add(Figure.of("launch." + size + ".time", launch.seconds(), "s", organization));
                if (cpu != null) {
                    results.add(Figure.of("launch." + size + ".cpu", launchCpu, "cpu-ms/op",
                            "CPU of " + cpu.description() + " per member started (includes the roster and polling)")
                            .against(results.get("baseline.full.start.1t.cpu")));
                }
                double drain = OrganizationGenerator.awaitOutboxDrained(data, java.time.Duration.ofMinutes(10));
                results.add(Figure.of("launch." + size + ".outbox-drain", drain, "s",
                        "after the launch, until every outbox event (campaign.started, task.assigned) was published to"
                                + " Kafka; the next phase starts then"));
                heap = results.add(Figure.of("launch." + size + ".heap", client.heapUsedMb(ADMIN), "MB", HEAP_NOTE)
                        .against(heap));
                Figure afterGc = Figure.of("launch." + size + ".heap-live", liveHeapMb(service, client), "MB", LIVE_NOTE)
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
                List<String> members = OrganizationGenerator.memberIds(data, firstOrganization, options.apiMembers);
                ApiCompletion.run(client, ADMIN, members, options.users, results, cpu, data);
                results.add(Figure.of("service.heap.end", client.heapUsedMb(ADMIN), "MB",
                        "after the API completions, min of 2 reads, no GC forced"));
            }
        }
        catch (Exception | AssertionError e) {
            log.error("evaluation-service log tail:\n{}", service.logTail(40));
            throw e;
        }
        finally {
            service.stop();
        }
    }
}
