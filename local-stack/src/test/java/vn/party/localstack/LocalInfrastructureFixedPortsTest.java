package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's mode: explicit ports (KRaft's test kit ignores {@code kafkaPorts(..)}, so the fixed port comes from
 * the {@code listeners} broker property) and a PostgreSQL data directory kept across runs.
 */
class LocalInfrastructureFixedPortsTest {

  @Test
  void explicitPortsAreUsedAndTheDatabaseSurvivesARestart(@TempDir Path tmp) throws Exception {
    int db = LocalInfrastructure.freePort();
    int kafka = LocalInfrastructure.freePort();
    int smtp = LocalInfrastructure.freePort();
    int imap = LocalInfrastructure.freePort();
    Path dataDir = tmp.resolve("data").resolve("postgres");
    Path logDir = tmp.resolve("logs");

    // every run on the same ports and data directory
    Supplier<LocalInfrastructure.Builder> sameRun =
        () ->
            LocalInfrastructure.forLocalRun()
                .dbPort(db)
                .kafkaPort(kafka)
                .smtpPort(smtp)
                .imapPort(imap)
                .dataDirectory(dataDir);

    try (LocalInfrastructure infra = sameRun.get().logDirectory(logDir).start()) {
      assertThat(infra.dbPort()).isEqualTo(db);
      assertThat(infra.jdbcUrl())
          .isEqualTo("jdbc:postgresql://localhost:" + db + "/party_evaluation");
      assertThat(infra.kafkaBootstrapServers()).isEqualTo("localhost:" + kafka);
      assertThat(infra.kafkaPort()).isEqualTo(kafka);
      assertThat(infra.smtpPort()).isEqualTo(smtp);
      assertThat(infra.imapPort()).isEqualTo(imap);
      assertThat(infra.greenMail().getSmtp().getPort()).isEqualTo(smtp);
      try (Connection c =
              DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
          Statement st = c.createStatement()) {
        st.execute("create table kept(id int)");
        st.execute("insert into kept values (42)");
      }
      assertThat(dataDir.resolve("postgresql.conf")).exists();
      assertThat(logDir.resolve("postgres.log")).exists();
    }

    // second run on the same data directory: the database and its rows are still there
    try (LocalInfrastructure infra = sameRun.get().start()) {
      assertThat(firstInt(infra, "select id from kept")).isEqualTo(42);
    }

    // --fresh: an empty database again
    try (LocalInfrastructure infra = sameRun.get().cleanDataDirectory(true).start()) {
      assertThat(firstInt(infra, "select count(*) from pg_tables where tablename = 'kept'"))
          .isZero();
    }
    assertThat(Files.exists(dataDir)).isTrue();
  }

  @Test
  void aBusyPortFailsWithAClearMessageAndLeavesNothingRunning() throws Exception {
    int db = LocalInfrastructure.freePort();
    try (ServerSocket taken = new ServerSocket(0)) {
      int smtp = taken.getLocalPort();
      assertThat(LocalInfrastructure.isPortFree(smtp)).isFalse();
      assertThatThrownBy(() -> LocalInfrastructure.forTests().dbPort(db).smtpPort(smtp).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("GreenMail")
          .hasMessageContaining(String.valueOf(smtp));
    }
    // PostgreSQL, started before the failure, was stopped again
    assertThat(LocalInfrastructure.isPortFree(db)).isTrue();
  }

  /** The first column of the query's first row (there must be one). */
  private static int firstInt(LocalInfrastructure infra, String query) throws Exception {
    try (Connection c =
            DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }
}
