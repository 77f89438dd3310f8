package vn.party.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.party.localstack.OptionParser;

/** Command-line options of {@link Bench}; {@code --help} prints {@link #USAGE}. */
public final class BenchOptions {

  static final String USAGE =
      """
            Usage: ./bench.sh [options]      (or: java -jar bench/target/bench-<version>-exec.jar [options])

              --members N[,N...]        organization sizes to launch campaigns for (default 1000,10000)
              --full                    also 100000 members (adds several minutes)
              --baseline-n N            process instances per baseline measurement (default 2000)
              --warmup N                untimed instances before each baseline level (default 200)
              --users N                 concurrent virtual users, API completions and 'Nt' baselines (default 20)
              --api-members N           self-review tasks completed through the API (default 1000; taken from the
                                        smallest organization, capped at its size; 0 skips the API figures)
              --launch-warmup N         members of an unmeasured launch first, to warm the service up (default 200)
              --import-members N        members of the roster-import step, an XLSX through preview and commit
                                        (default 50000; 0 skips it)
              --branch-size N           members per generated branch (default 30)
              --event-rates R[,R...]    event to task: offered rates in events/s (default 50,200,1000; 0 skips)
              --event-seconds S         seconds of sending at each rate (default 10) ...
              --event-max N             ... but at most N events per rate (default 600)
              --event-warmup N          unmeasured events before the first rate (default 100)
              --lifecycle-members N     members through the whole lifecycle on one node (default 300; 0 skips)
              --two-nodes-members N     the same on two evaluation-service nodes, two organizations, after an
                                        unmeasured warm-up of a tenth as many (default 300; 0 skips)
              --notification-jar PATH   the notification-service exec jar (default: found by ServiceJars)
              --notification-property K=V  extra Spring property for notification-service (repeatable)
              --notification-jvm-arg ARG  extra JVM argument for notification-service (repeatable); with --profile
                                        notification-service is recorded too during the lifecycle
              --jdbc-url URL            external PostgreSQL server, e.g. jdbc:postgresql://127.0.0.1:5432/postgres;
                                        a fresh database party_bench_<time> is created there and dropped afterwards
              --jdbc-user U             (default postgres)     --jdbc-password P   (default empty)
              --keep-db                 do not drop that database at the end
              --skip-baseline           no bare-engine figures (then no ratios)
              --audit-baseline=false    only history level full for the baseline (default: full and audit)
              --service-heap SIZE       -Xmx of evaluation-service (default 768m, as run-local.sh)
              --service-property K=V    extra Spring property for evaluation-service (repeatable),
                                        e.g. evaluation.campaign.launch-batch-size=500
              --profile                 a JFR recording of evaluation-service per measured phase (launch, API
                                        completion, each event rate, lifecycle), each turned into a flame graph
                                        (SVG), folded stacks and a "where the time goes" table, next to the SQL
                                        statements of each phase, in bench/results/profile-<date>-<time>/
              --profile-dir DIR         ... in DIR instead (implies --profile)
              --service-jvm-arg ARG     extra JVM argument for evaluation-service (repeatable), e.g.
                                        -XX:StartFlightRecording=filename=/tmp/eval.jfr to profile a run
              --evaluation-jar PATH     the evaluation-service exec jar (default: found by ServiceJars)
              --results-dir DIR         where bench-<date>-<time>.csv goes (default bench/results)
              --log-dir DIR             service and PostgreSQL logs (default bench/target/bench-logs)
              --year Y                  campaign year (default: next year)
              --help
            """;

  List<Integer> members = new ArrayList<>(List.of(1_000, 10_000));
  boolean full;
  int baselineN = 2_000;
  int warmup = 200;
  int users = 20;
  int apiMembers = 1_000;
  int branchSize = 30;
  int launchWarmup = 200;
  int importMembers = 50_000;
  List<Integer> eventRates = new ArrayList<>(List.of(50, 200, 1_000));
  int eventSeconds = 10;
  int eventMax = 600;
  int eventWarmup = 100;
  int lifecycleMembers = 300;
  int twoNodesMembers = 300;
  List<String> serviceJvmArgs = new ArrayList<>();
  Path notificationJar;
  Map<String, String> notificationProperties = new LinkedHashMap<>();
  List<String> notificationJvmArgs = new ArrayList<>();
  String jdbcUrl;
  String jdbcUser = "postgres";
  String jdbcPassword = "";
  boolean keepDb;
  boolean baseline = true;
  boolean auditBaseline = true;
  String serviceHeap = "768m";
  Map<String, String> serviceProperties = new LinkedHashMap<>();
  Path evaluationJar;
  Path resultsDir;
  Path logDir;
  Integer year;
  boolean help;
  boolean profile;
  Path profileDir;

