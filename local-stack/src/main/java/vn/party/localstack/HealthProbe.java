package vn.party.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Asks a service's {@code /actuator/health} whether it is UP: once ({@link #healthy()}) or until it is, while its
 * process lives ({@link #await}).
 */
final class HealthProbe {

  private static final Duration POLL = Duration.ofMillis(500);

  private final URI url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  HealthProbe(URI url) {
    this.url = url;
  }

  /** One probe: true if the service answers 200 with status UP right now. */
  boolean healthy() {
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

  /**
   * Probes every half second until the service is UP. Fails at once if the process (as {@code process} gives it
   * now) is gone or exits, and on timeout; either failure carries {@code diagnostics}.
   */
  void await(
      String name, Duration timeout, Supplier<Process> process, Supplier<String> diagnostics) {
    Instant deadline = Instant.now().plus(timeout);
    String lastProblem = "no answer yet";
    while (true) {
      Process p = process.get();
      if (p == null || !p.isAlive()) {
        String exit = p == null ? "was never started" : "exited with code " + p.exitValue();
        throw new IllegalStateException(
            name + " " + exit + " before it became healthy.\n" + diagnostics.get());
      }
      try {
        HttpResponse<String> response = probe();
        if (response.statusCode() == 200 && isUp(response.body())) {
          return;
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
                + diagnostics.get());
      }
      sleep(POLL);
    }
  }

  private HttpResponse<String> probe() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static boolean isUp(String body) {
    return body != null && body.replace(" ", "").contains("\"status\":\"UP\"");
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
}
