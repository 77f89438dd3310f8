package vn.party.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real servers the tests run against, started once per test JVM and shared by every test
 * class, so the cached Spring context always points at live servers: PostgreSQL (zonky
 * embedded), a Kafka broker (KRaft), an SMTP server (GreenMail) and an identity endpoint.
 */
public final class TestInfrastructure {

  public static final String DATABASE = "party_evaluation";
  public static final String DB_USER = "evaluation";
  public static final String DB_PASSWORD = "evaluation";

  /** The directory's users (id, first name, last name, e-mail), as evaluation-service's engine would hold them. */
  public static final String[][] DIRECTORY = {
    {"member1", "Nguyễn Văn", "An", "member1@thanhkhetay.example.vn"},
    {"member2", "Trần Thị", "Bình", "member2@thanhkhetay.example.vn"},
    {"member3", "Hoàng Văn", "Em", null},
    {"secretary1", "Lê Văn", "Cường", "secretary1@thanhkhetay.example.vn"},
    {"deputy1", "Phạm Thị", "Dung", "deputy1@thanhkhetay.example.vn"},
    {"admin1", "Võ Văn", "Quản", "admin1@thanhkhetay.example.vn"}
  };

  /** The engine group of administrators and who is in it (issue 12: they are told of throttled accounts). */
  public static final String[][] MEMBERSHIPS = {{"admin1", "admins"}, {"member1", "members"}};

  public static final EmbeddedPostgres POSTGRES = startPostgres();
  public static final EmbeddedKafkaKraftBroker KAFKA = startKafka();
  public static final int SMTP_PORT = freePort();
  public static final GreenMail SMTP = startSmtp();
  public static final TestIdentityProvider IDENTITY = TestIdentityProvider.start();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  IDENTITY.stop();
                  SMTP.stop();
                  KAFKA.destroy();
                  try {
                    POSTGRES.close();
                  } catch (IOException e) {
                    // the JVM is going away anyway
                  }
                },
                "test-infrastructure-shutdown"));
  }

  private TestInfrastructure() {}

  public static String jdbcUrl() {
    return POSTGRES.getJdbcUrl(DB_USER, DATABASE);
  }

  /** Restarts the SMTP server on its port after a test stopped it. */
  public static void ensureSmtpRunning() {
    if (!SMTP.isRunning()) {
      SMTP.start();
    }
  }

  private static EmbeddedPostgres startPostgres() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        // As in production: a database of its own owner, shared with evaluation-service.
        statement.execute("create role " + DB_USER + " login password '" + DB_PASSWORD + "'");
        statement.execute("create database " + DATABASE + " owner " + DB_USER);
      }
      try (Connection connection = postgres.getDatabase(DB_USER, DATABASE).getConnection();
          Statement statement = connection.createStatement()) {
        // evaluation-service's tables live in other schemas; Flyway here must leave them alone.
        statement.execute("create schema evaluation");
        statement.execute("create table evaluation.member_case (id text primary key)");
        // the engine's user store, as evaluation-service's Camunda engine keeps it in schema
        // public: the directory
        // notification-service takes names and e-mail addresses from (issue 12). member3 has no
        // address.
        statement.execute(
            "create table public.act_id_user (id_ varchar(64) primary key, rev_ integer,"
                + " first_ varchar(255), last_ varchar(255), email_ varchar(255), pwd_ varchar(255), salt_ varchar(255))");
        for (String[] user : DIRECTORY) {
          statement.execute(
              "insert into public.act_id_user (id_, rev_, first_, last_, email_) values ('"
                  + user[0]
                  + "', 1, '"
                  + user[1]
                  + "', '"
                  + user[2]
                  + "', "
                  + (user[3] == null ? "null" : "'" + user[3] + "'")
                  + ")");
        }
        statement.execute(
            "create table public.act_id_membership (user_id_ varchar(64), group_id_ varchar(64),"
                + " primary key (user_id_, group_id_))");
        for (String[] membership : MEMBERSHIPS) {
          statement.execute(
              "insert into public.act_id_membership (user_id_, group_id_) values ('"
                  + membership[0]
                  + "', '"
                  + membership[1]
                  + "')");
        }
      }
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded PostgreSQL", e);
    }
  }

  private static EmbeddedKafkaKraftBroker startKafka() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    broker.afterPropertiesSet();
    return broker;
  }

  private static GreenMail startSmtp() {
    GreenMail greenMail =
        new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
