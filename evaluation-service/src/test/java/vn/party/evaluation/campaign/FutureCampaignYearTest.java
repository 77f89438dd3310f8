package vn.party.evaluation.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.CampaignOpening;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Issue 14: a campaign for a year after the current one (Vietnam time) cannot be opened, at the API and on the page
 * (400, field {@code year}, reason {@code future-year}). The tests' application allows future years (each test class
 * opens its own year, 2029–2100); this test turns the setting off for its duration — the validator reads it at each
 * check — and checks the refusal with the default.
 */
class FutureCampaignYearTest extends EvaluationFlowSupport {

  private static final String SOURCE = "future-campaign-year-test";

  /** The year after this one in Vietnam: never opened by any test while the setting is off. */
  private static final int NEXT_YEAR = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue() + 1;

  @Autowired private ConfigurableEnvironment environment;

  @BeforeEach
  void asByDefault() {
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                SOURCE,
                Map.of(
                    NotAfterCurrentYearValidator.FUTURE_YEARS_ALLOWED,
                    "false",
                    CampaignCalendar.ANY_CALENDAR_ALLOWED,
                    "false")));
  }

  @AfterEach
  void asTheOtherTests() {
    environment.getPropertySources().remove(SOURCE);
  }

  @Test
  void theApiRefusesAYearStillToCome() {
    ResponseEntity<String> refused =
        openCampaign("committee", NEXT_YEAR, OffsetDateTime.now().plusDays(20));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    JsonNode year = error(refused.getBody(), "year");
    assertThat(year.get("reason").asText()).isEqualTo("future-year");
    assertThat(year.get("message").asText())
        .isEqualTo(
            "Chưa thể mở đợt đánh giá cho một năm chưa đến: năm đánh giá không được sau năm hiện"
                + " tại (giờ Việt Nam).");
    assertThat(campaignCount(NEXT_YEAR)).isZero();
  }

  @Test
  void thePageRefusesAYearStillToComeNextToTheField() throws Exception {
    PageSession committee = PageSession.of(port, "committee");
    String page = committee.get("/app/campaigns/new").body();
    // the page's form: the request's fields but the organization, the dates as its inputs hold them
    Map<String, Object> form =
        CampaignOpening.request()
            .year(String.valueOf(NEXT_YEAR))
            .regulation("QD-366-2025")
            .due("selfReviewDue", NEXT_YEAR + "-01-10T17:00")
            .due("residenceFeedbackDue", NEXT_YEAR + "-01-15T17:00")
            .due("branchReviewDue", NEXT_YEAR + "-01-20T17:00")
            .due("decisionDue", NEXT_YEAR + "-01-25T17:00")
            .set("_csrf", committee.csrf(page))
            .body();
    HttpResponse<String> refused =
        committee.post(
            "/app/campaigns/new",
            form.entrySet().stream()
                .map(
                    e ->
                        e.getKey()
                            + "="
                            + URLEncoder.encode((String) e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"year-error\"")
        .contains("Chưa thể mở đợt đánh giá cho một năm chưa đến");
    assertThat(campaignCount(NEXT_YEAR)).isZero();
  }

  @Test
  void theSettingLetsTheToolsOpenYearsToCome() {
    environment.getPropertySources().remove(SOURCE);
    // the application's validator alone: nothing is opened (the tests' years are scarce)
    assertThat(validator.validateValue(CampaignApi.CreateCampaignRequest.class, "year", NEXT_YEAR))
        .isEmpty();
    asByDefault();
    assertThat(validator.validateValue(CampaignApi.CreateCampaignRequest.class, "year", NEXT_YEAR))
        .isNotEmpty();
  }

  @Autowired private jakarta.validation.Validator validator;

  private int campaignCount(int year) {
    return jdbc.sql("select count(*) from evaluation.campaign where year = :y")
        .param("y", year)
        .query(Integer.class)
        .single();
  }

  private static JsonNode error(String body, String field) {
    for (JsonNode error : json(body).get("errors")) {
      if (field.equals(error.get("field").asText())) {
        return error;
      }
    }
    throw new AssertionError(body);
  }
}
