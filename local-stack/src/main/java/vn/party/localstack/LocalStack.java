package vn.party.localstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run on a machine with only a JDK and Maven: embedded PostgreSQL, Kafka (KRaft) and SMTP, then
 * evaluation-service (with demo data) and notification-service as separate processes, then a banner with every URL
 * and the demo logins. Blocks until Ctrl-C, then stops the services and the infrastructure.
 *
 * <pre>
 * java -jar local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar [options]   (see --help)
 * </pre>
 */
public final class LocalStack {

  static {
    // the banner and the log are Vietnamese: do not let a POSIX locale turn them into '?'
    System.setOut(
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    System.setErr(
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
  }

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  public static final int DEFAULT_EVALUATION_PORT = 8080;
  public static final int DEFAULT_NOTIFICATION_PORT = 8081;
  public static final Duration EVALUATION_START_TIMEOUT = Duration.ofMinutes(6);
  public static final Duration NOTIFICATION_START_TIMEOUT = Duration.ofMinutes(4);

  /** Where each service reads the on-behalf secret it shares with the other (no default: issue 12). */
  public static final String EVALUATION_ON_BEHALF_SECRET_VARIABLE =
      "EVALUATION_NOTIFICATIONS_ON_BEHALF_SECRET";

  public static final String NOTIFICATION_ON_BEHALF_SECRET_VARIABLE =
      "NOTIFICATION_ON_BEHALF_SECRET";

  private LocalStack() {}

  // ------------------------------------------------------------------ reusable by end-to-end tests

  /**
   * evaluation-service wired to {@code infra}: datasource, Kafka, public URL; with {@code --spring.profiles.active=demo}
   * if {@code demo}. Call {@code .logDir(..)} etc. and {@code .start()}.
   */
  public static ServiceProcess.Builder evaluationService(
      LocalInfrastructure infra, Path jar, int port, boolean demo) {
    return evaluationService(ServiceJars.EVALUATION_SERVICE, infra, jar, port, demo);
  }

  /** The same, under another {@code name} (its log file), e.g. a second node of evaluation-service. */
  public static ServiceProcess.Builder evaluationService(
      String name, LocalInfrastructure infra, Path jar, int port, boolean demo) {
    return evaluationService(name, infra, infra.databaseLogin(), jar, port, demo);
  }

  /** The same on another database than {@code infra}'s, e.g. the bench's external server. */
  public static ServiceProcess.Builder evaluationService(
      String name, LocalInfrastructure infra, DatabaseLogin db, Path jar, int port, boolean demo) {
    // the tools open campaigns for years to come and with deadlines already past (each end-to-end
    // test and bench run a year of its own), which the service refuses by default (issue 14)
    return evaluationServiceAsDeployed(name, infra, db, jar, port, demo)
        .property(ANY_CALENDAR_ALLOWED, "true");
  }

  /** The setting that lets the tools open a campaign for any year with any deadlines (issue 14). */
  public static final String ANY_CALENDAR_ALLOWED = "evaluation.campaign.any-calendar-allowed";

  /**
   * evaluation-service as {@link #evaluationService} wires it, but with the calendar rules of a deployment: a campaign
   * for a year still to come, or with a deadline already past, is refused — the README's run ({@code
   * ./run-local.sh}), which people try as they would the real thing.
   */
  public static ServiceProcess.Builder evaluationServiceAsDeployed(
      String name, LocalInfrastructure infra, DatabaseLogin db, Path jar, int port, boolean demo) {
    ServiceProcess.Builder b = ServiceProcess.builder(name, jar).port(port);
    if (demo) {
      b.property("spring.profiles.active", "demo");
    }
    // a throw-away engine: the tools (bench, end-to-end tests) use the configured admin as it is
    // (issue 12)
    b.property("evaluation.accounts.initial-admin-must-change", "false");
    return datasource(b, db)
        .property("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers())
        .property("evaluation.public-url", "http://localhost:" + port)
        // the run's own random secret, in the environment (the command line is visible to other
        // users)
        .env(EVALUATION_ON_BEHALF_SECRET_VARIABLE, infra.onBehalfSecret());
  }

  /**
   * notification-service wired to {@code infra}: datasource, Kafka, SMTP (GreenMail), identity lookups at
   * {@code evaluationServiceUrl}, public URL.
   */
  public static ServiceProcess.Builder notificationService(
      LocalInfrastructure infra, Path jar, int port, String evaluationServiceUrl) {
    return notificationService(infra, infra.databaseLogin(), jar, port, evaluationServiceUrl);
  }

  /** The same on another database than {@code infra}'s. */
  public static ServiceProcess.Builder notificationService(
      LocalInfrastructure infra,
      DatabaseLogin db,
      Path jar,
      int port,
      String evaluationServiceUrl) {
    return datasource(ServiceProcess.builder(ServiceJars.NOTIFICATION_SERVICE, jar).port(port), db)
        .property("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers())
        .property("spring.mail.host", "localhost")
        .property("spring.mail.port", infra.smtpPort())
        .property("notification.identity-url", evaluationServiceUrl)
        .property("notification.public-url", "http://localhost:" + port)
        // links in notices are kept only under evaluation-service's public URL (issue 12)
        .property("notification.evaluation-public-url", evaluationServiceUrl)
        .env(NOTIFICATION_ON_BEHALF_SECRET_VARIABLE, infra.onBehalfSecret());
  }

  private static ServiceProcess.Builder datasource(ServiceProcess.Builder b, DatabaseLogin db) {
    return b.property("spring.datasource.url", db.jdbcUrl())
        .property("spring.datasource.username", db.user())
        .property("spring.datasource.password", db.password());
  }

  // ------------------------------------------------------------------ main

  public static void main(String[] args) {
    LocalStackOptions options;
    try {
      options = LocalStackOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LocalStackOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(LocalStackOptions.USAGE);
      return;
    }
    LocalStackRun runner = new LocalStackRun(options);
    Runtime.getRuntime().addShutdownHook(new Thread(runner::shutdown, "local-stack-shutdown"));
    try {
      runner.start();
    } catch (RuntimeException e) {
      if (runner.shuttingDown()) {
        return; // Ctrl-C during start-up: the shutdown hook is stopping everything
      }
      System.err.println();
      System.err.println("KHÔNG KHỞI ĐỘNG ĐƯỢC / STARTUP FAILED: " + e.getMessage());
      if (!(e instanceof IllegalStateException)) {
        e.printStackTrace();
      }
      System.exit(1);
      return;
    }
    if (runner.shuttingDown()) {
      return;
    }
    System.out.println(runner.banner());
    runner.awaitShutdown();
  }
}
