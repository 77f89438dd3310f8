package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.CampaignOpening;
import vn.party.evaluation.CampaignOpening.Dues;

/**
 * Issue 14 (security.md L5): a campaign's deadlines, at the domain API and on the page {@code /app/campaigns/new} in
 * real headless Chromium. A deadline already past is refused (400 naming it, {@code in-the-past}; next to the field,
 * in Vietnamese) — a campaign whose deadlines have all passed was accepted. A date that is no date and dates out of
 * order among the others are reported together (the format error alone was). The tests' application allows any
 * calendar (each test class opens its own year, past years with their deadlines); this test turns the settings off for
 * its duration, as a deployment has them, and opens nothing.
 */
class CampaignCalendarBrowserTest extends BrowserTestSupport {

  private static final String SOURCE = "campaign-calendar-browser-test";
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int THIS_YEAR = Year.now(VIETNAM).getValue();
  private static final DateTimeFormatter DAY_FIRST =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  @Autowired private ConfigurableEnvironment environment;

  @BeforeEach
  void asDeployed() {
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                SOURCE,
                Map.of(
                    "evaluation.campaign.any-calendar-allowed", "false",
                    "evaluation.campaign.future-years-allowed", "false")));
  }

  @AfterEach
  void asTheOtherTests() {
    environment.getPropertySources().remove(SOURCE);
  }

  @Test
  void theApiRefusesDeadlinesAlreadyPastNamingEach() {
    int before = campaigns();
    OffsetDateTime now = OffsetDateTime.now(VIETNAM);
    ResponseEntity<String> refused =
        open(new Dues(now.minusDays(40), now.minusDays(30), now.minusDays(20), now.minusDays(10)));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(errors(refused.getBody()))
        .containsEntry("selfReviewDue", "in-the-past")
        .containsEntry("residenceFeedbackDue", "in-the-past")
        .containsEntry("branchReviewDue", "in-the-past")
        .containsEntry("decisionDue", "in-the-past")
        .hasSize(4);
    // one deadline past among future ones: that one
    ResponseEntity<String> one =
        open(new Dues(now.minusHours(1), now.plusDays(20), now.plusDays(30), now.plusDays(40)));
    assertThat(errors(one.getBody())).containsExactly(Map.entry("selfReviewDue", "in-the-past"));
    assertThat(campaigns()).isEqualTo(before);
  }

  @Test
  void theApiReportsAnUnreadableDateAndTheOrderOfTheOthersAtOnce() {
    int before = campaigns();
    OffsetDateTime now = OffsetDateTime.now(VIETNAM);
    ResponseEntity<String> refused =
        thisYears()
            .due("selfReviewDue", "31/12/" + THIS_YEAR)
            .due("residenceFeedbackDue", now.plusDays(30))
            .due("branchReviewDue", now.plusDays(20))
            .due("decisionDue", now.plusDays(40))
            .post(as("committee"));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(errors(refused.getBody()))
        .containsEntry("selfReviewDue", "invalid-format")
        .containsEntry("branchReviewDue", "out-of-order")
        .hasSize(2);
    assertThat(campaigns()).isEqualTo(before);
  }

  @Test
  void thePageShowsEveryProblemOfTheDeadlinesNextToItsFieldInVietnamese() {
    int before = campaigns();
    OffsetDateTime now = OffsetDateTime.now(VIETNAM);
    signIn("committee", "demo");
    DecideWithFactsBrowserTest.desktop();
    open("/app/campaigns/new");
    assertThat(browser.findElement(By.id("year")).getAttribute("value"))
        .isEqualTo(String.valueOf(THIS_YEAR));
    // every deadline already past
    type("selfReviewDue", now.minusDays(40).format(DAY_FIRST));
    type("residenceFeedbackDue", now.minusDays(30).format(DAY_FIRST));
    type("branchReviewDue", now.minusDays(20).format(DAY_FIRST));
    type("decisionDue", now.minusDays(10).format(DAY_FIRST));
    clickAndConfirm("open-campaign");
    for (String field :
        new String[] {"selfReviewDue", "residenceFeedbackDue", "branchReviewDue", "decisionDue"}) {
      assertThat(browser.findElement(By.id(field + "-error")).getText())
          .as(field)
          .contains("thời hạn này đã qua");
    }
    assertThat(browser.findElement(By.id("selfReviewDue-error")).getText())
        .startsWith("Hạn tự kiểm điểm: thời hạn này đã qua");
    screenshot("campaign-calendar-01-past-deadlines-1366");
    DecideWithFactsBrowserTest.phone();
    screenshot("campaign-calendar-02-past-deadlines-390");
    DecideWithFactsBrowserTest.desktop();

    // a date that is no date, and two that are out of order: all three said at once
    type("selfReviewDue", "31/13/" + THIS_YEAR + " 17:00");
    type("residenceFeedbackDue", now.plusDays(30).format(DAY_FIRST));
    type("branchReviewDue", now.plusDays(20).format(DAY_FIRST));
    type("decisionDue", now.plusDays(40).format(DAY_FIRST));
    clickAndConfirm("open-campaign");
    assertThat(browser.findElement(By.id("selfReviewDue-error")).getText())
        .contains("sai định dạng");
    assertThat(browser.findElement(By.id("branchReviewDue-error")).getText())
        .contains("không đúng thứ tự");
    assertThat(browser.findElements(By.id("residenceFeedbackDue-error"))).isEmpty();
    assertThat(browser.findElements(By.id("decisionDue-error"))).isEmpty();
    assertThat(browser.findElement(By.id("selfReviewDue")).getAttribute("value"))
        .isEqualTo("31/13/" + THIS_YEAR + " 17:00");
    screenshot("campaign-calendar-03-all-problems-at-once-1366");
    DecideWithFactsBrowserTest.phone();
    screenshot("campaign-calendar-04-all-problems-at-once-390");
    DecideWithFactsBrowserTest.desktop();
    assertThat(campaigns()).isEqualTo(before);
    signOut();
  }

  private static void type(String field, String value) {
    WebElement input = browser.findElement(By.id(field));
    input.clear();
    input.sendKeys(value);
  }

  private ResponseEntity<String> open(Dues dues) {
    return thisYears().dues(dues).post(as("committee"));
  }

  private static CampaignOpening.Request thisYears() {
    return CampaignOpening.request(ORG, THIS_YEAR, "QD-366-2025");
  }

  /** Field → reason of a refusal's errors. */
  private static Map<String, String> errors(String body) {
    Map<String, String> errors = new TreeMap<>();
    for (JsonNode error : json(body).get("errors")) {
      errors.put(error.get("field").asText(), error.get("reason").asText());
    }
    return errors;
  }

  private int campaigns() {
    return jdbc.sql("select count(*) from evaluation.campaign").query(Integer.class).single();
  }
}
