package vn.party.evaluation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Issue 12, item 7: the application's own answer for every error status — the error page in Vietnamese (English on
 * request) for people, problem details for the APIs — also for what Tomcat answers itself (an encoded %2F).
 * No Whitelabel page, no Tomcat page.
 */
class ErrorPagesTest extends IntegrationTestSupport {

  private String raw(String path, String acceptLanguage) throws Exception {
    return raw("GET", path, acceptLanguage, null);
  }

  private String raw(String method, String path, String acceptLanguage, String cookie)
      throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + (acceptLanguage == null ? "" : "Accept-Language: " + acceptLanguage + "\r\n")
                  + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                  + ("POST".equals(method)
                      ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n"
                      : "")
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void ours(String body) {
    assertThat(body)
        .doesNotContain("Whitelabel")
        .doesNotContain("Apache Tomcat")
        .doesNotContain("<h3>Status");
  }

  @Test
  void pagesGetTheApplicationsPageFor404And405InVietnameseAndEnglish() throws Exception {
    PageSession member = PageSession.of(port, "member3");
    HttpResponse<String> missing = member.get("/app/no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .contains("id=\"error-message\"")
        .contains("Không tìm thấy trang này");
    ours(missing.body());
    HttpResponse<String> english = member.get("/app/no-such-page?lang=en");
    assertThat(english.statusCode()).isEqualTo(404);
    assertThat(english.body()).contains("This page does not exist");
    member.get("/app/tasks?lang=vi");

    HttpResponse<String> page = member.get("/app/tasks");
    HttpResponse<String> notAllowed = member.post("/app", "_csrf=" + member.csrf(page.body()));
    assertThat(notAllowed.statusCode()).isEqualTo(405);
    assertThat(notAllowed.body()).contains("Phương thức không được hỗ trợ");
    ours(notAllowed.body());
  }

  @Test
  void theApisAnswerProblemDetailsFor404And405() {
    ResponseEntity<String> missing =
        as("member3").get().uri("/api/v1/no-such-resource").retrieve().toEntity(String.class);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(json(missing.getBody()).get("detail").asText())
        .isEqualTo("Không tìm thấy trang này.");
    ResponseEntity<String> method =
        as("member3").delete().uri("/api/v1/me").retrieve().toEntity(String.class);
    assertThat(method.getStatusCode().value()).isEqualTo(405);
    assertThat(json(method.getBody()).get("status").asInt()).isEqualTo(405);
    ours(method.getBody());
  }

  @Test
  void anEncodedSlashGetsOurAnswerNotTomcats() throws Exception {
    String page = raw("/app/evaluations/2026/member1%2Fx", null);
    assertThat(page).startsWith("HTTP/1.1 400");
    assertThat(page).contains("Yêu cầu không hợp lệ").contains("lang=\"vi\"");
    ours(page);
    // issue 14: the people's language whatever the browser asks, English on request (the query,
    // the cookie ?lang= leaves)
    String english = raw("/app/evaluations/2026/member1%2Fx", "en-US,en;q=0.9");
    assertThat(english).contains("Yêu cầu không hợp lệ").contains("lang=\"vi\"");
    assertThat(english).doesNotContain("Bad request.");
    assertThat(raw("/app/units/%2Fetc", "en")).contains("Yêu cầu không hợp lệ");
    assertThat(raw("/app/units/%2Fetc?lang=en", "vi"))
        .contains("Bad request.")
        .contains("lang=\"en\"");
    assertThat(raw("GET", "/app/units/%2Fetc", "vi", "lang=en")).contains("Bad request.");
    assertThat(raw("GET", "/%2Fetc", "en", null)).contains("Yêu cầu không hợp lệ");
    String api = raw("/api/v1/evaluations/2026/member1%2Fx", null);
    assertThat(api)
        .startsWith("HTTP/1.1 400")
        .contains("application/problem+json")
        .contains("\"status\":400");
    ours(api);
    String engine = raw("/engine-rest/task/a%2Fb", null);
    assertThat(engine).startsWith("HTTP/1.1 400").contains("application/problem+json");
    // the APIs keep answering in their caller's language
    assertThat(raw("/api/v1/evaluations/2026/member1%2Fx", "en")).contains("Bad request.");
  }

  /**
   * Issue 14: an error Spring answers before the pages' locale resolver runs (here Spring Security's refusal of a
   * sign-in without its CSRF token, forwarded to {@code /error}) speaks the pages' language too: Vietnamese to an
   * English browser, English on request.
   */
  @Test
  void errorsSpringAnswersBeforeThePagesSpeakThePagesLanguage() throws Exception {
    String refused = raw("POST", "/login", "en-US,en;q=0.9", null);
    assertThat(refused).startsWith("HTTP/1.1 403");
    assertThat(refused).contains("lang=\"vi\"").contains("Bạn không có quyền");
    ours(refused);
    String asked = raw("POST", "/login?lang=en", "vi", null);
    assertThat(asked).startsWith("HTTP/1.1 403").contains("lang=\"en\"");
    assertThat(raw("POST", "/login", "vi", "lang=en")).contains("lang=\"en\"");
  }
}
