package vn.party.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local run: checks the ports, starts the infrastructure, the mailbox page and both services in order, watches
 * them, and stops them in reverse order on Ctrl-C.
 */
final class LocalStackRun {

  private static final Logger log = LoggerFactory.getLogger(LocalStackRun.class);

  private final LocalStackOptions options;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean shuttingDown;
  private volatile LocalInfrastructure infra;
  private volatile MailboxWebServer mailbox;
  private volatile ServiceProcess evaluation;
  private volatile ServiceProcess notification;
  private Path logDir;

  LocalStackRun(LocalStackOptions options) {
    this.options = options;
  }

  /**
   * evaluation-service as the README's run starts it: with the calendar rules of a deployment (a campaign for a year
   * still to come, or with a deadline already past, is refused, as in production; the tools built on {@link
   * LocalStack#evaluationService} allow them), the signed-in person's notifications from notification-service and,
   * with the demo, its secretaries heading their units.
   */
  static ServiceProcess.Builder evaluationService(
      LocalInfrastructure infra, Path jar, LocalStackOptions options) {
    return LocalStack.evaluationServiceAsDeployed(
            ServiceJars.EVALUATION_SERVICE,
            infra,
            infra.databaseLogin(),
            jar,
            options.evaluationPort,
            options.demo)
        // the pages show the signed-in person's notifications from notification-service
        .property("evaluation.notifications.url", "http://localhost:" + options.notificationPort)
        // the demo's secretaries head their units, so a campaign shows "a collective before its
        // head"
        .property("evaluation.demo.unit-heads", String.valueOf(options.demo));
  }

  void start() {
    ServiceJars jars = ServiceJars.locate();
    Path evaluationJar = jars.evaluationService();
    Path notificationJar = jars.notificationService();
    Path root = jars.repositoryRootPath();
    logDir =
        options.logDir != null
            ? options.logDir
            : root.resolve("local-stack").resolve("target").resolve("logs");
    Path dataDir =
        options.dataDir != null
            ? options.dataDir
            : root.resolve("local-stack").resolve("data").resolve("postgres");

    List<String> busy = new ArrayList<>();
    options
        .ports()
        .forEach(
            (what, port) -> {
              if (!LocalInfrastructure.isPortFree(port)) {
                busy.add(port + " " + what);
              }
            });
    if (!busy.isEmpty()) {
      throw new IllegalStateException(
          "Các cổng sau đang bận / these ports are in use:\n  "
              + String.join("\n  ", busy)
              + "\nStop whatever uses them (an earlier run?) or choose other ports with the options shown.");
    }

    // Each start is made under the lock that shutdown() takes, so that Ctrl-C during start-up
    // either comes before it (nothing more is started) or after it (shutdown() stops it).
    log.info("Starting local infrastructure (PostgreSQL data in {}, logs in {})", dataDir, logDir);
    synchronized (this) {
      if (shuttingDown) {
        return;
      }
      infra =
          LocalInfrastructure.forLocalRun()
              .dbPort(options.dbPort)
              .kafkaPort(options.kafkaPort)
              .smtpPort(options.smtpPort)
              .imapPort(options.imapPort)
              .dataDirectory(dataDir)
              .cleanDataDirectory(options.fresh)
              .logDirectory(logDir)
              .registerShutdownHook(false) // shutdown() stops the services first
              .start();
      mailbox = MailboxWebServer.start(infra.greenMail(), options.mailboxPort);
    }

    log.info(
        "Starting evaluation-service on port {}{} (log {})",
        options.evaluationPort,
        options.demo ? " with demo data" : "",
        logDir.resolve("evaluation-service.log"));
    synchronized (this) {
      if (shuttingDown) {
        return;
      }
      evaluation =
          evaluationService(infra, evaluationJar, options)
              .logDir(logDir)
              .workingDirectory(root)
              .stopOnJvmExit(false)
              .start();
    }
    evaluation.awaitHealthy(LocalStack.EVALUATION_START_TIMEOUT);

    log.info(
        "Starting notification-service on port {} (log {})",
        options.notificationPort,
        logDir.resolve("notification-service.log"));
    synchronized (this) {
      if (shuttingDown) {
        return;
      }
      notification =
          LocalStack.notificationService(
                  infra,
                  notificationJar,
                  options.notificationPort,
                  "http://localhost:" + options.evaluationPort)
              .logDir(logDir)
              .workingDirectory(root)
              .stopOnJvmExit(false)
              .start();
    }
    notification.awaitHealthy(LocalStack.NOTIFICATION_START_TIMEOUT);

    Thread watchdog = new Thread(this::watch, "local-stack-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /** Tells once if a service dies on its own. */
  private void watch() {
    boolean evaluationReported = false;
    boolean notificationReported = false;
    while (!shuttingDown) {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        return;
      }
      if (shuttingDown) {
        return;
      }
      if (!evaluationReported && evaluation != null && !evaluation.isAlive()) {
        evaluationReported = true;
        reportDeath(evaluation);
      }
      if (!notificationReported && notification != null && !notification.isAlive()) {
        notificationReported = true;
        reportDeath(notification);
      }
    }
  }

  private static void reportDeath(ServiceProcess service) {
    System.err.println();
    System.err.println(
        "!!! "
            + service.name()
            + " đã dừng / has stopped (exit code "
            + service.exitCode().orElse(-1)
            + "). Log: "
            + service.logFile());
    System.err.println(service.logTail(30));
  }

  /** Whether Ctrl-C has come (then nothing more is started). */
  boolean shuttingDown() {
    return shuttingDown;
  }

  void awaitShutdown() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Services first (they still talk to the infrastructure while stopping), then mailbox, then infrastructure. */
  synchronized void shutdown() {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    System.out.println();
    System.out.println("Đang dừng... / Stopping...");
    stopQuietly(notification);
    stopQuietly(evaluation);
    if (mailbox != null) {
      mailbox.close();
    }
    if (infra != null) {
      infra.close();
    }
    System.out.println("Đã dừng. / Stopped.");
    stopped.countDown();
  }

  private static void stopQuietly(ServiceProcess service) {
    if (service == null) {
      return;
    }
    try {
      service.stop();
    } catch (RuntimeException e) {
      log.warn("Stopping {} failed: {}", service.name(), e.toString());
      service.kill();
    }
  }

  String banner() {
    return new LocalStackBanner(
            options.evaluationPort,
            options.notificationPort,
            mailbox.port(),
            infra.kafkaBootstrapServers(),
            infra.jdbcUrl(),
            infra.dbUser(),
            infra.dbPassword(),
            infra.smtpPort(),
            infra.imapPort(),
            options.demo,
            logDir)
        .text();
  }
}
