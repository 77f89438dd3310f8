package vn.party.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * What a typed request body does not take, and what the API cannot answer in, said in words. Twelfth session's
 * outsider, LOW 12: a movement's unknown fields were ignored (a misspelt {@code reson} recorded the movement without
 * the text). Thirteenth session's outsider, LOW 16: the 406 said neither what was asked for nor what is served; the
 * meeting's own check of a JSON array body said "không phải JSON hợp lệ" where every other body says it must be one
 * JSON object. Nothing is written: every request here is refused (the movement is for a member who does not exist, so
 * the code before answered 404 there, recording nothing).
 */
class BodyAndAcceptRefusalsTest extends IntegrationTestSupport {

  private static final String ORGANIZATION = "thanh-khe-tay";

  @Test
  void aTypedBodysUnknownFieldIsRefusedNamingItAndTheFieldsTaken() {
    Map<String, Object> movement = new LinkedHashMap<>();
    movement.put("kind", "RECOGNITION");
    movement.put("reson", "Quyết định số 7");
    ResponseEntity<String> refused =
        post("/api/v1/members/open13-nobody/movements", movement, null);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    JsonNode error = error(refused, "reson");
    assertThat(error.path("reason").asText()).isEqualTo("unknown-field");
    assertThat(error.path("message").asText())
        .isEqualTo(
            "Trường “reson” không có trong nội dung này: chỉ nhận các trường kind, toBranch, on,"
                + " reason.");
    assertThat(
            error(post("/api/v1/members/open13-nobody/movements", movement, "en"), "reson")
                .path("message")
                .asText())
        .isEqualTo(
            "“reson” is not a field of this body: the fields taken are kind, toBranch, on,"
                + " reason.");

    // one rule for every typed body of the API: a campaign's too
    Map<String, Object> campaign = new LinkedHashMap<>();
    campaign.put("organizationId", ORGANIZATION);
    campaign.put("year", 2017);
    campaign.put("regulation", "QD-366-2025");
    campaign.put("selfReviewDeu", "2017-12-10T17:00:00+07:00");
    ResponseEntity<String> campaignRefused = post("/api/v1/campaigns", campaign, null);
    assertThat(campaignRefused.getStatusCode().value())
        .as(campaignRefused.getBody())
        .isEqualTo(400);
    assertThat(error(campaignRefused, "selfReviewDeu").path("message").asText())
        .startsWith("Trường “selfReviewDeu” không có trong nội dung này: chỉ nhận các trường ")
        .contains("selfReviewDue");
  }

  @Test
  void notAcceptableSaysWhatWasAskedForAndWhatIsServed() {
    ResponseEntity<String> vietnamese = csv(null);
    assertThat(vietnamese.getStatusCode().value()).as(vietnamese.getBody()).isEqualTo(406);
    assertThat(json(vietnamese.getBody()).path("detail").asText())
        .isEqualTo(
            "Không trả lời được theo kiểu nội dung đã yêu cầu (Accept: text/csv): địa chỉ này chỉ"
                + " trả lời application/json, application/yaml; các lời từ chối được gửi dạng"
                + " application/problem+json.");
    assertThat(json(csv("en").getBody()).path("detail").asText())
        .isEqualTo(
            "No answer in the content type asked for (Accept: text/csv): this address answers only"
                + " application/json, application/yaml; refusals come as application/problem+json.");
  }

  @Test
  void aMeetingSentAsAJsonArrayIsToldAsEveryOtherBodyIs() {
    ResponseEntity<String> meeting =
        postRaw("secretary1", "/api/v1/branches/" + ORGANIZATION + "-cb1/meetings/2026", "[]");
    ResponseEntity<String> complaint =
        postRaw("member1", "/api/v1/evaluations/2026/member1/complaints", "[]");
    assertThat(meeting.getStatusCode().value()).as(meeting.getBody()).isEqualTo(400);
    assertThat(complaint.getStatusCode().value()).as(complaint.getBody()).isEqualTo(400);
    for (ResponseEntity<String> answer : new ResponseEntity[] {meeting, complaint}) {
      JsonNode body = json(answer.getBody());
      assertThat(body.path("detail").asText())
          .isEqualTo(
              "Nội dung yêu cầu phải là một đối tượng JSON trong dấu ngoặc nhọn, không phải danh"
                  + " sách hay một giá trị đơn lẻ.");
      assertThat(error(answer, "body").path("message").asText())
          .isEqualTo("Nội dung phải là một đối tượng JSON trong dấu ngoặc nhọn.");
    }
  }

  private ResponseEntity<String> csv(String language) {
    var request = as("committee").get().uri("/api/v1/tasks").header("Accept", "text/csv");
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return request.retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> post(String path, Map<String, Object> body, String language) {
    var request =
        as(path.startsWith("/api/v1/campaigns") ? "committee" : "admin")
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return request.retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> postRaw(String user, String path, String body) {
    return as(user)
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  private static JsonNode error(ResponseEntity<String> answer, String field) {
    for (JsonNode error : json(answer.getBody()).path("errors")) {
      if (field.equals(error.path("field").asText())) {
        return error;
      }
    }
    throw new AssertionError("no error on " + field + ": " + answer.getBody());
  }
}
