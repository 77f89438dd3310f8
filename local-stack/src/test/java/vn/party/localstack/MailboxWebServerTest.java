package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailboxWebServerTest {

  private GreenMail greenMail;
  private MailboxWebServer web;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    greenMail =
        new GreenMail(
                new ServerSetup(
                    LocalInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    web = MailboxWebServer.start(greenMail, 0);
  }

  @AfterEach
  void stop() {
    web.close();
    greenMail.stop();
  }

  @Test
  void emptyMailboxSaysSo() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.body()).contains("Hộp thư thử nghiệm", "Chưa có thư nào");
    assertThat(get("/messages.json").body().trim()).isEqualTo("[ ]");
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void userTextIsEscapedEverywhereAndHtmlOnlyMailIsShownAsText() throws Exception {
    send(
        "member3@thanhkhetay.example.vn",
        "<script>alert('tiêu đề')</script>",
        "Nhận xét: <img src=x onerror=alert(1)> & \"trích dẫn\"",
        null);
    send(
        "secretary1@thanhkhetay.example.vn",
        "Chi bộ cb1",
        null,
        "<p>Kính gửi <b>đồng chí</b>,</p><p>Có việc mới &amp; cần xử lý.</p><script>evil()</script>");

    String page = get("/").body();
    assertThat(page)
        .doesNotContain("<script>alert", "<img src=x", "<b>đồng chí</b>", "evil()")
        .contains("&lt;script&gt;alert(&#39;tiêu đề&#39;)&lt;/script&gt;")
        .contains("Nhận xét: &lt;img src=x onerror=alert(1)&gt; &amp; &quot;trích dẫn&quot;")
        .contains("Kính gửi đồng chí,")
        .contains("Có việc mới &amp; cần xử lý.")
        .contains("Thời gian", "Người nhận", "Tiêu đề", "Nội dung");
    // newest first
    assertThat(page.indexOf("Chi bộ cb1")).isLessThan(page.indexOf("&lt;script&gt;alert"));

    JsonNode all = new ObjectMapper().readTree(get("/messages.json").body());
    assertThat(all).hasSize(2);
    JsonNode filtered =
        new ObjectMapper()
            .readTree(get("/messages.json?to=member3%40thanhkhetay.example.vn").body());
    assertThat(filtered).hasSize(1);
    assertThat(filtered.get(0).get("subject").asText())
        .isEqualTo("<script>alert('tiêu đề')</script>");
    assertThat(filtered.get(0).get("to").get(0).asText())
        .isEqualTo("member3@thanhkhetay.example.vn");
    assertThat(filtered.get(0).get("receivedAt").asText()).isNotBlank();

    // the same reading for tests that look at GreenMail directly
    MimeMessage html =
        java.util.Arrays.stream(greenMail.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getSubject().equals("Chi bộ cb1");
                  } catch (Exception e) {
                    return false;
                  }
                })
            .findFirst()
            .orElseThrow();
    assertThat(MailboxWebServer.read(html).html()).contains("<b>đồng chí</b>");
    assertThat(MailboxWebServer.text(html)).startsWith("Kính gửi đồng chí,").doesNotContain("<");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(web.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void send(String to, String subject, String text, String html) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "localhost");
    props.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
    MimeMessage m = new MimeMessage(Session.getInstance(props));
    m.setFrom(new InternetAddress("no-reply@dang.example.vn"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    m.setSubject(subject, "UTF-8");
    if (html == null) {
      m.setText(text, "UTF-8");
    } else {
      MimeBodyPart part = new MimeBodyPart();
      part.setText(html, "UTF-8", "html");
      m.setContent(new MimeMultipart("alternative", part));
    }
    Transport.send(m);
    Thread.sleep(20); // distinct received times
  }
}
