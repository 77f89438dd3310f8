package vn.party.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Binds to the loopback interface only.
 */
public final class MailboxWebServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MailboxWebServer.class);

  public static final int DEFAULT_PORT = 8025;
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZONE);

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

  /** What the page shows of one received message. */
  public record Mail(
      int index,
      String receivedAt,
      String from,
      List<String> to,
      List<String> cc,
      String subject,
      String text,
      String html) {}

  /** The received messages, newest first; only those addressed to {@code to} if it is not blank. */
  public List<Mail> messages(String to) {
    MimeMessage[] received = greenMail.getReceivedMessages();
    List<Mail> mails = new ArrayList<>();
    for (int i = 0; i < received.length; i++) {
      Mail mail = toMail(i + 1, received[i]);
      if (to == null
          || to.isBlank()
          || mail.to().stream()
              .anyMatch(
                  a -> a.toLowerCase(Locale.ROOT).contains(to.trim().toLowerCase(Locale.ROOT)))
          || mail.cc().stream()
              .anyMatch(
                  a -> a.toLowerCase(Locale.ROOT).contains(to.trim().toLowerCase(Locale.ROOT)))) {
        mails.add(mail);
      }
    }
    // newest first; messages without a date last
    mails.sort(
        Comparator.comparing(
                (Mail m) -> m.receivedAt() == null ? Instant.MIN : Instant.parse(m.receivedAt()))
            .thenComparing(Mail::index)
            .reversed());
    return mails;
  }

  /**
   * Reads a received message the way the page shows it: plain-text and HTML bodies found in any multipart
   * structure. Handy in tests: {@code MailboxWebServer.read(greenMail.getReceivedMessages()[0]).html()}.
   */
  public static Mail read(MimeMessage message) {
    return toMail(0, message);
  }

  /** The plain-text body of a message, or its HTML body reduced to text when it has no plain part. */
  public static String text(MimeMessage message) {
    return bodyText(read(message));
  }

  static Mail toMail(int index, MimeMessage m) {
    try {
      Date received = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
      Bodies bodies = new Bodies();
      collect(m, bodies);
      return new Mail(
          index,
          received == null ? null : received.toInstant().toString(),
          join(m.getFrom()),
          addresses(m.getRecipients(Message.RecipientType.TO)),
          addresses(m.getRecipients(Message.RecipientType.CC)),
          m.getSubject(),
          bodies.text,
          bodies.html);
    } catch (MessagingException | IOException e) {
      return new Mail(
          index,
          null,
          null,
          List.of(),
          List.of(),
          "(unreadable message: " + e.getMessage() + ")",
          null,
          null);
    }
  }

  private static final class Bodies {
    String text;
    String html;
  }

  private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")
        && bodies.text == null
        && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      bodies.text = contentAsString(part);
    } else if (part.isMimeType("text/html")
        && bodies.html == null
        && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      bodies.html = contentAsString(part);
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, bodies);
      }
    }
  }

  private static String contentAsString(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof InputStream in) {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return String.valueOf(content);
  }

  private static List<String> addresses(Address[] addresses) {
    // toUnicodeString decodes RFC 2047 display names ("=?UTF-8?Q?...?=") into readable Vietnamese
    return addresses == null
        ? List.of()
        : Arrays.stream(addresses)
            .map(
                a ->
                    a instanceof jakarta.mail.internet.InternetAddress ia
                        ? ia.toUnicodeString()
                        : a.toString())
            .toList();
  }

  private static String join(Address[] addresses) {
    return addresses == null ? null : String.join(", ", addresses(addresses));
  }

  // ------------------------------------------------------------------ HTML

  String page(List<Mail> mails) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Hộp thư thử nghiệm — Test mailbox</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:1.5rem;color:#222}\n")
        .append("h1{font-size:1.4rem;margin:0 0 .25rem}\n.sub{color:#666;margin:0 0 1rem}\n")
        .append(
            "table{border-collapse:collapse;width:100%}\nth,td{border:1px solid #ddd;padding:.45rem .6rem;vertical-align:top;text-align:left}\n")
        .append("th{background:#f3f3f3}\ntr:nth-child(even) td{background:#fafafa}\n")
        .append("pre{white-space:pre-wrap;word-break:break-word;margin:0;font-family:inherit}\n")
        .append(".muted{color:#888}\n.nowrap{white-space:nowrap}\n</style>\n</head>\n<body>\n")
        .append("<h1>Hộp thư thử nghiệm</h1>\n")
        .append("<p class=\"sub\">Thư mà hệ thống đã gửi qua SMTP cục bộ (cổng ")
        .append(greenMail.getSmtp() == null ? "?" : greenMail.getSmtp().getPort())
        .append(
            "); không thư nào ra ngoài. — Test mailbox: every e-mail sent to the local SMTP server. ")
        .append("<a href=\"/\">Làm mới / Refresh</a> · <a href=\"/messages.json\">JSON</a></p>\n");
    if (mails.isEmpty()) {
      h.append("<p class=\"muted\">Chưa có thư nào. — No e-mail yet.</p>\n");
    } else {
      h.append("<p>").append(mails.size()).append(" thư / e-mails</p>\n");
      h.append(
              "<table>\n<thead><tr><th>#</th><th>Thời gian</th><th>Người gửi</th><th>Người nhận</th>")
          .append("<th>Tiêu đề</th><th>Nội dung</th></tr></thead>\n<tbody>\n");
      for (Mail m : mails) {
        h.append("<tr><td>")
            .append(m.index())
            .append("</td><td class=\"nowrap\">")
            .append(
                escape(m.receivedAt() == null ? "" : TIME.format(Instant.parse(m.receivedAt()))))
            .append("</td><td>")
            .append(escape(m.from()))
            .append("</td><td>")
            .append(escape(String.join(", ", m.to())));
        if (!m.cc().isEmpty()) {
          h.append("<br><span class=\"muted\">cc: ")
              .append(escape(String.join(", ", m.cc())))
              .append("</span>");
        }
        h.append("</td><td>")
            .append(escape(m.subject()))
            .append("</td><td><pre>")
            .append(escape(bodyText(m)))
            .append("</pre></td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** The plain-text body, or the HTML body reduced to text when there is no plain part. */
  public static String bodyText(Mail m) {
    if (m.text() != null && !m.text().isBlank()) {
      return m.text().strip();
    }
    if (m.html() != null) {
      return htmlToText(m.html());
    }
    return "";
  }

  static String htmlToText(String html) {
    String s =
        html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1\\s*>", "")
            .replaceAll("(?i)<br\\s*/?>", "\n")
            .replaceAll("(?i)</(p|div|tr|li|h[1-6])\\s*>", "\n")
            .replaceAll("(?s)<[^>]*>", "");
    Map<String, String> entities = new LinkedHashMap<>();
    entities.put("&nbsp;", " ");
    entities.put("&lt;", "<");
    entities.put("&gt;", ">");
    entities.put("&quot;", "\"");
    entities.put("&#39;", "'");
    entities.put("&#x27;", "'");
    entities.put("&amp;", "&");
    for (Map.Entry<String, String> e : entities.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  /** HTML-escapes text for element content and quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
