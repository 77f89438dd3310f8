package vn.party.localstack;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the mailbox page shows of one received message: plain-text and HTML bodies found in any multipart structure.
 *
 * @param index its place among the received messages, from 1 (0 when read alone)
 * @param receivedAt ISO instant, or null when the message has no date
 */
public record ReceivedMail(
    int index,
    String receivedAt,
    String from,
    List<String> to,
    List<String> cc,
    String subject,
    String text,
    String html) {

  /** Reads {@code m}; an unreadable message becomes one whose subject says why. */
  static ReceivedMail of(int index, MimeMessage m) {
    try {
      Date received = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
      Bodies bodies = new Bodies();
      collect(m, bodies);
      return new ReceivedMail(
          index,
          received == null ? null : received.toInstant().toString(),
          join(m.getFrom()),
          addresses(m.getRecipients(Message.RecipientType.TO)),
          addresses(m.getRecipients(Message.RecipientType.CC)),
          m.getSubject(),
          bodies.text,
          bodies.html);
    } catch (MessagingException | IOException e) {
      return new ReceivedMail(
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

  /** Whether an address in To or Cc contains {@code address}, ignoring case. */
  boolean sentTo(String address) {
    String wanted = address.trim().toLowerCase(Locale.ROOT);
    return Stream.concat(to.stream(), cc.stream())
        .anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(wanted));
  }

  /** The plain-text body, or the HTML body reduced to text when there is no plain part. */
  public String bodyText() {
    if (text != null && !text.isBlank()) {
      return text.strip();
    }
    return html != null ? htmlToText(html) : "";
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
    entities.put("&amp;", "&"); // last: "&amp;lt;" is the text "&lt;"
    for (Map.Entry<String, String> e : entities.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static final class Bodies {
    String text;
    String html;
  }

  private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
    boolean inline = !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    if (part.isMimeType("text/plain") && bodies.text == null && inline) {
      bodies.text = contentAsString(part);
    } else if (part.isMimeType("text/html") && bodies.html == null && inline) {
      bodies.html = contentAsString(part);
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), bodies);
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
            .map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString())
            .toList();
  }

  private static String join(Address[] addresses) {
    return addresses == null ? null : String.join(", ", addresses(addresses));
  }
}
