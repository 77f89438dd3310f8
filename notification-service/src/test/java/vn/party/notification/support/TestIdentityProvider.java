package vn.party.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, real identity endpoint in the shape of evaluation-service's {@code GET /api/v1/me}:
 * HTTP Basic in, the user as JSON out, 401 for wrong credentials. User "outage" makes it fail
 * with 500, as an identity service in trouble would; user "heldback" is answered 429 with Retry-After 120, as
 * evaluation-service answers a sign-in it holds back after too many wrong passwords.
 */
public final class TestIdentityProvider {

  public static final String PASSWORD = "demo";

  private static final Map<String, String> USERS =
      Map.of(
          "member1",
              """
          {"userId":"member1","displayName":"Nguyễn Văn An","email":"member1@thanhkhetay.example.vn","groups":["members"]}""",
          "member2",
              """
          {"userId":"member2","displayName":"Trần Thị Bình","email":"member2@thanhkhetay.example.vn","groups":["members"]}""",
          "secretary1",
              """
          {"userId":"secretary1","displayName":"Lê Văn Cường","email":"secretary1@thanhkhetay.example.vn",
           "groups":[{"id":"branch-committee-thanh-khe-tay-cb1","name":"Chi ủy chi bộ 1"},{"id":"members"}]}""");

  private final HttpServer server;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, String> forwardedFor = new ConcurrentHashMap<>();

  private TestIdentityProvider(HttpServer server) {
    this.server = server;
  }

  static TestIdentityProvider start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TestIdentityProvider provider = new TestIdentityProvider(server);
      server.createContext("/api/v1/me", provider::me);
      server.start();
      return provider;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How often /api/v1/me was asked about this user name. */
  public int calls(String username) {
    AtomicInteger count = calls.get(username);
    return count == null ? 0 : count.get();
  }

  /** The user's password changes (null: back to the shared one). */
  public void password(String username, String password) {
    if (password == null) {
      passwords.remove(username);
    } else {
      passwords.put(username, password);
    }
  }

  /** The X-Forwarded-For the last call about this user name carried, if any. */
  public String forwardedFor(String username) {
    return forwardedFor.get(username);
  }

  void stop() {
    server.stop(0);
  }

  private void me(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String[] credentials = credentials(exchange.getRequestHeaders().getFirst("Authorization"));
      if (credentials == null) {
        unauthorized(exchange);
        return;
      }
      calls.computeIfAbsent(credentials[0], name -> new AtomicInteger()).incrementAndGet();
      String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
      if (forwarded != null) {
        forwardedFor.put(credentials[0], forwarded);
      }
      if (credentials[0].equals("heldback")) {
        exchange.getResponseHeaders().add("Retry-After", "120");
        send(exchange, 429, "{\"status\":429}");
        return;
      }
      if (credentials[0].equals("outage")) {
        send(exchange, 500, "{\"error\":\"engine unavailable\"}");
        return;
      }
      String user = USERS.get(credentials[0]);
      if (user == null
          || !passwords.getOrDefault(credentials[0], PASSWORD).equals(credentials[1])) {
        unauthorized(exchange);
        return;
      }
      send(exchange, 200, user);
    }
  }

  private static String[] credentials(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return null;
    }
    String decoded =
        new String(
            Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    return colon < 0
        ? null
        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static void unauthorized(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"evaluation-service\"");
    send(exchange, 401, "{\"status\":401}");
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
