package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run-local's Ctrl-C stops the services from a shutdown hook, the first time anything is stopped in that JVM: the
 * services must be gone afterwards (they were left running when loading the stopping code failed during shutdown).
 */
class StopOnShutdownTest {

  @TempDir Path tmp;

  /** The child JVM: starts the fake service as run-local does, stops it only from its shutdown hook, then exits. */
  public static void main(String[] args) throws Exception {
    ServiceProcess service =
        ServiceProcess.builder("fake-run-local", Path.of(args[0]))
            .port(LocalInfrastructure.freePort())
            .logDir(Path.of(args[1]))
            .stopOnJvmExit(false)
            .start()
            .awaitHealthy(Duration.ofSeconds(60));
    Files.writeString(Path.of(args[2]), Long.toString(service.pid()));
    Runtime.getRuntime().addShutdownHook(new Thread(service::stop));
    System.exit(0);
  }

  @Test
  void aServiceStoppedFromTheShutdownHookIsGone() throws Exception {
    Path jar = FakeServiceJar.build(tmp.resolve("fake"));
    Path pidFile = tmp.resolve("service.pid");
    Process child =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-cp",
                    System.getProperty("java.class.path"),
                    StopOnShutdownTest.class.getName(),
                    jar.toString(),
                    tmp.resolve("logs").toString(),
                    pidFile.toString()))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
    long servicePid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle service = ProcessHandle.of(servicePid).orElse(null);
    try {
      if (service != null) {
        service.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (java.util.concurrent.TimeoutException e) {
      // asserted below
    } finally {
      boolean alive = service != null && service.isAlive();
      if (alive) {
        service.destroyForcibly();
      }
      assertThat(alive)
          .as(
              "the service after its launcher's shutdown; child log: %s",
              Files.readString(tmp.resolve("child.log")))
          .isFalse();
    }
  }
}
