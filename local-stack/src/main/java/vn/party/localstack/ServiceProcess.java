package vn.party.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spring Boot service jar running as a separate OS process: {@code java <jvmArgs> -jar <jar> --key=value ...},
 * stdout and stderr appended to {@link #logFile()}.
 *
 * <p>{@link #stop()} ends it gracefully (SIGTERM, then waits), {@link #kill()} ends it at once (SIGKILL), which is what
 * fault tests use to kill a service mid-work; {@link #restart()} starts the same command again, appending to the same
 * log. Processes still running when this JVM exits are stopped by a shutdown hook, so that a test run that dies leaves
 * no service behind holding its port.
 *
 * <p>The jobs are split: the command line ({@link ServiceCommand}), the log file ({@link ServiceLog}), the health
 * probe ({@link HealthProbe}), stopping and killing ({@link ProcessEnding}); this class starts the process and ties
 * them together.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

  public static final String DEFAULT_MAX_HEAP = "768m";
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

  private final String name;
  private final Path jar;
  private final int port;
  private final List<String> command;
  private final Map<String, String> environment;
  private final ServiceLog serviceLog;
  private final Path workingDirectory;
  private final boolean stopOnJvmExit;
  private final HealthProbe health;

  private volatile Process process;

  private ServiceProcess(Builder b) {
    this.name = b.name;
    this.jar = b.jar;
    this.port = b.port;
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
    this.serviceLog = new ServiceLog(b.logDir.resolve(b.name + ".log"));
    this.workingDirectory = b.workingDirectory;
    this.stopOnJvmExit = b.stopOnJvmExit;
    this.command = ServiceCommand.of(b.javaExecutable, b.maxHeap, b.jvmArgs, b.jar, b.port, b.args);
    this.health = new HealthProbe(healthUrl());
  }

  /** A service from {@code jar}; {@code name} names the log file ({@code <logDir>/<name>.log}). */
  public static Builder builder(String name, Path jar) {
    return new Builder(name, jar);
  }

  // ------------------------------------------------------------------ lifecycle

  private synchronized void launch() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
    }
    try {
      serviceLog.appendStartBanner(name, command);
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      if (workingDirectory != null) {
        pb.directory(workingDirectory.toFile());
      }
      pb.environment().putAll(environment);
      Process started = pb.start();
      if (stopOnJvmExit) {
        ProcessEnding.stopOnJvmExit(started);
      }
      process = started;
      log.info("Started {} (pid {}, port {}), log: {}", name, started.pid(), port, logFile());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start " + name + " from " + jar + ": " + e.getMessage(), e);
    }
  }

  private static File nullDevice() {
    return new File(
        System.getProperty("os.name").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null");
  }

  /**
   * Waits until {@code GET http://localhost:{port}/actuator/health} answers 200 with status UP. Fails at once, with
   * the tail of the log, if the process exits meanwhile; fails with the tail of the log on timeout.
   */
  public ServiceProcess awaitHealthy(Duration timeout) {
    if (port <= 0) {
      throw new IllegalStateException(name + " has no known port to probe");
    }
    health.await(name, timeout, () -> process, this::diagnostics);
    log.info("{} is healthy at {}", name, healthUrl());
    return this;
  }

  /** One health probe: true if the service answers 200 with status UP right now. */
  public boolean isHealthy() {
    return port > 0 && isAlive() && health.healthy();
  }

  /** Graceful stop: SIGTERM, wait up to 30 s, then SIGKILL. Returns the exit code (or empty if not started). */
  public OptionalInt stop() {
    return stop(DEFAULT_STOP_GRACE);
  }

  /** Graceful stop: SIGTERM, wait up to {@code grace}, then SIGKILL. */
  public synchronized OptionalInt stop(Duration grace) {
    Process p = process;
    return p == null ? OptionalInt.empty() : ProcessEnding.stop(name, p, grace);
  }

  /** Immediate kill (SIGKILL via {@link Process#destroyForcibly()}), as a crash would; waits until it is gone. */
  public synchronized void kill() {
    Process p = process;
    if (p != null) {
      ProcessEnding.kill(name, p);
    }
  }

  /** Stops the process if it is running (gracefully) and starts the same command again, appending to the log. */
  public synchronized ServiceProcess restart() {
    stop();
    launch();
    return this;
  }

  /** Starts the process again after {@link #stop()} or {@link #kill()}; fails if it is still running. */
  public synchronized ServiceProcess start() {
    launch();
    return this;
  }

  @Override
  public void close() {
    stop();
  }

  // ------------------------------------------------------------------ state

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The exit code if the process has ended. */
  public OptionalInt exitCode() {
    Process p = process;
    return p == null || p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
  }

  public long pid() {
    Process p = process;
    if (p == null) {
      throw new IllegalStateException(name + " was never started");
    }
    return p.pid();
  }

  public String name() {
    return name;
  }

  public Path jar() {
    return jar;
  }

  /** The HTTP port (passed as {@code --server.port}), or 0 if none was given. */
  public int port() {
    return port;
  }

  /** {@code http://localhost:{port}}. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public URI healthUrl() {
    return URI.create(baseUrl() + "/actuator/health");
  }

  public Path logFile() {
    return serviceLog.file();
  }

  /** The full command line, java executable first. */
  public List<String> command() {
    return command;
  }

  /** The variables added to the inherited environment (secrets go here, not on the command line). */
  public Map<String, String> environment() {
    return environment;
  }

  /** The last {@code lines} lines of the log file (empty if there is none yet). */
  public String logTail(int lines) {
    return serviceLog.tail(lines);
  }

  /**
   * What to show when the service failed: the log's error lines (exceptions, "Caused by", Spring Boot's failure
   * analysis, ERROR entries; a stack trace's frames are left out) and then its last lines.
   */
  public String diagnostics() {
    return serviceLog.diagnostics();
  }

  /** The whole log file as text. */
  public String logText() {
    return serviceLog.text();
  }

  @Override
  public String toString() {
    Process p = process;
    return "ServiceProcess["
        + name
        + ", port "
        + port
        + (p == null
            ? ", not started"
            : ", pid " + p.pid() + (p.isAlive() ? ", running" : ", exited " + p.exitValue()))
        + "]";
  }

  // ------------------------------------------------------------------ builder

  public static final class Builder {

    private final String name;
    private final Path jar;
    private int port;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path logDir = defaultLogDir();
    private Path workingDirectory;
    private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
    private String maxHeap = DEFAULT_MAX_HEAP;
    private boolean stopOnJvmExit = true;

    private Builder(String name, Path jar) {
      this.name = Objects.requireNonNull(name, "name");
      this.jar = Objects.requireNonNull(jar, "jar").toAbsolutePath();
    }

    /** The HTTP port: passed as {@code --server.port} and probed by {@link #awaitHealthy(Duration)}. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Adds the application argument {@code --key=value} (Spring Boot command-line property). */
    public Builder property(String key, Object value) {
      args.add("--" + key + "=" + value);
      return this;
    }

    /** Adds a raw application argument. */
    public Builder arg(String arg) {
      args.add(arg);
      return this;
    }

    public Builder args(List<String> more) {
      args.addAll(more);
      return this;
    }

    /** Adds a JVM argument (before {@code -jar}). */
    public Builder jvmArg(String arg) {
      jvmArgs.add(arg);
      return this;
    }

    /** {@code -Xmx}; default {@value #DEFAULT_MAX_HEAP}; null for none. */
    public Builder maxHeap(String maxHeap) {
      this.maxHeap = maxHeap;
      return this;
    }

    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /** Directory of the log file {@code <name>.log}; default {@code local-stack/target/logs}. */
    public Builder logDir(Path logDir) {
      this.logDir = logDir.toAbsolutePath();
      return this;
    }

    public Builder workingDirectory(Path dir) {
      this.workingDirectory = dir;
      return this;
    }

    public Builder javaExecutable(Path java) {
      this.javaExecutable = java;
      return this;
    }

    /**
     * Whether a JVM shutdown hook stops the process if it is still running when this JVM exits (default true).
     * Set false when the caller stops its processes itself, in its own order.
     */
    public Builder stopOnJvmExit(boolean stop) {
      this.stopOnJvmExit = stop;
      return this;
    }

    /** Builds without starting (call {@link ServiceProcess#start()} later). */
    public ServiceProcess build() {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            "No jar at " + jar + " — run 'mvn -DskipTests install' first");
      }
      return new ServiceProcess(this);
    }

    /** Starts the process (does not wait for health: call {@link ServiceProcess#awaitHealthy(Duration)}). */
    public ServiceProcess start() {
      ServiceProcess service = build();
      service.launch();
      return service;
    }

    static Path defaultLogDir() {
      return ServiceJars.findRepositoryRootQuietly()
          .map(root -> root.resolve("local-stack").resolve("target").resolve("logs"))
          .orElse(Path.of("target", "logs").toAbsolutePath());
    }
  }
}
