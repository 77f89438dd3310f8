package vn.party.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.party.localstack.DatabaseLogin;
import vn.party.localstack.LocalInfrastructure;

/**
 * The PostgreSQL database every part of one run uses: the baseline engine, evaluation-service and the data
 * generator. Either the local stack's embedded server (database {@code party_evaluation}), or a fresh database
 * {@code party_bench_<time>} created on an external server and dropped afterwards.
 */
final class TargetDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TargetDatabase.class);

  private final String jdbcUrl;
  private final String user;
  private final String password;

  /** For an external server: where to drop {@link #createdDatabase} from; null otherwise. */
  private final String maintenanceUrl;

  private final String createdDatabase;
  private final boolean keep;

  private TargetDatabase(
      String jdbcUrl,
      String user,
      String password,
      String maintenanceUrl,
      String createdDatabase,
      boolean keep) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.maintenanceUrl = maintenanceUrl;
    this.createdDatabase = createdDatabase;
    this.keep = keep;
  }

  static TargetDatabase embedded(LocalInfrastructure infra) {
    return new TargetDatabase(
        infra.jdbcUrl(), infra.dbUser(), infra.dbPassword(), null, null, true);
  }

  /** Creates {@code party_bench_<time>} on the server of {@code url} (the user needs CREATEDB). */
  static TargetDatabase external(String url, String user, String password, boolean keep) {
    String name =
        "party_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute("create database " + name + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create database "
              + name
              + " at "
              + url
              + " as "
              + user
              + " (the user needs CREATEDB): "
              + e.getMessage(),
          e);
    }
    String target = withDatabase(url, name);
    log.info("Created database {} on the external server: {}", name, target);
    return new TargetDatabase(target, user, password, url, name, keep);
  }

  /** {@code jdbc:postgresql://host:port/old?x=y} with the database replaced: {@code .../name?x=y}. */
  static String withDatabase(String url, String database) {
    String prefix = "jdbc:postgresql://";
    if (!url.startsWith(prefix)) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
    }
    int slash = url.indexOf('/', prefix.length());
    int query = url.indexOf('?', prefix.length());
    String hostPart = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
    String params = query < 0 ? "" : url.substring(query);
    return hostPart + "/" + database + params;
  }

  /** What the services are given as {@code spring.datasource.*}. */
  DatabaseLogin login() {
    return new DatabaseLogin(jdbcUrl, user, password);
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  boolean isExternal() {
    return maintenanceUrl != null;
  }

  /** A Hikari pool on this database; {@code schema} sets the connections' search path (null: the default). */
  HikariDataSource pool(String name, int size, String schema) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    if (schema != null) {
      config.setSchema(schema);
    }
    return new HikariDataSource(config);
  }

  void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (createdDatabase == null || keep) {
      if (createdDatabase != null) {
        log.info("Kept database {} (--keep-db)", createdDatabase);
      }
      return;
    }
    try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password);
        Statement st = c.createStatement()) {
      st.execute("drop database if exists " + createdDatabase + " with (force)");
      log.info("Dropped database {}", createdDatabase);
    } catch (SQLException e) {
      log.warn("Could not drop database {}: {}", createdDatabase, e.getMessage());
    }
  }
}
