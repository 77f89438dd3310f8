package vn.party.localstack;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 *
 * <p>A façade: {@link LocalPostgres}, {@link LocalKafka} and {@link LocalMail} each run one server.
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

  private final Builder config;
  private LocalPostgres postgres;
  private LocalKafka kafka;
  private LocalMail mail;
  private Thread shutdownHook;
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
      // each part is kept before it starts, so that close() stops it if its start fails half-way
      postgres = new LocalPostgres(config.postgresSettings());
      postgres.start();
      kafka = new LocalKafka(config.kafkaPort, config.topics, TOPIC_PARTITIONS);
      kafka.start();
      mail = new LocalMail(config.smtpPort, config.imapPort);
      mail.start();
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
        kafkaBootstrapServers(),
        smtpPort(),
        imapPort());
    return this;
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
    for (AutoCloseable part : new AutoCloseable[] {mail, kafka, postgres}) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
        }
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
  public void stopPostgres() {
    postgresPart().stop();
  }

  /** Starts PostgreSQL again after {@link #stopPostgres()}: same data directory, same port. */
  public void startPostgresAgain() {
    postgresPart().startAgain();
  }

  /** Whether PostgreSQL is running (false after {@link #stopPostgres()}). */
  public boolean postgresRunning() {
    return postgres != null && postgres.running();
  }

  /**
   * Stops the Kafka broker as {@code kafka-server-stop} would (controlled shutdown; its port stops answering), while
   * its log directories and the KRaft controller of this single-node cluster stay: {@link #startKafkaBrokerAgain()}
   * brings back the same topics, records, committed consumer offsets and producer state on the same port. Needs a
   * fixed Kafka port ({@link Builder#kafkaPort(int)} other than 0): a broker on a random port would come back
   * elsewhere.
   */
  public void stopKafkaBroker() {
    kafkaPart().stopBroker();
  }

  /** Starts the broker again after {@link #stopKafkaBroker()} and waits until every topic has a leader. */
  public void startKafkaBrokerAgain() {
    kafkaPart().startBrokerAgain();
  }

  /** Whether the Kafka broker is up (false after {@link #stopKafkaBroker()}). */
  public boolean kafkaBrokerRunning() {
    return kafka != null && kafka.brokerRunning();
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
    return postgresPart().jdbcUrl();
  }

  public String dbUser() {
    return config.dbUser;
  }

  public String dbPassword() {
    return config.dbPassword;
  }

  /** URL, user and password of {@value #DATABASE}, as the services are given them. */
  public DatabaseLogin databaseLogin() {
    return new DatabaseLogin(jdbcUrl(), dbUser(), dbPassword());
  }

  public String databaseName() {
    return config.database;
  }

  public int dbPort() {
    return postgresPart().port();
  }

  /** Connections to {@value #DATABASE} as {@value #DB_USER}. */
  public DataSource dataSource() {
    return postgresPart().dataSource();
  }

  /** Connections to {@value #DATABASE} as the superuser {@code postgres} (for test assertions and clean-ups). */
  public DataSource superuserDataSource() {
    return postgresPart().superuserDataSource();
  }

  public EmbeddedPostgres postgres() {
    return postgresPart().server();
  }

  /** e.g. {@code localhost:9092}. */
  public String kafkaBootstrapServers() {
    return kafkaPart().bootstrapServers();
  }

  public int kafkaPort() {
    return kafkaPart().port();
  }

  public EmbeddedKafkaKraftBroker kafkaBroker() {
    return kafkaPart().broker();
  }

  public List<String> topics() {
    return List.copyOf(config.topics);
  }

  /** 0 before the mail server started. */
  public int smtpPort() {
    return mail == null ? 0 : mail.smtpPort();
  }

  /** 0 before the mail server started. */
  public int imapPort() {
    return mail == null ? 0 : mail.imapPort();
  }

  public GreenMail greenMail() {
    if (mail == null) {
      throw new NullPointerException("GreenMail is not running");
    }
    return mail.greenMail();
  }

  /** The persistent PostgreSQL data directory, or empty for a throw-away one. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(config.dataDirectory);
  }

  private LocalPostgres postgresPart() {
    if (postgres == null) {
      throw new IllegalStateException("PostgreSQL was never started");
    }
    return postgres;
  }

  private LocalKafka kafkaPart() {
    if (kafka == null) {
      throw new NullPointerException("Kafka is not running");
    }
    return kafka;
  }

  // ------------------------------------------------------------------ helpers

  /** A TCP port that is free on the loopback interface right now. */
  public static int freePort() {
    return Ports.freePort();
  }

  /** True if nothing listens on {@code port} (loopback or wildcard) right now. */
  public static boolean isPortFree(int port) {
    return Ports.isPortFree(port);
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

    private LocalPostgres.Settings postgresSettings() {
      return new LocalPostgres.Settings(
          dbPort,
          dataDirectory,
          cleanDataDirectory,
          logDirectory,
          database,
          dbUser,
          dbPassword,
          new LinkedHashMap<>(serverConfig),
          registerShutdownHook);
    }
  }
}
