package vn.party.notification.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.party.notification.support.IntegrationTest;

/**
 * Issue 12, outsider's finding: a 100 KB header got Tomcat's English HTML page "HTTP Status 400" (with its version),
 * and {@code GET /error} answered 500 {@code {"status":999}}. Both are problem details now, Vietnamese first, as
 * evaluation-service answers.
 */
class ErrorAnswersTest extends IntegrationTest {

  @LocalServerPort int port;

  @Test
  void aHeaderTooLargeForTomcatGetsProblemDetailsInVietnameseOrEnglish() throws Exception {
    String huge = "x".repeat(100 * 1024);
    String vi =
        raw(
            "GET /api/v1/notifications HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + huge
                + "\r\nConnection: close\r\n\r\n");
    assertThat(vi)
        .startsWith("HTTP/1.1 400")
        .contains("application/problem+json")
        .contains("\"status\":400")
        .contains("Yêu cầu không hợp lệ")
        .doesNotContain("HTTP Status", "<html", "Apache Tomcat");
    String en =
        raw(
            "GET /api/v1/notifications HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nX-Big: "
                + huge
                + "\r\nConnection: close\r\n\r\n");
    assertThat(en).startsWith("HTTP/1.1 400").contains("Bad request").doesNotContain("<html");
  }

  @Test
  void aDirectRequestToTheErrorPageIsA404ProblemNotStatus999() throws Exception {
    String answer = raw("GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(answer)
        .startsWith("HTTP/1.1 404")
        .contains("application/problem+json")
        .contains("\"status\":404")
        .contains("Không tìm thấy")
        .doesNotContain("999");
  }

  /** The whole answer to bytes sent as they are (a client library would refuse the header). */
  private String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (java.io.IOException closedEarly) {
        // Tomcat may answer and close before the whole header is sent
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        in.transferTo(answer);
      } catch (java.io.IOException reset) {
        // what was read is the answer
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
