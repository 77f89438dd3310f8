package vn.party.localstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
    ServiceProcess.Builder b = ServiceProcess.builder(name, jar).port(port);
    if (demo) {
      b.property("spring.profiles.active", "demo");
    }
    // a throw-away engine: the tools (bench, end-to-end tests) use the configured admin as it is
    // (issue 12)
    b.property("evaluation.accounts.initial-admin-must-change", "false");
    return b.property("spring.datasource.url", infra.jdbcUrl())
        .property("spring.datasource.username", infra.dbUser())
        .property("spring.datasource.password", infra.dbPassword())
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
    return ServiceProcess.builder(ServiceJars.NOTIFICATION_SERVICE, jar)
        .port(port)
        .property("spring.datasource.url", infra.jdbcUrl())
        .property("spring.datasource.username", infra.dbUser())
        .property("spring.datasource.password", infra.dbPassword())
        .property("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers())
        .property("spring.mail.host", "localhost")
        .property("spring.mail.port", infra.smtpPort())
        .property("notification.identity-url", evaluationServiceUrl)
        .property("notification.public-url", "http://localhost:" + port)
        // links in notices are kept only under evaluation-service's public URL (issue 12)
        .property("notification.evaluation-public-url", evaluationServiceUrl)
        .env(NOTIFICATION_ON_BEHALF_SECRET_VARIABLE, infra.onBehalfSecret());
  }

  // ------------------------------------------------------------------ options

  /** Command-line options. */
  public static final class Options {
    int dbPort = LocalInfrastructure.DEFAULT_DB_PORT;
    int kafkaPort = LocalInfrastructure.DEFAULT_KAFKA_PORT;
    int smtpPort = LocalInfrastructure.DEFAULT_SMTP_PORT;
    int imapPort = LocalInfrastructure.DEFAULT_IMAP_PORT;
    int mailboxPort = MailboxWebServer.DEFAULT_PORT;
    int evaluationPort = DEFAULT_EVALUATION_PORT;
    int notificationPort = DEFAULT_NOTIFICATION_PORT;
    boolean demo = true;
    boolean fresh;
    boolean help;
    Path dataDir;
    Path logDir;

    static Options parse(String... args) {
      Options o = new Options();
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
          case "--no-demo" -> o.demo = false;
          case "--fresh" -> o.fresh = true;
          case "--db-port",
              "--kafka-port",
              "--smtp-port",
              "--imap-port",
              "--mailbox-port",
              "--evaluation-port",
              "--notification-port",
              "--data-dir",
              "--log-dir" -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
              }
              value = args[++i];
            }
            o.set(name, value);
          }
          default -> throw new IllegalArgumentException("Unknown option " + arg + " (see --help)");
        }
      }
      return o;
    }

    private void set(String name, String value) {
      switch (name) {
        case "--data-dir" -> dataDir = Path.of(value).toAbsolutePath();
        case "--log-dir" -> logDir = Path.of(value).toAbsolutePath();
        default -> {
          int port;
          try {
            port = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a port number, not '" + value + "'");
          }
          if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " " + port + " is not a valid port");
          }
          switch (name) {
            case "--db-port" -> dbPort = port;
            case "--kafka-port" -> kafkaPort = port;
            case "--smtp-port" -> smtpPort = port;
            case "--imap-port" -> imapPort = port;
            case "--mailbox-port" -> mailboxPort = port;
            case "--evaluation-port" -> evaluationPort = port;
            case "--notification-port" -> notificationPort = port;
            default -> throw new IllegalArgumentException(name);
          }
        }
      }
    }

    Map<String, Integer> ports() {
      Map<String, Integer> ports = new LinkedHashMap<>();
      ports.put("--db-port (PostgreSQL)", dbPort);
      ports.put("--kafka-port (Kafka)", kafkaPort);
      ports.put("--smtp-port (SMTP)", smtpPort);
      ports.put("--imap-port (IMAP)", imapPort);
      ports.put("--mailbox-port (mailbox page)", mailboxPort);
      ports.put("--evaluation-port (evaluation-service)", evaluationPort);
      ports.put("--notification-port (notification-service)", notificationPort);
      return ports;
    }
  }

  static final String USAGE =
      """
            Chạy toàn bộ hệ thống trên máy cục bộ / Runs the whole system locally:
              embedded PostgreSQL, Kafka (KRaft), SMTP + evaluation-service + notification-service.

            Options:
              --db-port N            PostgreSQL port            (default 15432)
              --kafka-port N         Kafka bootstrap port       (default 9092)
              --smtp-port N          SMTP port                  (default 1025)
              --imap-port N          IMAP port                  (default 1143)
              --mailbox-port N       mailbox web page port      (default 8025)
              --evaluation-port N    evaluation-service port    (default 8080)
              --notification-port N  notification-service port  (default 8081)
              --no-demo              do not seed the demo data (no Spring profile 'demo')
              --fresh                delete the PostgreSQL data directory first (start from an empty database)
              --data-dir DIR         PostgreSQL data directory  (default local-stack/data/postgres)
              --log-dir DIR          service logs               (default local-stack/target/logs)
              --help                 this text
            """;

  // ------------------------------------------------------------------ main

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(USAGE);
      return;
    }
    Runner runner = new Runner(options);
    Runtime.getRuntime().addShutdownHook(new Thread(runner::shutdown, "local-stack-shutdown"));
    try {
      runner.start();
    } catch (RuntimeException e) {
      if (runner.shuttingDown) {
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
    if (runner.shuttingDown) {
      return;
    }
    System.out.println(runner.banner());
    runner.awaitShutdown();
  }

  /** Starts and stops everything in order. */
  static final class Runner {
    private final Options options;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean shuttingDown;
    private volatile LocalInfrastructure infra;
    private volatile MailboxWebServer mailbox;
    private volatile ServiceProcess evaluation;
    private volatile ServiceProcess notification;
    private Path logDir;

    Runner(Options options) {
      this.options = options;
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
      // either comes
      // before it (nothing more is started) or after it (shutdown() sees it and stops it): nothing
      // is orphaned.
      log.info(
          "Starting local infrastructure (PostgreSQL data in {}, logs in {})", dataDir, logDir);
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
            evaluationService(infra, evaluationJar, options.evaluationPort, options.demo)
                // the pages show the signed-in person's notifications from notification-service
                .property(
                    "evaluation.notifications.url", "http://localhost:" + options.notificationPort)
                // the demo's secretaries head their units, so a campaign shows "a collective before
                // its head"
                .property("evaluation.demo.unit-heads", String.valueOf(options.demo))
                .logDir(logDir)
                .workingDirectory(root)
                .stopOnJvmExit(false)
                .start();
      }
      evaluation.awaitHealthy(EVALUATION_START_TIMEOUT);

      log.info(
          "Starting notification-service on port {} (log {})",
          options.notificationPort,
          logDir.resolve("notification-service.log"));
      synchronized (this) {
        if (shuttingDown) {
          return;
        }
        notification =
            notificationService(
                    infra,
                    notificationJar,
                    options.notificationPort,
                    "http://localhost:" + options.evaluationPort)
                .logDir(logDir)
                .workingDirectory(root)
                .stopOnJvmExit(false)
                .start();
      }
      notification.awaitHealthy(NOTIFICATION_START_TIMEOUT);

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
      return LocalStack.banner(
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
          logDir);
    }
  }

  static String banner(
      int evaluationPort,
      int notificationPort,
      int mailboxPort,
      String kafka,
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      int smtpPort,
      int imapPort,
      boolean demo,
      Path logDir) {
    String e = "http://localhost:" + evaluationPort;
    String n = "http://localhost:" + notificationPort;
    String m = "http://localhost:" + mailboxPort;
    String topics = String.join(", ", LocalInfrastructure.TOPICS);
    String line = "=".repeat(78);
    StringBuilder b = new StringBuilder();
    b.append('\n').append(line).append('\n');
    b.append("  HỆ THỐNG KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN — ĐÃ SẴN SÀNG\n");
    b.append(line).append('\n');
    b.append("  Camunda Tasklist (việc cần làm) : ").append(e).append("/camunda/app/tasklist/\n");
    b.append("  Camunda Cockpit (theo dõi)      : ").append(e).append("/camunda/app/cockpit/\n");
    b.append("  Camunda Admin (người dùng, nhóm): ").append(e).append("/camunda/app/admin/\n");
    b.append("  REST của engine                 : ").append(e).append("/engine-rest\n");
    b.append("  API nghiệp vụ                   : ").append(e).append("/api/v1\n");
    b.append("  Tài liệu API (OpenAPI)          : ")
        .append(e)
        .append("/v3/api-docs  ·  ")
        .append(e)
        .append("/swagger-ui.html\n");
    b.append("  Thông báo                       : ").append(n).append("/api/v1/notifications\n");
    b.append("  Hộp thư thử nghiệm              : ").append(m).append("\n");
    b.append("  Kafka                           : ")
        .append(kafka)
        .append("  (chủ đề: ")
        .append(topics)
        .append(")\n");
    b.append("  PostgreSQL                      : ")
        .append(jdbcUrl)
        .append("  (người dùng ")
        .append(dbUser)
        .append(" / mật khẩu ")
        .append(dbPassword)
        .append(")\n");
    b.append("  SMTP / IMAP                     : localhost:")
        .append(smtpPort)
        .append(" / localhost:")
        .append(imapPort)
        .append('\n');
    b.append("  Nhật ký (log) các dịch vụ       : ").append(logDir).append('\n');
    if (demo) {
      b.append('\n');
      b.append("  Tài khoản thử nghiệm (mật khẩu: demo, trừ admin/admin):\n");
      b.append("    admin / admin                 quản trị hệ thống (Camunda Admin)\n");
      b.append(
          "    member1 … member15            đảng viên (1–5 chi bộ cb1, 6–10 cb2, 11–15 cb3)\n");
      b.append(
          "    member1, member6, member11    bí thư chi bộ cb1 … cb3; member2 bí thư đảng ủy\n");
      b.append("                                  (được xếp loại sau tập thể mình đứng đầu)\n");
      b.append("    secretary1 … secretary3       chi ủy chi bộ thanh-khe-tay-cb1 … cb3\n");
      b.append("    committee                     Đảng ủy cơ sở (Đảng bộ phường Thanh Khê Tây)\n");
      b.append("    auditor                       Ủy ban kiểm tra\n");
      b.append("    thư điện tử: {tài khoản}@thanhkhetay.example.vn\n");
    } else {
      b.append("\n  Không nạp dữ liệu mẫu (--no-demo): chỉ có tài khoản admin / admin.\n");
    }
    b.append("  Nhấn Ctrl-C để dừng tất cả.\n");
    b.append(line).append('\n');
    b.append("  PARTY MEMBER EVALUATION — READY\n");
    b.append(line).append('\n');
    b.append("  Camunda Tasklist     : ").append(e).append("/camunda/app/tasklist/\n");
    b.append("  Camunda Cockpit      : ").append(e).append("/camunda/app/cockpit/\n");
    b.append("  Camunda Admin        : ").append(e).append("/camunda/app/admin/\n");
    b.append("  Engine REST          : ").append(e).append("/engine-rest\n");
    b.append("  Domain API           : ").append(e).append("/api/v1\n");
    b.append("  OpenAPI              : ")
        .append(e)
        .append("/v3/api-docs  ·  ")
        .append(e)
        .append("/swagger-ui.html\n");
    b.append("  Notifications        : ").append(n).append("/api/v1/notifications\n");
    b.append("  Test mailbox         : ").append(m).append("\n");
    b.append("  Kafka bootstrap      : ")
        .append(kafka)
        .append("  (topics: ")
        .append(topics)
        .append(")\n");
    b.append("  PostgreSQL           : ")
        .append(jdbcUrl)
        .append("  (user ")
        .append(dbUser)
        .append(" / password ")
        .append(dbPassword)
        .append(")\n");
    b.append("  SMTP / IMAP          : localhost:")
        .append(smtpPort)
        .append(" / localhost:")
        .append(imapPort)
        .append('\n');
    b.append("  Service logs         : ").append(logDir).append('\n');
    if (demo) {
      b.append('\n');
      b.append("  Demo logins (password: demo, except admin/admin):\n");
      b.append("    admin / admin                 administrator (Camunda Admin)\n");
      b.append(
          "    member1 … member15            party members (1–5 branch cb1, 6–10 cb2, 11–15 cb3)\n");
      b.append(
          "    member1, member6, member11    secretaries of cb1 … cb3; member2 secretary of the organization\n");
      b.append("                                  (rated after the unit they head)\n");
      b.append("    secretary1 … secretary3       branch committees thanh-khe-tay-cb1 … cb3\n");
      b.append("    committee                     grassroots party committee (thanh-khe-tay)\n");
      b.append("    auditor                       inspection committee\n");
      b.append("    e-mail: {userId}@thanhkhetay.example.vn\n");
    } else {
      b.append("\n  No demo data (--no-demo): only admin / admin.\n");
    }
    b.append("  Press Ctrl-C to stop everything.\n");
    b.append(line).append('\n');
    return b.toString();
  }
}
