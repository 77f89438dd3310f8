package vn.party.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "--help", "-h" -> o.help = true;
        case "--full" -> o.full = true;
        case "--keep-db" -> o.keepDb = true;
        case "--profile" -> o.profile = true;
        case "--skip-baseline" -> o.baseline = false;
        case "--audit-baseline" -> o.auditBaseline = value == null || Boolean.parseBoolean(value);
        default -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(name + " needs a value (see --help)");
            }
            value = args[++i];
          }
          o.set(name, value);
        }
      }
    }
    if (o.full && !o.members.contains(100_000)) {
      o.members.add(100_000);
    }
    o.members.sort(Integer::compare);
    return o;
  }

  private void set(String name, String value) {
    switch (name) {
      case "--members" -> members = positives(name, value);
      case "--event-rates" ->
          eventRates = "0".equals(value.trim()) ? new ArrayList<>() : positives(name, value);
      case "--event-seconds" -> eventSeconds = positive(name, value);
      case "--event-max" -> eventMax = positive(name, value);
      case "--event-warmup" -> eventWarmup = nonNegative(name, value);
      case "--lifecycle-members" -> lifecycleMembers = nonNegative(name, value);
      case "--two-nodes-members" -> twoNodesMembers = nonNegative(name, value);
      case "--service-jvm-arg" -> serviceJvmArgs.add(value);
      case "--notification-jar" -> notificationJar = Path.of(value).toAbsolutePath();
      case "--notification-property" -> put(notificationProperties, name, value);
      case "--baseline-n" -> baselineN = positive(name, value);
      case "--warmup" -> warmup = nonNegative(name, value);
      case "--users" -> users = positive(name, value);
      case "--api-members" -> apiMembers = nonNegative(name, value);
      case "--branch-size" -> branchSize = positive(name, value);
      case "--launch-warmup" -> launchWarmup = nonNegative(name, value);
      case "--import-members" -> importMembers = nonNegative(name, value);
      case "--jdbc-url" -> jdbcUrl = value;
      case "--jdbc-user" -> jdbcUser = value;
      case "--jdbc-password" -> jdbcPassword = value;
      case "--service-heap" -> serviceHeap = value;
      case "--service-property" -> put(serviceProperties, name, value);
      case "--evaluation-jar" -> evaluationJar = Path.of(value).toAbsolutePath();
      case "--results-dir" -> resultsDir = Path.of(value).toAbsolutePath();
      case "--log-dir" -> logDir = Path.of(value).toAbsolutePath();
      case "--year" -> year = positive(name, value);
      case "--profile-dir" -> {
        profileDir = Path.of(value).toAbsolutePath();
        profile = true;
      }
      default -> throw new IllegalArgumentException("Unknown option " + name + " (see --help)");
    }
  }

  private static void put(Map<String, String> properties, String name, String value) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(name + " needs KEY=VALUE, got " + value);
    }
    properties.put(value.substring(0, eq), value.substring(eq + 1));
  }

  private static List<Integer> positives(String name, String value) {
    List<Integer> list = new ArrayList<>();
    for (String s : value.split(",")) {
      list.add(positive(name, s.trim().replace("_", "")));
    }
    return list;
  }

  /** Events sent at {@code rate}: {@link #eventSeconds} of sending, at most {@link #eventMax}, at least 1. */
  int eventsAt(int rate) {
    return (int) Math.max(1, Math.min((long) rate * eventSeconds, eventMax));
  }

  private static int positive(String name, String value) {
    int n = nonNegative(name, value);
    if (n == 0) {
      throw new IllegalArgumentException(name + " must be > 0");
    }
    return n;
  }

  private static int nonNegative(String name, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new IllegalArgumentException(name + " must be >= 0");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, got " + value);
    }
  }

  /** A one-line account of the options that shape the figures (kept with the results). */
  /** The command line as typed, for the README table's heading. */
  String command = "./bench.sh";

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
        + (notificationProperties.isEmpty()
            ? ""
            : " notification-properties=" + notificationProperties)
        + (profile ? " profile" : "");
  }
}
