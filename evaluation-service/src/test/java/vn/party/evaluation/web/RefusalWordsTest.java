package vn.party.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.CampaignOpening;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * Outsider's re-attack of 2026-12-07 (eleventh session), LOW 10: the API's refusals say what was expected — the type
 * of a value of the wrong type, the range of a number, the most characters of a text — and name a parameter by its
 * label, not as the address writes it ({@code page}, {@code size}); in Vietnamese, and in English when asked.
 * Nothing is written: every request here is refused.
 */
class RefusalWordsTest extends IntegrationTestSupport {

  @Test
  void aPageOrSizeOutOfRangeSaysTheRangeAndNamesTheParameterByItsLabel() {
    assertThat(message(tasks("size=0", null), "size"))
        .isEqualTo("Trường Số việc mỗi trang phải từ 1 đến 500.");
    assertThat(message(tasks("page=500", null), "page"))
        .isEqualTo("Trường Số trang phải từ 0 đến 499.");
    assertThat(message(tasks("size=100000", "en"), "size"))
        .isEqualTo("Tasks per page must be between 1 and 500.");
  }

  @Test
  void aParameterOfTheWrongTypeSaysWhatWasExpected() {
    assertThat(message(tasks("page=abc", null), "page"))
        .isEqualTo("Trường Số trang sai kiểu dữ liệu: cần một số nguyên, không có dấu ngoặc kép.");
    assertThat(message(tasks("page=abc", "en"), "page"))
        .isEqualTo("Page number has the wrong type: expected a whole number, without quotes.");
  }

  @Test
  void aBodyValueOfTheWrongTypeSaysWhatWasExpected() {
    ResponseEntity<String> answer =
        CampaignOpening.post(
            as("committee"),
            Map.of("organizationId", ORGANIZATION, "year", Map.of("y", 2026), "regulation", "x"));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(error(answer, "year").path("reason").asText()).isEqualTo("wrong-type");
    assertThat(message(answer, "year"))
        .isEqualTo(
            "Trường Năm đánh giá sai kiểu dữ liệu: cần một số nguyên, không có dấu ngoặc kép.");
  }

  @Test
  void aNumberOutOfRangeAndATextTooLongSayTheLimits() {
    ResponseEntity<String> answer =
        CampaignOpening.request(ORGANIZATION, 2017, "Q".repeat(21)).post(as("committee"));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(error(answer, "year").path("reason").asText()).isEqualTo("out-of-range");
    assertThat(message(answer, "year")).isEqualTo("Trường Năm đánh giá phải từ 2018 đến 2100.");
    assertThat(error(answer, "regulation").path("reason").asText()).isEqualTo("too-long");
    assertThat(message(answer, "regulation"))
        .isEqualTo("Trường Quy định áp dụng quá dài: tối đa 20 ký tự.");

    ResponseEntity<String> english =
        as("committee")
            .post()
            .uri("/api/v1/campaigns")
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(CampaignOpening.request(ORGANIZATION, 2101, "QD-366-2025").body())
            .retrieve()
            .toEntity(String.class);
    assertThat(message(english, "year")).isEqualTo("Year evaluated must be between 2018 and 2100.");
  }

  /**
   * Twelfth session's outsider, MEDIUM 6: a deadline, a unit's opening date or code in the wrong shape was refused as
   * "sai định dạng" without the shape expected. Each now says it, in Vietnamese and, when asked, in English.
   */
  @Test
  void aValueInTheWrongFormatSaysTheFormatExpected() {
    Map<String, Object> campaign =
        Map.of(
            "organizationId",
            ORGANIZATION,
            "year",
            2026,
            "regulation",
            "QD-366-2025",
            "selfReviewDue",
            "x");
    ResponseEntity<String> due = CampaignOpening.post(as("committee"), campaign);
    assertThat(due.getStatusCode().value()).as(due.getBody()).isEqualTo(400);
    assertThat(error(due, "selfReviewDue").path("reason").asText()).isEqualTo("invalid-format");
    assertThat(message(due, "selfReviewDue"))
        .startsWith("Trường ")
        .contains("sai định dạng: cần một thời điểm có múi giờ")
        .contains("2026-12-10T17:00:00+07:00");
    ResponseEntity<String> englishDue =
        as("committee")
            .post()
            .uri("/api/v1/campaigns")
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(campaign)
            .retrieve()
            .toEntity(String.class);
    assertThat(message(englishDue, "selfReviewDue"))
        .contains("has the wrong format: expected an ISO 8601 date and time with its offset")
        .contains("2026-12-10T17:00:00+07:00");

    Map<String, Object> unit =
        Map.of(
            "kind", "BRANCH",
            "parentId", ORGANIZATION,
            "name", "Chi bộ thử",
            "code", "x y",
            "openedOn", "32/13/2026");
    ResponseEntity<String> refused = unit(unit, null);
    assertThat(error(refused, "code").path("reason").asText()).isEqualTo("invalid-format");
    assertThat(message(refused, "code"))
        .contains("sai định dạng: cần từ 1 đến 50 ký tự")
        .contains("a–z")
        .contains("không có khoảng trắng");
    assertThat(error(refused, "openedOn").path("reason").asText()).isEqualTo("invalid-format");
    assertThat(message(refused, "openedOn"))
        .contains("sai định dạng: cần một ngày có thật dạng năm-tháng-ngày (yyyy-MM-dd)");
    ResponseEntity<String> english = unit(unit, "en");
    assertThat(message(english, "code"))
        .contains("has the wrong format: expected 1 to 50 characters");
    assertThat(message(english, "openedOn"))
        .contains("expected a real date as year-month-day (yyyy-MM-dd)");
  }

  /**
   * Twelfth session's outsider, MEDIUM 5 (left open): a complaint's grounds and a unit's name too long said "quá dài"
   * without the maximum. Each now says it, as the other texts do.
   */
  @Test
  void complaintGroundsAndAUnitsNameTooLongSayTheMaximum() {
    ResponseEntity<String> complaint =
        as("member1")
            .post()
            .uri("/api/v1/evaluations/2026/member1/complaints")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("grounds", "x".repeat(4001)))
            .retrieve()
            .toEntity(String.class);
    assertThat(complaint.getStatusCode().value()).as(complaint.getBody()).isEqualTo(400);
    assertThat(error(complaint, "grounds").path("reason").asText()).isEqualTo("too-long");
    assertThat(message(complaint, "grounds"))
        .isEqualTo("Trường Nội dung khiếu nại quá dài: tối đa 4000 ký tự.");

    Map<String, Object> unit =
        Map.of("kind", "BRANCH", "parentId", ORGANIZATION, "name", "C".repeat(301));
    ResponseEntity<String> refused = unit(unit, null);
    assertThat(error(refused, "name").path("reason").asText()).isEqualTo("too-long");
    assertThat(message(refused, "name")).endsWith("quá dài: tối đa 300 ký tự.");
    assertThat(message(unit(unit, "en"), "name")).endsWith("at most 300 characters.");
  }

  private ResponseEntity<String> unit(Map<String, Object> body, String language) {
    var request =
        as("admin").post().uri("/api/v1/units").contentType(MediaType.APPLICATION_JSON).body(body);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    ResponseEntity<String> answer = request.retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    return answer;
  }

  private static final String ORGANIZATION = "thanh-khe-tay";

  private ResponseEntity<String> tasks(String query, String language) {
    var request = as("committee").get().uri("/api/v1/tasks?" + query);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    ResponseEntity<String> answer = request.retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    return answer;
  }

  private static String message(ResponseEntity<String> answer, String field) {
    return error(answer, field).path("message").asText();
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
