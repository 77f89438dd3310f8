package vn.party.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small read-only web page listing the e-mails GreenMail received: the "SMTP catcher you can read" of the local run
 * (docker-compose uses mailpit, whose UI is on the same port 8025).
 *
 * <ul>
 * <li>{@code GET /} — HTML table, newest first (time, from, to, subject, body). Every text is HTML-escaped: subjects
 * and bodies carry what users typed.</li>
 * <li>{@code GET /messages.json} — the same as JSON; {@code ?to=address} keeps the messages sent to that address.</li>
 * </ul>
 * Binds to the loopback interface only. The page is drawn by {@link MailboxPage}, each message read by
 * {@link ReceivedMail}.
 */
public final class MailboxWebServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MailboxWebServer.class);

  public static final int DEFAULT_PORT = 8025;

  private final GreenMail greenMail;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MailboxWebServer(GreenMail greenMail, int port) {
    this.greenMail = greenMail;
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the mailbox page on port " + port + ": " + e.getMessage(), e);
    }
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "mailbox-web");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Starts the page on {@code port} (0 = a free port). */
  public static MailboxWebServer start(GreenMail greenMail, int port) {
    MailboxWebServer web = new MailboxWebServer(greenMail, port);
    web.server.start();
    log.info("Mailbox page on {}", web.url());
    return web;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://localhost:" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ------------------------------------------------------------------ HTTP

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
      switch (path) {
        case "/", "/index.html" ->
            send(exchange, 200, "text/html; charset=utf-8", page(messages(to)));
        case "/messages.json" ->
            send(
                exchange,
                200,
                "application/json; charset=utf-8",
                json.writeValueAsString(messages(to)));
        default -> send(exchange, 404, "text/plain; charset=utf-8", "Not found / Không tìm thấy");
      }
    } catch (RuntimeException e) {
      log.warn("Mailbox page failed: {}", e.toString());
      try {
        send(exchange, 500, "text/plain; charset=utf-8", "Internal error");
      } catch (IOException | RuntimeException ignored) {
        // response already started
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange
        .getResponseHeaders()
        .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ messages

  /** The received messages, newest first; only those addressed to {@code to} if it is not blank. */
  public List<ReceivedMail> messages(String to) {
    MimeMessage[] received = greenMail.getReceivedMessages();
    List<ReceivedMail> mails = new ArrayList<>();
    for (int i = 0; i < received.length; i++) {
      ReceivedMail mail = ReceivedMail.of(i + 1, received[i]);
      if (to == null || to.isBlank() || mail.sentTo(to)) {
        mails.add(mail);
      }
    }
    // newest first; messages without a date last
    mails.sort(
        Comparator.comparing(
                (ReceivedMail m) ->
                    m.receivedAt() == null ? Instant.MIN : Instant.parse(m.receivedAt()))
            .thenComparing(ReceivedMail::index)
            .reversed());
    return mails;
  }

  private String page(List<ReceivedMail> mails) {
    return MailboxPage.render(
        mails, greenMail.getSmtp() == null ? "?" : String.valueOf(greenMail.getSmtp().getPort()));
  }

  /**
   * Reads a received message the way the page shows it. Handy in tests:
   * {@code MailboxWebServer.read(greenMail.getReceivedMessages()[0]).html()}.
   */
  public static ReceivedMail read(MimeMessage message) {
    return ReceivedMail.of(0, message);
  }

  /** The plain-text body of a message, or its HTML body reduced to text when it has no plain part. */
  public static String text(MimeMessage message) {
    return read(message).bodyText();
  }
}
