package vn.party.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --profile}: a JFR recording of the evaluation-service process per measured phase (started and stopped with
 * {@code jcmd <pid> JFR.start/JFR.stop}, settings {@code profile}: a CPU sample every 10 ms per running thread), turned
 * into a flame graph, folded stacks and a "where the time goes" table by {@link FlameGraph}, all in one directory
 * ({@code bench/results/profile-<date>-<time>/} by default).
 */
final class Profiler {

  private static final Logger log = LoggerFactory.getLogger(Profiler.class);

  /** JVM arguments the profiled service is started with: exact frames between safepoints too. */
  static final List<String> JVM_ARGS =
      List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");

  private final Path dir;

  Profiler(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  void start(long pid, String phase) {
    jcmd(pid, "JFR.start", "name=" + phase, "settings=profile");
  }

  void stop(long pid, String phase, String title) {
    try {
      Files.createDirectories(dir);
      Path jfr = dir.resolve(phase + ".jfr");
      if (jcmd(pid, "JFR.stop", "name=" + phase, "filename=" + jfr) && Files.exists(jfr)) {
        FlameGraph.write(FlameGraph.read(jfr), dir.resolve(phase), title);
        log.info("  profile of {}: {}", phase, dir.resolve(phase + ".svg"));
      }
    } catch (Exception e) {
      log.warn("Could not write the profile of {}: {}", phase, e.toString());
    }
  }

  private static boolean jcmd(long pid, String... command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      List<String> args = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
      args.addAll(List.of(command));
      Process p =
          new ProcessBuilder(args)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        log.warn("jcmd {} failed", String.join(" ", command));
        return false;
      }
      return true;
    } catch (Exception e) {
      log.warn("jcmd {} failed: {}", String.join(" ", command), e.toString());
      return false;
    }
  }
}
