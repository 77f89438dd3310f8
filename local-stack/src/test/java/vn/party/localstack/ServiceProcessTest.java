package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServiceProcess} against a tiny fake service jar (the real services need the whole stack). */
class ServiceProcessTest {

  @TempDir static Path tmp;

  static Path jar;

  @BeforeAll
  static void buildJar() throws Exception {
    jar = FakeServiceJar.build(tmp.resolve("fake"));
  }

  /** Issue 12: run-local answered on every interface ({@code *:8080}, {@code *:8081}) with admin/admin. */
  @Test
  void servicesListenOnThisMachineOnly() {
    ServiceProcess service =
        ServiceProcess.builder("fake-service", jar)
            .port(18080)
            .logDir(tmp.resolve("logs-bind"))
            .build();
    assertThat(service.command()).contains("--server.port=18080", "--server.address=127.0.0.1");
  }

  @Test
  void startsAsASeparateProcessWaitsForHealthAndStopsGracefully() {
    int port = LocalInfrastructure.freePort();
    Path logs = tmp.resolve("logs-graceful");
    try (ServiceProcess service =
        ServiceProcess.builder("fake-service", jar)
            .port(port)
            .property("spring.datasource.url", "jdbc:postgresql://localhost:15432/party_evaluation")
            .property("delay-ms", 1500)
            .logDir(logs)
            .start()) {
      assertThat(service.isAlive()).isTrue();
      assertThat(service.pid()).isNotEqualTo(ProcessHandle.current().pid());
      assertThat(service.isHealthy()).isFalse(); // still "starting"
      service.awaitHealthy(Duration.ofSeconds(30));
      assertThat(service.isHealthy()).isTrue();
      assertThat(service.baseUrl()).isEqualTo("http://localhost:" + port);
      assertThat(service.logFile()).isEqualTo(logs.toAbsolutePath().resolve("fake-service.log"));
      assertThat(service.command())
          .contains(
              "-Xmx768m",
              "-jar",
              jar.toAbsolutePath().toString(),
              "--server.port=" + port,
              "--spring.datasource.url=jdbc:postgresql://localhost:15432/party_evaluation");

      assertThat(service.stop()).isPresent();
      assertThat(service.isAlive()).isFalse();
      assertThat(service.logText())
          .contains("arg --server.port=" + port)
          .contains(
              "arg --spring.datasource.url=jdbc:postgresql://localhost:15432/party_evaluation")
          .contains("Started FakeService on port " + port)
          .contains("graceful shutdown");
    }
  }

  @Test
  void killEndsItAtOnceAndRestartAppendsToTheSameLog() {
    int port = LocalInfrastructure.freePort();
    ServiceProcess service =
        ServiceProcess.builder("fake-killed", jar)
            .port(port)
            .logDir(tmp.resolve("logs-kill"))
            .start()
            .awaitHealthy(Duration.ofSeconds(30));
    try {
      long firstPid = service.pid();
      service.kill();
      assertThat(service.isAlive()).isFalse();
      assertThat(service.exitCode()).hasValue(137); // 128 + SIGKILL
      assertThat(service.logText()).doesNotContain("graceful shutdown");
      assertThat(service.isHealthy()).isFalse();

      service.restart().awaitHealthy(Duration.ofSeconds(30));
      assertThat(service.pid()).isNotEqualTo(firstPid);
      assertThat(service.logText().split("Started FakeService", -1))
          .hasSize(3); // two starts, one log
    } finally {
      service.close();
    }
  }

  @Test
  void awaitHealthyFailsFastWithTheLogTailWhenTheProcessExits() {
    ServiceProcess service =
        ServiceProcess.builder("fake-crash", jar)
            .port(LocalInfrastructure.freePort())
            .arg("--exit=3")
            .logDir(tmp.resolve("logs-crash"))
            .start();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> service.awaitHealthy(Duration.ofMinutes(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fake-crash exited with code 3")
        .hasMessageContaining("boom");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
  }

  @Test
  void awaitHealthyTimesOutWithTheLogTail() {
    try (ServiceProcess service =
        ServiceProcess.builder("fake-slow", jar)
            .port(LocalInfrastructure.freePort())
            .property("delay-ms", 60_000)
            .logDir(tmp.resolve("logs-slow"))
            .start()) {
      assertThatThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(2)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("did not become healthy within PT2S")
          .hasMessageContaining("arg --delay-ms=60000");
    }
  }

  @Test
  void aMissingJarIsReportedBeforeAnythingStarts() {
    assertThatThrownBy(
            () -> ServiceProcess.builder("ghost", tmp.resolve("nope.jar")).port(1).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mvn -DskipTests install");
  }
}
