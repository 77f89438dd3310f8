package vn.party.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

  public static final String DEFAULT_MAX_HEAP = "768m";
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ServiceProcess::stopAllOnExit, "service-process-reaper"));
  }

  private final String name;
  private final Path jar;
  private final int port;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path logFile;
  private final Path workingDirectory;
  private final boolean stopOnJvmExit;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private volatile Process process;

  private ServiceProcess(Builder b) {
    this.name = b.name;
    this.jar = b.jar;
    this.port = b.port;
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
    this.logFile = b.logDir.resolve(b.name + ".log");
    this.workingDirectory = b.workingDirectory;
    this.stopOnJvmExit = b.stopOnJvmExit;
    List<String> cmd = new ArrayList<>();
    cmd.add(b.javaExecutable.toString());
    if (b.maxHeap != null) {
      cmd.add("-Xmx" + b.maxHeap);
    }
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.addAll(b.jvmArgs);
    cmd.add("-jar");
    cmd.add(b.jar.toString());
    if (b.port > 0) {
      cmd.add("--server.port=" + b.port);
      // this machine only: the local stack runs demo logins (admin/admin), never for the network
      // (issue 12)
      cmd.add("--server.address=127.0.0.1");
    }
    cmd.addAll(b.args);
    this.command = List.copyOf(cmd);
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
      Files.createDirectories(logFile.getParent());
      Files.writeString(
          logFile,
          System.lineSeparator()
              + "===== "
              + OffsetDateTime.now()
              + " starting "
              + name
              + ": "
              + String.join(" ", command)
              + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      if (workingDirectory != null) {
        pb.directory(workingDirectory.toFile());
      }
      pb.environment().putAll(environment);
      Process started = pb.start();
      if (stopOnJvmExit) {
        RUNNING.add(started);
      }
      process = started;
      log.info("Started {} (pid {}, port {}), log: {}", name, started.pid(), port, logFile);
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
    Instant deadline = Instant.now().plus(timeout);
    String lastProblem = "no answer yet";
    while (true) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        String exit = p == null ? "was never started" : "exited with code " + p.exitValue();
        throw new IllegalStateException(
            name + " " + exit + " before it became healthy.\n" + diagnostics());
      }
      try {
        HttpResponse<String> response = probe();
        if (response.statusCode() == 200 && isUp(response.body())) {
          log.info("{} is healthy at {}", name, healthUrl());
          return this;
        }
        lastProblem = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
      } catch (IOException e) {
        lastProblem =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            name
                + " did not become healthy within "
                + timeout
                + " ("
                + lastProblem
                + ").\n"
                + diagnostics());
      }
      sleep(Duration.ofMillis(500));
    }
  }

  /** One health probe: true if the service answers 200 with status UP right now. */
  public boolean isHealthy() {
    if (port <= 0 || !isAlive()) {
      return false;
    }
    try {
      HttpResponse<String> response = probe();
      return response.statusCode() == 200 && isUp(response.body());
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> probe() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(healthUrl()).timeout(Duration.ofSeconds(3)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static boolean isUp(String body) {
    return body != null && body.replace(" ", "").contains("\"status\":\"UP\"");
  }

  /** Graceful stop: SIGTERM, wait up to 30 s, then SIGKILL. Returns the exit code (or empty if not started). */
  public OptionalInt stop() {
    return stop(DEFAULT_STOP_GRACE);
  }

  /** Graceful stop: SIGTERM, wait up to {@code grace}, then SIGKILL. */
  public synchronized OptionalInt stop(Duration grace) {
    Process p = process;
    if (p == null) {
      return OptionalInt.empty();
    }
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

  /** Immediate kill (SIGKILL via {@link Process#destroyForcibly()}), as a crash would; waits until it is gone. */
  public synchronized void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
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
    return logFile;
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
    if (!Files.exists(logFile)) {
      return "(no log file " + logFile + ")";
    }
    Deque<String> tail = new ArrayDeque<>(lines);
    try (Stream<String> all = Files.lines(logFile, StandardCharsets.UTF_8)) {
      all.forEach(
          line -> {
            if (tail.size() == lines) {
              tail.removeFirst();
            }
            tail.addLast(line);
          });
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
    return String.join(System.lineSeparator(), tail);
  }

  /**
   * What to show when the service failed: the log's error lines (exceptions, "Caused by", Spring Boot's failure
   * analysis, ERROR entries; a stack trace's frames are left out) and then its last lines.
   */
  public String diagnostics() {
    List<String> key = new ArrayList<>();
    if (Files.exists(logFile)) {
      try (Stream<String> all = Files.lines(logFile, StandardCharsets.UTF_8)) {
        all.filter(ServiceProcess::isKeyLine)
            .forEach(
                line -> {
                  if (key.isEmpty() || !key.get(key.size() - 1).equals(line)) {
                    key.add(line);
                  }
                });
      } catch (IOException | UncheckedIOException e) {
        // the tail below says why
      }
    }
    StringBuilder b = new StringBuilder("Log: ").append(logFile).append('\n');
    if (!key.isEmpty()) {
      b.append("Error lines:\n")
          .append(
              String.join(
                  System.lineSeparator(), key.subList(Math.max(0, key.size() - 25), key.size())))
          .append('\n');
    }
    return b.append("Last lines:\n").append(logTail(40)).toString();
  }

  private static boolean isKeyLine(String line) {
    String t = line.strip();
    return t.startsWith("Caused by:")
        || t.startsWith("Exception in thread")
        || t.contains(" ERROR ")
        || t.startsWith("APPLICATION FAILED TO START")
        || t.startsWith("Description:")
        || t.startsWith("Action:")
        || t.startsWith("Reason:")
        || (!t.startsWith("at ") && t.matches("^[\\w.$]+(Exception|Error)(: .*)?$"));
  }

  /** The whole log file as text. */
  public String logText() {
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
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
