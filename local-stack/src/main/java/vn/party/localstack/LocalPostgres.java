package vn.party.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded PostgreSQL (zonky, real binaries) with the services' database and role; can be stopped and started again
 * on the same port and data directory (fault injection).
 */
final class LocalPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

  /** What {@link LocalInfrastructure.Builder} sets for PostgreSQL; port 0 picks a free one. */
  record Settings(
      int port,
      Path dataDirectory,
      boolean cleanDataDirectory,
      Path logDirectory,
      String database,
      String user,
      String password,
      Map<String, String> serverConfig,
      boolean registerShutdownHook) {}

  private final Settings settings;
  private EmbeddedPostgres postgres;

  /** Kept while the server is stopped, so that it comes back where the services look. */
  private int port;

  LocalPostgres(Settings settings) {
    this.settings = settings;
  }

  /** Starts the server and creates (or keeps) the database and its owner. */
  synchronized void start() {
    start(true);
  }

  private void start(boolean firstStart) {
    long t0 = System.nanoTime();
    if (port == 0) {
      port = settings.port() == 0 ? Ports.freePort() : settings.port();
    }
    try {
      EmbeddedPostgres.Builder pg =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setRegisterShutdownHook(settings.registerShutdownHook())
              .setPGStartupWait(Duration.ofSeconds(60))
              // the services together keep up to ~40 connections open; head room for tools and
              // tests
              .setServerConfig("max_connections", "200")
              .setServerConfig("timezone", "UTC")
              .setServerConfig("listen_addresses", "localhost");
      settings.serverConfig().forEach(pg::setServerConfig);
      Path dataDirectory = settings.dataDirectory();
      if (dataDirectory != null) {
        Path dir = dataDirectory.toAbsolutePath();
        if (settings.cleanDataDirectory() && firstStart) {
          deleteRecursively(dir);
        }
        failIfPostmasterStillRuns(dir);
        Files.createDirectories(dir.getParent());
        pg.setDataDirectory(dir).setCleanDataDirectory(false);
      }
      if (settings.logDirectory() != null) {
        Files.createDirectories(settings.logDirectory());
        File pgLog = settings.logDirectory().resolve("postgres.log").toFile();
        pg.setOutputRedirector(ProcessBuilder.Redirect.appendTo(pgLog))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(pgLog));
      }
      postgres = pg.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot start embedded PostgreSQL on port " + settings.port() + ": " + e.getMessage(), e);
    }
    createDatabase();
    log.info(
        "PostgreSQL started in {} ms on port {} ({}data directory {})",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        postgres.getPort(),
        settings.dataDirectory() == null ? "throw-away " : "",
        settings.dataDirectory() == null ? "in tmp" : settings.dataDirectory());
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
    String user = settings.user();
    String database = settings.database();
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      boolean roleExists = exists(c, "select 1 from pg_roles where rolname = ?", user);
      try (Statement st = c.createStatement()) {
        st.execute(
            (roleExists ? "alter role " : "create role ")
                + ident(user)
                + " login password "
                + literal(settings.password()));
      }
      if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
        try (Statement st = c.createStatement()) {
          st.execute(
              "create database "
                  + ident(database)
                  + " owner "
                  + ident(user)
                  + " encoding 'UTF8' template template0");
        }
        log.info("Created database {} owned by {}", database, user);
      } else {
        log.info("Database {} already exists (kept from an earlier run)", database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create database " + database + ": " + e.getMessage(), e);
    }
    // schema public must be usable by the owner whatever the PostgreSQL version (the engine's
    // tables live there)
    try (Connection c = superuserDataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("grant all on schema public to " + ident(user));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot grant schema public to " + user + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(Connection c, String query, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** {@code pg_ctl stop -m fast}, keeping the data directory and port (see {@link #startAgain()}). */
  synchronized void stop() {
    if (settings.dataDirectory() == null) {
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
        settings.dataDirectory(),
        port);
  }

  /** After {@link #stop()}: same data directory, same port. */
  synchronized void startAgain() {
    if (postgres != null) {
      throw new IllegalStateException("PostgreSQL is running");
    }
    start(false);
  }

  synchronized boolean running() {
    return postgres != null;
  }

  int port() {
    if (port == 0) {
      throw new IllegalStateException("PostgreSQL was never started");
    }
    return port;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/" + settings.database();
  }

  DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl());
    ds.setUser(settings.user());
    ds.setPassword(settings.password());
    return ds;
  }

  DataSource superuserDataSource() {
    return server().getDatabase("postgres", settings.database());
  }

  EmbeddedPostgres server() {
    return Objects.requireNonNull(postgres, "PostgreSQL is not running");
  }

  @Override
  public synchronized void close() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException | RuntimeException e) {
        log.warn("Stopping PostgreSQL failed: {}", e.toString());
      }
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
}
