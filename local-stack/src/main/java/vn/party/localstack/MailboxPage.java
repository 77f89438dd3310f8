package vn.party.localstack;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The mailbox page's HTML: a table of the received messages, every text escaped (they carry what users typed). */
final class MailboxPage {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZONE);

  private MailboxPage() {}

  /** {@code smtpPort} is shown in the heading ("?" when unknown). */
  static String render(List<ReceivedMail> mails, String smtpPort) {
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
        .append(smtpPort)
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
      for (ReceivedMail m : mails) {
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
            .append(escape(m.bodyText()))
            .append("</pre></td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** HTML-escapes text for element content and quoted attribute values. */
  static String escape(String s) {
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
