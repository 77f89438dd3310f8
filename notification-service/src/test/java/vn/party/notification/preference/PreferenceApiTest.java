package vn.party.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.party.notification.support.Http;
import vn.party.notification.support.IntegrationTest;

/** GET/PUT /api/v1/notifications/preferences over real HTTP, users verified by the identity endpoint. */
class PreferenceApiTest extends IntegrationTest {

  private static final String PATH = "/api/v1/notifications/preferences";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void byDefaultEmailsAreOnAndNothingIsStored() throws Exception {
    JsonNode preferences = json(get("member1", null), 200);

    assertThat(preferences).isEqualTo(JSON.readTree("{\"emailEnabled\":true}"));
    assertThat(storedRows()).isZero();
  }

  @Test
  void aUserTurnsEmailsOffAndOnAgainAndOnlyTheirOwnChoiceChanges() throws Exception {
    JsonNode off = json(put("member1", "{\"emailEnabled\":false}"), 200);
    assertThat(off).isEqualTo(JSON.readTree("{\"emailEnabled\":false}"));
    assertThat(json(get("member1", null), 200).path("emailEnabled").asBoolean(true)).isFalse();
    assertThat(json(get("member2", null), 200).path("emailEnabled").asBoolean(false)).isTrue();
    assertThat(
            jdbc.sql("select email_enabled from notification.preference where user_id = 'member1'")
                .query(Boolean.class)
                .single())
        .isFalse();

    JsonNode on = json(put("member1", "{\"emailEnabled\":true}"), 200);
    assertThat(on).isEqualTo(JSON.readTree("{\"emailEnabled\":true}"));
    assertThat(json(get("member1", null), 200).path("emailEnabled").asBoolean(false)).isTrue();
    assertThat(storedRows()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"emailEnabled\":null}", "{\"other\":false}"})
  void aMissingValueIs400NamingTheFieldAndChangesNothing(String body) throws Exception {
    put("member1", "{\"emailEnabled\":false}");

    HttpResponse<String> response = put("member1", body);

    JsonNode problem = problem(response, 400);
    assertThat(problem.path("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(problem.path("detail").asText())
        .isEqualTo("Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được nêu.");
    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.path("errors").get(0))
        .isEqualTo(
            JSON.readTree(
                """
        {"field":"emailEnabled","reason":"required","message":"Trường emailEnabled là bắt buộc."}"""));
    assertThat(json(get("member1", null), 200).path("emailEnabled").asBoolean(true)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"emailEnabled\":\"false\"}",
        "{\"emailEnabled\":\"yes\"}",
        "{\"emailEnabled\":0}",
        "{\"emailEnabled\":1}",
        "{\"emailEnabled\":[]}",
        "{\"emailEnabled\":{}}"
      })
  void aValueThatIsNotAJsonBooleanIs400NamingTheField(String body) throws Exception {
    HttpResponse<String> response = put("member1", body);

    JsonNode problem = problem(response, 400);
    assertThat(problem.path("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(problem.path("errors").get(0))
        .isEqualTo(
            JSON.readTree(
                """
        {"field":"emailEnabled","reason":"not-boolean","message":"Trường emailEnabled phải là true hoặc false."}"""));
    assertThat(storedRows()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "emailEnabled=false",
        "{\"emailEnabled\":fals}",
        "{\"emailEnabled\":",
        "",
        "[]",
        "false"
      })
  void aBodyThatIsNotTheJsonObjectIs400(String body) throws Exception {
    HttpResponse<String> response = put("member1", body);

    JsonNode problem = problem(response, 400);
    assertThat(problem.path("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(problem.path("detail").asText())
        .isEqualTo("Nội dung yêu cầu không đọc được (không phải JSON hợp lệ).");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(problem.path("errors").get(0).path("reason").asText()).isEqualTo("malformed");
    assertThat(storedRows()).isZero();
  }

  @Test
  void problemsAreInEnglishWhenAskedFor() throws Exception {
    HttpResponse<String> missing =
        Http.send(
            Http.request(port, PATH)
                .header("Authorization", Http.basic("member1"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    HttpResponse<String> wrongType =
        Http.send(
            Http.request(port, PATH)
                .header("Authorization", Http.basic("member1"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"emailEnabled\":\"no\"}"))
                .build());

    JsonNode problem = problem(missing, 400);
    assertThat(problem.path("title").asText()).isEqualTo("Invalid input");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("emailEnabled is required.");
    assertThat(problem(wrongType, 400).path("errors").get(0).path("message").asText())
        .isEqualTo("emailEnabled must be true or false.");
  }

  @Test
  void aBodyThatIsNotJsonByItsContentTypeIs415InVietnamese() throws Exception {
    HttpResponse<String> response =
        Http.send(
            Http.request(port, PATH)
                .header("Authorization", Http.basic("member1"))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("emailEnabled=false"))
                .build());

    JsonNode problem = problem(response, 415);
    assertThat(problem.path("title").asText()).isEqualTo("Kiểu nội dung không được hỗ trợ");
    assertThat(storedRows()).isZero();
  }

  @Test
  void withoutCredentialsOrWithAWrongPasswordTheAnswerIs401AndNothingIsStored() throws Exception {
    HttpResponse<String> anonymousGet = Http.send(Http.request(port, PATH).GET().build());
    HttpResponse<String> anonymousPut = put(null, "{\"emailEnabled\":false}");
    HttpResponse<String> wrongPassword =
        Http.send(
            Http.request(port, PATH)
                .header("Authorization", Http.basic("member1", "wrong"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"emailEnabled\":false}"))
                .build());

    for (HttpResponse<String> response :
        java.util.List.of(anonymousGet, anonymousPut, wrongPassword)) {
      JsonNode problem = problem(response, 401);
      assertThat(problem.path("title").asText()).isEqualTo("Chưa đăng nhập");
    }
    assertThat(anonymousGet.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(storedRows()).isZero();
  }

  @Test
  void theOpenApiDocumentDescribesThePreferences() throws Exception {
    JsonNode document =
        JSON.readTree(Http.send(Http.request(port, "/v3/api-docs").GET().build()).body());

    JsonNode path = document.path("paths").path(PATH);
    assertThat(path.has("get")).isTrue();
    assertThat(path.has("put")).isTrue();
    assertThat(
            document.path("components").path("schemas").path("PreferenceRequest").path("required"))
        .extracting(JsonNode::asText)
        .containsExactly("emailEnabled");
  }

  private long storedRows() {
    return jdbc.sql("select count(*) from notification.preference").query(Long.class).single();
  }

  private HttpResponse<String> get(String user, String language) {
    HttpRequest.Builder request =
        Http.request(port, PATH).header("Authorization", Http.basic(user)).GET();
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return Http.send(request.build());
  }

  private HttpResponse<String> put(String user, String body) {
    return Http.putJson(port, PATH, user, body);
  }

  private static JsonNode json(HttpResponse<String> response, int expectedStatus)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode problem(HttpResponse<String> response, int expectedStatus)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    return JSON.readTree(response.body());
  }
}