  static BenchOptions parse(String... args) {
    BenchOptions o = new BenchOptions();
    new OptionParser()
        .flag("--help", () -> o.help = true)
        .flag("-h", () -> o.help = true)
        .flag("--full", () -> o.full = true)
        .flag("--keep-db", () -> o.keepDb = true)
        .flag("--profile", () -> o.profile = true)
        .flag("--skip-baseline", () -> o.baseline = false)
        .flag(
            "--audit-baseline",
            value -> o.auditBaseline = value == null || Boolean.parseBoolean(value))
        .option("--members", v -> o.members = OptionParser.positives("--members", v))
        .option(
            "--event-rates",
            v ->
                o.eventRates =
                    "0".equals(v.trim())
                        ? new ArrayList<>()
                        : OptionParser.positives("--event-rates", v))
        .positive("--event-seconds", n -> o.eventSeconds = n)
        .positive("--event-max", n -> o.eventMax = n)
        .nonNegative("--event-warmup", n -> o.eventWarmup = n)
        .nonNegative("--lifecycle-members", n -> o.lifecycleMembers = n)
        .nonNegative("--two-nodes-members", n -> o.twoNodesMembers = n)
        .option("--service-jvm-arg", o.serviceJvmArgs::add)
        .path("--notification-jar", p -> o.notificationJar = p)
        .keyValue("--notification-property", o.notificationProperties)
        .option("--notification-jvm-arg", o.notificationJvmArgs::add)
        .positive("--baseline-n", n -> o.baselineN = n)
        .nonNegative("--warmup", n -> o.warmup = n)
        .positive("--users", n -> o.users = n)
        .nonNegative("--api-members", n -> o.apiMembers = n)
        .positive("--branch-size", n -> o.branchSize = n)
        .nonNegative("--launch-warmup", n -> o.launchWarmup = n)
        .nonNegative("--import-members", n -> o.importMembers = n)
        .option("--jdbc-url", v -> o.jdbcUrl = v)
        .option("--jdbc-user", v -> o.jdbcUser = v)
        .option("--jdbc-password", v -> o.jdbcPassword = v)
        .option("--service-heap", v -> o.serviceHeap = v)
        .keyValue("--service-property", o.serviceProperties)
        .path("--evaluation-jar", p -> o.evaluationJar = p)
        .path("--results-dir", p -> o.resultsDir = p)
        .path("--log-dir", p -> o.logDir = p)
        .positive("--year", n -> o.year = n)
        .path(
            "--profile-dir",
            p -> {
              o.profileDir = p;
              o.profile = true;
            })
        .parse(args);
    if (o.full && !o.members.contains(100_000)) {
      o.members.add(100_000);
    }
    o.members.sort(Integer::compare);
    return o;
  }

  /** Events sent at {@code rate}: {@link #eventSeconds} of sending, at most {@link #eventMax}, at least 1. */
  int eventsAt(int rate) {
    return (int) Math.max(1, Math.min((long) rate * eventSeconds, eventMax));
  }

  /** The command line as typed, for the README table's heading. */
  String command = "./bench.sh";

  /** A one-line account of the options that shape the figures (kept with the results). */
  String describe() {
    return "members="
        + members
        + " baseline-n="
        + baselineN
        + " warmup="
        + warmup
        + " users="
        + users
        + " api-members="
        + apiMembers
        + " launch-warmup="
        + launchWarmup
        + " import-members="
        + importMembers
        + " branch-size="
        + branchSize
        + " db="
        + (jdbcUrl == null ? "embedded" : "external")
        + " service-heap="
        + serviceHeap
        + " event-rates="
        + eventRates
        + " event-seconds="
        + eventSeconds
        + " event-max="
        + eventMax
        + " event-warmup="
        + eventWarmup
        + " lifecycle-members="
        + lifecycleMembers
        + " two-nodes-members="
        + twoNodesMembers
        + (serviceProperties.isEmpty() ? "" : " service-properties=" + serviceProperties)
        + (serviceJvmArgs.isEmpty() ? "" : " service-jvm-args=" + serviceJvmArgs)
        + (notificationJvmArgs.isEmpty() ? "" : " notification-jvm-args=" + notificationJvmArgs)
        + (notificationProperties.isEmpty()
            ? ""
            : " notification-properties=" + notificationProperties)
        + (profile ? " profile" : "");
  }
}
