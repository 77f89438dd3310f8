package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The doors: engine REST behind HTTP Basic, the domain API's roles, an append-only history. */
class SecurityTest extends IntegrationTestSupport {

  @Test
  void engineRestAnswers401WithoutCredentialsAndServesSignedInUsers() {
    assertThat(statusOf(anonymous(), "/engine-rest/task")).isEqualTo(401);
    assertThat(statusOf(as("member1"), "/engine-rest/task")).isEqualTo(200);
    assertThat(statusOf(as("member1"), "/engine-rest/authorization")).isEqualTo(200);
  }

  @Test
  void domainApiNeedsCredentialsAndKnowsTheUser() {
    assertThat(statusOf(anonymous(), "/api/v1/me")).isEqualTo(401);
    // (a wrong password locks the user for a few seconds — the engine's brute-force guard — so not
    // a demo user)
    assertThat(
            as("member1")
                .get()
                .uri("/api/v1/me")
                .headers(h -> h.setBasicAuth("nobody", "wrong"))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(401);
    var me = json(as("secretary2").get().uri("/api/v1/me").retrieve().body(String.class));
    assertThat(me.get("userId").asText()).isEqualTo("secretary2");
    assertThat(me.get("groups").toString()).contains("branch-committee-thanh-khe-tay-cb2");
  }

  @Test
  void theTimelineCannotBeRewrittenEvenByTheApplication() {
    sendResidenceFeedback("member15", 2017, "a fact to keep");
    org.awaitility.Awaitility.await()
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from evaluation.timeline_entry where year = 2017 and member_id = 'member15'")
                        .query(Integer.class)
                        .single()
                    == 1);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "update evaluation.timeline_entry set actor = 'someone else' "
                            + "where year = 2017")
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.sql("delete from evaluation.timeline_entry where year = 2017").update())
        .hasMessageContaining("append-only");
  }

  @Test
  void healthAndApiDocsArePublic() {
    assertThat(statusOf(anonymous(), "/actuator/health")).isEqualTo(200);
    String docs = anonymous().get().uri("/v3/api-docs").retrieve().body(String.class);
    assertThat(docs).contains("/api/v1/campaigns", "/api/v1/evaluations/{year}/{memberId}/history");
  }
}
