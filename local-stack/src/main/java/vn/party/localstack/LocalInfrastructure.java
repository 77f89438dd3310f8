package vn.party.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Exit;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The infrastructure both services need, embedded in this JVM: PostgreSQL (real binaries, zonky), a Kafka broker in
 * KRaft mode (spring-kafka-test, a real broker) and an SMTP/IMAP server (GreenMail) that accepts any recipient.
 *
 * <p>{@link #forLocalRun()} uses the fixed ports the services' defaults and the banner name (PostgreSQL 15432 — 5432 is
 * often taken by a system PostgreSQL —, Kafka 9092, SMTP 1025, IMAP 1143); {@link #forTests()} uses free ports and a
 * throw-away data directory. Both create database {@value #DATABASE} owned by role {@value #DB_USER} (password
 * {@value #DB_PASSWORD}) and the topics of {@link #TOPICS} with {@value #TOPIC_PARTITIONS} partitions.
 *
 * <pre>{@code
 * try (LocalInfrastructure infra = LocalInfrastructure.forTests().start()) {
 *     infra.jdbcUrl(); infra.kafkaBootstrapServers(); infra.smtpPort(); infra.greenMail();
 * }
 * }</pre>
 */
public final class LocalInfrastructure implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

  public static final String DATABASE = "party_evaluation";
  public static final String DB_USER = "evaluation";
  public static final String DB_PASSWORD = "evaluation";

  public static final String TOPIC_EVALUATION_EVENTS = "evaluation.events";
  public static final String TOPIC_EVALUATION_EVENTS_DLT = "evaluation.events.DLT";
  public static final String TOPIC_MEMBER_EVENTS = "party.member-events";
  public static final String TOPIC_MEMBER_EVENTS_DLT = "party.member-events.DLT";
  public static final List<String> TOPICS =
      List.of(
          TOPIC_EVALUATION_EVENTS,
          TOPIC_EVALUATION_EVENTS_DLT,
          TOPIC_MEMBER_EVENTS,
          TOPIC_MEMBER_EVENTS_DLT);
  public static final int TOPIC_PARTITIONS = 3;

  public static final int DEFAULT_DB_PORT = 15432;
  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final int DEFAULT_SMTP_PORT = 1025;
  public static final int DEFAULT_IMAP_PORT = 1143;

  private static final String LOOPBACK = "127.0.0.1";

  private final Builder config;
  private EmbeddedPostgres postgres;

  /** The port PostgreSQL listens on (kept while it is stopped, so that it comes back where the services look). */
  private int postgresPort;

  private EmbeddedKafkaKraftBroker kafka;
  private boolean kafkaBrokerStopped;
  private GreenMail greenMail;
  private String kafkaBootstrapServers;
  private int smtpPort;
  private int imapPort;
  private Thread shutdownHook;

  /** Kafka's own JVM-exit hooks (deleting its temporary directories), run by {@link #close()} after the broker. */
  private final List<Runnable> kafkaExitHooks = new CopyOnWriteArrayList<>();

  private boolean closed;

  /**
   * The on-behalf secret shared by the two services of this run (issue 12): made up fresh for every run, never
   * written anywhere, so no token signed elsewhere is accepted.
   */
  private final String onBehalfSecret = randomSecret();

  private LocalInfrastructure(Builder config) {
    this.config = config;
  }

  /** Fixed default ports (15432, 9092, 1025, 1143), a throw-away data directory unless one is set. */
  public static Builder forLocalRun() {
    return new Builder(DEFAULT_DB_PORT, DEFAULT_KAFKA_PORT, DEFAULT_SMTP_PORT, DEFAULT_IMAP_PORT);
  }

  /** Free ports everywhere and a throw-away data directory: safe to run beside anything else. */
  public static Builder forTests() {
    return new Builder(0, 0, 0, 0);
  }

  /** Shortcut for {@code forTests().start()}. */
  public static LocalInfrastructure startForTests() {
    return forTests().start();
  }

  // ------------------------------------------------------------------ start / stop

  private LocalInfrastructure startAll() {
    long t0 = System.nanoTime();
    try {
      startPostgres(true);
      startKafka();
      startMail();
    } catch (RuntimeException | Error e) {
      log.error("Startup failed, stopping what was started: {}", e.toString());
      close();
      throw e;
    }
    if (config.registerShutdownHook) {
      shutdownHook = new Thread(this::close, "local-infrastructure-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    log.info(
        "Local infrastructure up in {} ms: PostgreSQL {} (user {}), Kafka {} (KRaft), SMTP localhost:{}, IMAP localhost:{}",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        jdbcUrl(),
        dbUser(),
        kafkaBootstrapServers,
        smtpPort,
        imapPort);
    return this;
  }

  private void startPostgres(boolean firstStart) {
    long t0 = System.nanoTime();
    if (postgresPort == 0) {
      postgresPort = config.dbPort == 0 ? freePort() : config.dbPort;
    }
    try {
      EmbeddedPostgres.Builder pg =
          EmbeddedPostgres.builder()
              .setPort(postgresPort)
              .setRegisterShutdownHook(config.registerShutdownHook)
              .setPGStartupWait(Duration.ofSeconds(60))
              // the services together keep up to ~40 connections open; leave head room for tools
              // and tests
              .setServerConfig("max_connections", "200")
              .setServerConfig("timezone", "UTC")
              .setServerConfig("listen_addresses", "localhost");
      config.serverConfig.forEach(pg::setServerConfig);
      if (config.dataDirectory != null) {
        Path dir = config.dataDirectory.toAbsolutePath();
        if (config.cleanDataDirectory && firstStart) {
          deleteRecursively(dir);
        }
        failIfPostmasterStillRuns(dir);
        Files.createDirectories(dir.getParent());
        pg.setDataDirectory(dir).setCleanDataDirectory(false);
      }
      if (config.logDirectory != null) {
        Files.createDirectories(config.logDirectory);
        File pgLog = config.logDirectory.resolve("postgres.log").toFile();
        pg.setOutputRedirector(ProcessBuilder.Redirect.appendTo(pgLog))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(pgLog));
      }
      postgres = pg.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot start embedded PostgreSQL on port " + config.dbPort + ": " + e.getMessage(), e);
    }
    createDatabase();
    log.info(
        "PostgreSQL started in {} ms on port {} ({}data directory {})",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        postgres.getPort(),
        config.dataDirectory == null ? "throw-away " : "",
        config.dataDirectory == null ? "in tmp" : config.dataDirectory);
  }

  private static void failIfPostmasterStillRuns(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    try {
      long pid = Long.parseLong(lines.get(0).trim());
      Optional<ProcessHandle> running = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (running.isPresent()) {
        throw new IllegalStateException(
            "A PostgreSQL from an earlier run (pid "
                + pid
                + ") still uses "
                + dataDir
                + ". Stop it first (kill "
                + pid
                + "), or start with --fresh / another data directory."
                + " (PostgreSQL của lần chạy trước vẫn đang chạy.)");
      }
    } catch (NumberFormatException e) {
      // not a pid file we understand: let PostgreSQL decide
    }
  }

  private void createDatabase() {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      boolean roleExists;
      try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
        ps.setString(1, config.dbUser);
        try (ResultSet rs = ps.executeQuery()) {
          roleExists = rs.next();
        }
      }
      try (Statement st = c.createStatement()) {
        if (!roleExists) {
          st.execute(
              "create role "
                  + ident(config.dbUser)
                  + " login password "
                  + literal(config.dbPassword));
        } else {
          st.execute(
              "alter role "
                  + ident(config.dbUser)
                  + " login password "
                  + literal(config.dbPassword));
        }
      }
      boolean dbExists;
      try (PreparedStatement ps =
          c.prepareStatement("select 1 from pg_database where datname = ?")) {
        ps.setString(1, config.database);
        try (ResultSet rs = ps.executeQuery()) {
          dbExists = rs.next();
        }
      }
      if (!dbExists) {
        try (Statement st = c.createStatement()) {
          st.execute(
              "create database "
                  + ident(config.database)
                  + " owner "
                  + ident(config.dbUser)
                  + " encoding 'UTF8' template template0");
        }
        log.info("Created database {} owned by {}", config.database, config.dbUser);
      } else {
        log.info("Database {} already exists (kept from an earlier run)", config.database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create database " + config.database + ": " + e.getMessage(), e);
    }
    // schema public must be usable by the owner whatever the PostgreSQL version (the engine's
    // tables live there)
    try (Connection c = superuserDataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("grant all on schema public to " + ident(config.dbUser));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot grant schema public to " + config.dbUser + ": " + e.getMessage(), e);
    }
  }

  private void startKafka() {
    long t0 = System.nanoTime();
    Map<String, String> props = new HashMap<>();
    if (config.kafkaPort != 0) {
      // EmbeddedKafkaKraftBroker.kafkaPorts(...) is ignored in KRaft mode (the test kit picks
      // random ports);
      // the test kit only sets 'listeners' if it is absent, so setting it here fixes the client
      // port.
      props.put(
          "listeners", "EXTERNAL://localhost:" + config.kafkaPort + ",CONTROLLER://localhost:0");
    }
    props.put("auto.create.topics.enable", "true");
    props.put("num.partitions", String.valueOf(TOPIC_PARTITIONS));
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    // a single broker: transactional and idempotent producers need these at 1
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    EmbeddedKafkaKraftBroker broker =
        new EmbeddedKafkaKraftBroker(1, TOPIC_PARTITIONS, config.topics.toArray(String[]::new));
    broker.brokerProperties(props);
    broker.adminTimeout(60);
    // do not publish spring.kafka.bootstrap-servers as a system property of this JVM
    broker.brokerListProperty(null);
    // The test kit registers JVM shutdown hooks that delete the broker's directories; run
    // concurrently with an
    // orderly close they make the still-running broker log storage errors. Collect them and run
    // them in close().
    Exit.setShutdownHookAdder((name, hook) -> kafkaExitHooks.add(hook));
    try {
      broker.afterPropertiesSet();
    } catch (RuntimeException e) {
      try {
        broker.destroy();
      } catch (RuntimeException ignored) {
        // already failing
      }
      Exit.resetShutdownHookAdder();
      throw new IllegalStateException(
          "Cannot start the embedded Kafka broker"
              + (config.kafkaPort != 0
                  ? " on port " + config.kafkaPort + " (is another Kafka running there?)"
                  : "")
              + ": "
              + rootMessage(e),
          e);
    }
    Exit.resetShutdownHookAdder();
    kafka = broker;
    kafkaBootstrapServers = broker.getBrokersAsString();
    awaitKafkaReady();
    log.info(
        "Kafka (KRaft, broker+controller) started in {} ms at {}, topics {} with {} partitions",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        kafkaBootstrapServers,
        config.topics,
        TOPIC_PARTITIONS);
  }

  /** The broker answers metadata requests and every topic has a leader for each partition. */
  private void awaitKafkaReady() {
    Map<String, Object> adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafkaBootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            20_000);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Exception last = null;
    try (AdminClient admin = AdminClient.create(adminConfig)) {
      while (System.nanoTime() < deadline) {
        try {
          admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
          boolean allLed =
              admin
                  .describeTopics(config.topics)
                  .allTopicNames()
                  .get(10, TimeUnit.SECONDS)
                  .values()
                  .stream()
                  .allMatch(
                      t ->
                          t.partitions().size() == TOPIC_PARTITIONS
                              && t.partitions().stream().allMatch(p -> p.leader() != null));
          if (allLed) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (Exception e) {
          last = e;
        }
        sleepQuietly(500);
      }
    }
    throw new IllegalStateException(
        "Kafka at "
            + kafkaBootstrapServers
            + " did not become ready in 60 s"
            + (last == null ? "" : ": " + rootMessage(last)),
        last);
  }

  private void startMail() {
    smtpPort = config.smtpPort == 0 ? freePort() : config.smtpPort;
    imapPort = config.imapPort == 0 ? freePort() : config.imapPort;
    ServerSetup smtp = new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
    ServerSetup imap = new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP);
    GreenMail mail =
        new GreenMail(new ServerSetup[] {smtp, imap})
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    try {
      mail.start();
    } catch (RuntimeException e) {
      try {
        mail.stop();
      } catch (RuntimeException ignored) {
        // already failing
      }
      throw new IllegalStateException(
          "Cannot start GreenMail (SMTP "
              + smtpPort
              + ", IMAP "
              + imapPort
              + "; is another mail catcher running?): "
              + rootMessage(e),
          e);
    }
    greenMail = mail;
    log.info(
        "GreenMail started: SMTP localhost:{}, IMAP localhost:{} (any recipient, no authentication)",
        smtpPort,
        imapPort);
  }

  /** Stops mail, Kafka and PostgreSQL (in that order); idempotent, never throws. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // fine
      }
    }
    if (greenMail != null) {
      try {
        greenMail.stop();
      } catch (RuntimeException e) {
        log.warn("Stopping GreenMail failed: {}", e.toString());
      }
    }
    if (kafka != null) {
      try {
        kafka.destroy();
      } catch (RuntimeException e) {
        log.warn("Stopping Kafka failed: {}", e.toString());
      }
    }
    for (Runnable hook : kafkaExitHooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        log.debug("Kafka clean-up hook failed: {}", e.toString());
      }
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException | RuntimeException e) {
        log.warn("Stopping PostgreSQL failed: {}", e.toString());
      }
    }
    log.info("Local infrastructure stopped");
  }

  // ------------------------------------------------------------------ fault injection (resilience
  // tests)

  /**
   * Stops PostgreSQL ({@code pg_ctl stop -m fast}: open connections are cut, open transactions roll back), keeping
   * its data directory and port, so that {@link #startPostgresAgain()} brings the same database back where the
   * services look for it. Needs a data directory of this infrastructure ({@link Builder#dataDirectory(Path)}): a
   * throw-away one is deleted on stop.
   */
  public synchronized void stopPostgres() {
    if (config.dataDirectory == null) {
      throw new IllegalStateException(
          "stopPostgres() needs a data directory that outlives the server: "
              + "build the infrastructure with dataDirectory(...)");
    }
    EmbeddedPostgres pg = postgres;
    if (pg == null) {
      return;
    }
    postgres = null;
    try {
      pg.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop PostgreSQL: " + e.getMessage(), e);
    }
    log.info(
        "PostgreSQL stopped (fault injection); data kept in {}, port {}",
        config.dataDirectory,
        postgresPort);
  }

  /** Starts PostgreSQL again after {@link #stopPostgres()}: same data directory, same port. */
  public synchronized void startPostgresAgain() {
    if (postgres != null) {
      throw new IllegalStateException("PostgreSQL is running");
    }
    startPostgres(false);
  }

  /** Whether PostgreSQL is running (false after {@link #stopPostgres()}). */
  public synchronized boolean postgresRunning() {
    return postgres != null;
  }

  /**
   * Stops the Kafka broker as {@code kafka-server-stop} would (controlled shutdown; its port stops answering), while
   * its log directories and the KRaft controller of this single-node cluster stay: {@link #startKafkaBrokerAgain()}
   * brings back the same topics, records, committed consumer offsets and producer state on the same port. Needs a
   * fixed Kafka port ({@link Builder#kafkaPort(int)} other than 0): a broker on a random port would come back
   * elsewhere.
   */
  public synchronized void stopKafkaBroker() {
    if (config.kafkaPort == 0) {
      throw new IllegalStateException(
          "stopKafkaBroker() needs a fixed Kafka port: build the infrastructure "
              + "with kafkaPort(LocalInfrastructure.freePort())");
    }
    if (kafkaBrokerStopped) {
      return;
    }
    long t0 = System.nanoTime();
    kafkaBroker().getCluster().brokers().values().forEach(broker -> broker.shutdown());
    kafkaBrokerStopped = true;
    log.info(
        "Kafka broker stopped in {} ms (fault injection); controller and log directories kept",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  /** Starts the broker again after {@link #stopKafkaBroker()} and waits until every topic has a leader. */
  public synchronized void startKafkaBrokerAgain() {
    if (!kafkaBrokerStopped) {
      throw new IllegalStateException("The Kafka broker is running");
    }
    long t0 = System.nanoTime();
    kafkaBroker().getCluster().brokers().values().forEach(broker -> broker.startup());
    kafkaBrokerStopped = false;
    awaitKafkaReady();
    log.info(
        "Kafka broker started again in {} ms at {}",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        kafkaBootstrapServers);
  }

  /** Whether the Kafka broker is up (false after {@link #stopKafkaBroker()}). */
  public synchronized boolean kafkaBrokerRunning() {
    return kafka != null && !kafkaBrokerStopped;
  }

  // ------------------------------------------------------------------ accessors

  /** This run's on-behalf secret, for both services (environment, not the command line other users can read). */
  public String onBehalfSecret() {
    return onBehalfSecret;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[33];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** {@code jdbc:postgresql://localhost:{port}/party_evaluation}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + dbPort() + "/" + config.database;
  }

  public String dbUser() {
    return config.dbUser;
  }

  public String dbPassword() {
    return config.dbPassword;
  }

  public String databaseName() {
    return config.database;
  }

  public int dbPort() {
    if (postgresPort == 0) {
      throw new IllegalStateException("PostgreSQL was never started");
    }
    return postgresPort;
  }

  /** Connections to {@value #DATABASE} as {@value #DB_USER}. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl());
    ds.setUser(config.dbUser);
    ds.setPassword(config.dbPassword);
    return ds;
  }

  /** Connections to {@value #DATABASE} as the superuser {@code postgres} (for test assertions and clean-ups). */
  public DataSource superuserDataSource() {
    return postgres().getDatabase("postgres", config.database);
  }

  public EmbeddedPostgres postgres() {
    return Objects.requireNonNull(postgres, "PostgreSQL is not running");
  }

  /** e.g. {@code localhost:9092}. */
  public String kafkaBootstrapServers() {
    return Objects.requireNonNull(kafkaBootstrapServers, "Kafka is not running");
  }

  public int kafkaPort() {
    String s = kafkaBootstrapServers();
    String first = s.split(",")[0];
    return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
  }

  public EmbeddedKafkaKraftBroker kafkaBroker() {
    return Objects.requireNonNull(kafka, "Kafka is not running");
  }

  public List<String> topics() {
    return List.copyOf(config.topics);
  }

  public int smtpPort() {
    return smtpPort;
  }

  public int imapPort() {
    return imapPort;
  }

  public GreenMail greenMail() {
    return Objects.requireNonNull(greenMail, "GreenMail is not running");
  }

  /** The persistent PostgreSQL data directory, or empty for a throw-away one. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(config.dataDirectory);
  }

  // ------------------------------------------------------------------ helpers

  /** A TCP port that is free on the loopback interface right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  /** True if nothing listens on {@code port} (loopback or wildcard) right now. */
  public static boolean isPortFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t + ")";
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ builder

  /** Configuration; port 0 means "pick a free port". */
  public static final class Builder {

    private int dbPort;
    private int kafkaPort;
    private int smtpPort;
    private int imapPort;
    private Path dataDirectory;
    private boolean cleanDataDirectory;
    private Path logDirectory;
    private String database = DATABASE;
    private String dbUser = DB_USER;
    private String dbPassword = DB_PASSWORD;
    private final List<String> topics = new ArrayList<>(TOPICS);
    private final Map<String, String> serverConfig = new LinkedHashMap<>();
    private boolean registerShutdownHook = true;

    private Builder(int dbPort, int kafkaPort, int smtpPort, int imapPort) {
      this.dbPort = dbPort;
      this.kafkaPort = kafkaPort;
      this.smtpPort = smtpPort;
      this.imapPort = imapPort;
    }

    public Builder dbPort(int port) {
      this.dbPort = port;
      return this;
    }

    public Builder kafkaPort(int port) {
      this.kafkaPort = port;
      return this;
    }

    public Builder smtpPort(int port) {
      this.smtpPort = port;
      return this;
    }

    public Builder imapPort(int port) {
      this.imapPort = port;
      return this;
    }

    /**
     * Keep PostgreSQL's data in {@code dir} across runs (created by initdb if missing); null (the default) for a
     * throw-away directory removed on close. Kafka's log is always throw-away.
     */
    public Builder dataDirectory(Path dir) {
      this.dataDirectory = dir;
      return this;
    }

    /** Delete the data directory before starting (a fresh database). */
    public Builder cleanDataDirectory(boolean clean) {
      this.cleanDataDirectory = clean;
      return this;
    }

    /** Write PostgreSQL's server output to {@code <dir>/postgres.log} instead of this JVM's log. */
    public Builder logDirectory(Path dir) {
      this.logDirectory = dir;
      return this;
    }

    public Builder database(String name, String user, String password) {
      this.database = name;
      this.dbUser = user;
      this.dbPassword = password;
      return this;
    }

    /** Topics to create (default {@link #TOPICS}), each with {@value #TOPIC_PARTITIONS} partitions. */
    public Builder topics(List<String> names) {
      topics.clear();
      topics.addAll(names);
      return this;
    }

    /**
     * An extra PostgreSQL server setting ({@code postgres -c name=value}), e.g. {@code track_commit_timestamp=on}
     * for the benchmark, which reads when each row became visible.
     */
    public Builder serverConfig(String name, String value) {
      serverConfig.put(name, value);
      return this;
    }

    /** Stop everything when the JVM exits (default true). */
    public Builder registerShutdownHook(boolean register) {
      this.registerShutdownHook = register;
      return this;
    }

    /** Starts PostgreSQL, Kafka and GreenMail; on any failure stops what was started and throws. */
    public LocalInfrastructure start() {
      return new LocalInfrastructure(this).startAll();
    }
  }
}
