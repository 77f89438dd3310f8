package vn.party.localstack;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link ServiceProcess} ends: a graceful stop (SIGTERM, wait, then SIGKILL), a kill (SIGKILL, as a crash), and
 * the JVM shutdown hook that stops the processes still registered, so that a test run that dies leaves no service
 * behind holding its port.
 */
final class ProcessEnding {

  private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    try {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(ProcessEnding::stopAllOnExit, "service-process-reaper"));
    } catch (IllegalStateException shutdownInProgress) {
      // First used from a shutdown hook (run-local's Ctrl-C stops its services there): no process
      // can be registered
      // any more, so there is nothing for this hook to do. Failing here left both services running.
    }
  }

  private ProcessEnding() {}

  /** Stops the process when this JVM exits, if it is still running then. */
  static void stopOnJvmExit(Process process) {
    RUNNING.add(process);
  }

  /** SIGTERM, wait up to {@code grace}, then SIGKILL. The exit code, or empty if it is still alive. */
  static OptionalInt stop(String name, Process p, Duration grace) {
    if (p.isAlive()) {
      log.info("Stopping {} (pid {})", name, p.pid());
      p.destroy();
      if (!waitFor(p, grace)) {
        log.warn("{} did not stop within {}, killing it", name, grace);
        p.destroyForcibly();
        waitFor(p, Duration.ofSeconds(10));
      }
    }
    RUNNING.remove(p);
    return p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
  }

  /** SIGKILL of the process and its descendants; waits until it is gone. */
  static void kill(String name, Process p) {
    if (p.isAlive()) {
      log.info("Killing {} (pid {})", name, p.pid());
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      if (!waitFor(p, Duration.ofSeconds(10))) {
        throw new IllegalStateException(name + " (pid " + p.pid() + ") survived SIGKILL for 10 s");
      }
    }
    RUNNING.remove(p);
  }

  private static boolean waitFor(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }

  private static void stopAllOnExit() {
    for (Process p : RUNNING) {
      if (p.isAlive()) {
        p.destroy();
      }
    }
    for (Process p : RUNNING) {
      if (!waitFor(p, Duration.ofSeconds(20))) {
        p.destroyForcibly();
      }
    }
  }
}
