package vn.party.evaluation.abuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Raw HTTP for abuse tests: exact bytes, exact headers (or none), no client-side conversion — what a hostile or
 * careless client sends. Passwords are the documented demo ones ({@code admin}/{@code admin}, others {@code demo});
 * never a wrong one, since a wrong password locks a demo user for a while (the engine's brute-force guard).
 */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final int port;

  Http(int port) {
    this.port = port;
  }

  static String passwordOf(String user) {
    return "admin".equals(user) ? "admin" : "demo";
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + passwordOf(user)).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a request; {@code user} null = anonymous, {@code contentType} null = no Content-Type header. */
  HttpResponse<String> send(
      String method, String path, String user, String contentType, byte[] body) {
    return send(method, path, user, contentType, body, null);
  }

  /** As above, asking for answers in {@code language} (an Accept-Language header; null = none). */
  HttpResponse<String> send(
      String method, String path, String user, String contentType, byte[] body, String language) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json");
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      return CLIENT.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(
      String method, String path, String user, String contentType, String body) {
    return send(
        method,
        path,
        user,
        contentType,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String user) {
    return send("GET", path, user, null, (byte[]) null);
  }
}
