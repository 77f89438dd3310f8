package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A campaign opened through the domain API as the tests open it, and the wait for its launch: one request and one
 * wait for every test class (the flow support, the movement fixture, the tests that set their own due dates).
 */
public final class CampaignOpening {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CampaignOpening() {}

  /** The four due dates of a campaign. */
  public record Dues(
      OffsetDateTime selfReview,
      OffsetDateTime residenceFeedback,
      OffsetDateTime branchReview,
      OffsetDateTime decision) {

    /** Due that many days from now, each. */
    public static Dues daysAhead(
        int selfReview, int residenceFeedback, int branchReview, int decision) {
      OffsetDateTime now = OffsetDateTime.now();
      return new Dues(
          now.plusDays(selfReview),
          now.plusDays(residenceFeedback),
          now.plusDays(branchReview),
          now.plusDays(decision));
    }
  }

  /**
   * A campaign request's body, built field by field with the API's field names; what a test leaves out stays out
   * (to see it refused), and any field may be set to any value (to see it refused too).
   */
  public static final class Request {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Request() {}

    public Request organization(String organizationId) {
      return set("organizationId", organizationId);
    }

    /** The year: a number, or anything else to see it refused. */
    public Request year(Object year) {
      return set("year", year);
    }

    public Request regulation(String regulation) {
      return set("regulation", regulation);
    }

    /** The four due dates, as ISO-8601 texts. */
    public Request dues(Dues dues) {
      return due("selfReviewDue", dues.selfReview())
          .due("residenceFeedbackDue", dues.residenceFeedback())
          .due("branchReviewDue", dues.branchReview())
          .due("decisionDue", dues.decision());
    }

    /** One due date ({@code selfReviewDue}, {@code unitAssessmentDue}, …) as its text: a date-time or any text. */
    public Request due(String field, Object value) {
      return set(field, value.toString());
    }

    /** Any field, as it is. */
    public Request set(String field, Object value) {
      fields.put(field, value);
      return this;
    }

    public Request without(String field) {
      fields.remove(field);
      return this;
    }

    /** The body as it stands (a copy). */
    public Map<String, Object> body() {
      return new LinkedHashMap<>(fields);
    }

    /** Posts the body to the campaigns with that client: the answer as it is. */
    public ResponseEntity<String> post(RestClient client) {
      return CampaignOpening.post(client, body());
    }
  }

  /** An empty request. */
  public static Request request() {
    return new Request();
  }

  /** A request for the organization's campaign of the year under that regulation (no due dates yet). */
  public static Request request(String organization, Object year, String regulation) {
    return request().organization(organization).year(year).regulation(regulation);
  }

  /** Posts any body (a built {@link Request}'s, or a text as it is, malformed or empty) to the campaigns. */
  public static ResponseEntity<String> post(RestClient client, Object body) {
    return client
        .post()
        .uri("/api/v1/campaigns")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  /** Opens the organization's campaign of the year with that client: the answer as it is. */
  public static ResponseEntity<String> open(
      RestClient client, String organization, int year, String regulation, Dues dues) {
    return request(organization, year, regulation).dues(dues).post(client);
  }

  /** {@link #open}, which must succeed (201): the campaign's id. */
  public static String opened(
      RestClient client, String organization, int year, String regulation, Dues dues) {
    ResponseEntity<String> created = open(client, organization, year, regulation, dues);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return json(created.getBody()).get("id").asText();
  }

  /** Waits (at most {@code atMost}) until the campaign, as that client reads it, passes the assertions. */
  public static void awaitLaunch(
      RestClient client, String campaignId, Duration atMost, Consumer<JsonNode> assertions) {
    await()
        .atMost(atMost)
        .untilAsserted(
            () ->
                assertions.accept(
                    json(
                        client
                            .get()
                            .uri("/api/v1/campaigns/" + campaignId)
                            .retrieve()
                            .body(String.class))));
  }

  /** Waits until the campaign's launch has started that many members. */
  public static void awaitStarted(
      RestClient client, String campaignId, int members, Duration atMost) {
    awaitLaunch(
        client,
        campaignId,
        atMost,
        campaign -> assertThat(campaign.at("/progress/membersStarted").asInt()).isEqualTo(members));
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
