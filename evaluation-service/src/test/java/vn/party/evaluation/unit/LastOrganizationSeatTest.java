package vn.party.evaluation.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.UnitFixture;
import vn.party.evaluation.pages.PageSession;

/**
 * Twelfth session's outsider, MEDIUM 9, the organization's side: the grassroots committee's last seat is not taken
 * away while the organization's members' evaluations wait in a running campaign (the committee decides them), at
 * every door that ends a seat — the API, the unit page, a movement (leaving, transfer out, to another organization,
 * death) — and the progress page warns when the committee is empty all the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastOrganizationSeatTest extends EvaluationFlowSupport {

  @Autowired IdentityService identityService;

  static final String ORG = "tasklist13-org";
  static final String ORG_NAME = "Đảng bộ phường Thử Ghế Cuối";
  static final String BRANCH = "tasklist13-cb";
  static final String SECRETARY = "tasklist13-sec";
  static final String OTHER = "tasklist13-m2";
  static final int YEAR = 2087;

  @BeforeAll
  void organization() {
    UnitFixture units = unitFixture();
    units.organizationWithSecretary(
        identityService,
        new UnitFixture.Unit(ORG, ORG_NAME),
        new UnitFixture.Unit(BRANCH, "Chi bộ Ghế Cuối 1"),
        new UnitFixture.Person(SECRETARY, "Văn", "Ghế Cuối"));
    units.member(identityService, OTHER, "Thị", "Ghế Sau", BRANCH);
    units.rosterRow("tasklist13-m1", BRANCH);
    UUID campaign = UUID.randomUUID();
    jdbc.sql(
            """
            insert into evaluation.campaign (id, organization_id, year, regulation, self_review_due,
              residence_feedback_due, unit_assessment_due, branch_review_due, decision_due, status,
              members_total, members_started, roster_prepared, created_by)
            values (:id, :org, :year, 'QD-366-2025', now(), now(), now(), now(), now(), 'RUNNING', 1, 1, true,
              'admin')""")
        .param("id", campaign)
        .param("org", ORG)
        .param("year", YEAR)
        .update();
    jdbc.sql(
            """
            insert into evaluation.member_evaluation (year, member_id, campaign_id, organization_id,
              branch_id, status) values (:year, 'tasklist13-m1', :campaign, :org, :branch, 'COMMITTEE_DECISION')""")
        .param("year", YEAR)
        .param("campaign", campaign)
        .param("org", ORG)
        .param("branch", BRANCH)
        .update();
  }

  @Test
  void theLastMemberOfTheGrassrootsCommitteeStaysAtEveryDoorUntilSomeoneElseSits()
      throws Exception {
    // the API, in Vietnamese and in English
    ResponseEntity<String> refused = unseat(null);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    JsonNode error = UnitsApiTest.error(refused.getBody(), "personId");
    assertThat(error.get("reason").asText()).isEqualTo("last-organization-committee-seat");
    assertThat(error.get("message").asText())
        .startsWith("Chưa thể cho Văn Ghế Cuối thôi đảng ủy " + ORG_NAME)
        .contains("1 hồ sơ đánh giá", "phân công người khác vào đảng ủy " + ORG_NAME + " trước");
    assertThat(UnitsApiTest.error(unseat("en").getBody(), "personId").get("message").asText())
        .startsWith("Cannot take Văn Ghế Cuối off the committee of " + ORG_NAME)
        .contains("1 evaluation of its members waits", "Seat someone else");

    // the unit page
    PageSession page = PageSession.of(port, "admin", "admin");
    HttpResponse<String> onPage =
        page.post(
            "/app/units/" + ORG + "/seats/remove",
            "personId=" + SECRETARY + "&body=COMMITTEE&reason=r&_csrf=" + csrf(page));
    assertThat(onPage.statusCode()).isEqualTo(400);
    assertThat(onPage.body()).contains("Chưa thể cho Văn Ghế Cuối thôi đảng ủy " + ORG_NAME);

    // every movement that ends the seat
    for (String kind : new String[] {"LEAVING", "TRANSFER_OUT", "DEATH"}) {
      ResponseEntity<String> movement =
          as("admin")
              .post()
              .uri("/api/v1/members/{m}/movements", SECRETARY)
              .contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("kind", kind, "reason", "Thử"))
              .retrieve()
              .toEntity(String.class);
      assertThat(movement.getStatusCode().value()).as(kind + movement.getBody()).isEqualTo(400);
      JsonNode kindError = UnitsApiTest.error(movement.getBody(), "kind");
      assertThat(kindError.get("reason").asText()).isEqualTo("last-organization-committee-seat");
      assertThat(kindError.get("message").asText())
          .startsWith("Chưa thể ghi biến động này của Văn Ghế Cuối")
          .contains("người cuối cùng trong đảng ủy " + ORG_NAME);
    }
    assertThat(seats()).isEqualTo(1);
    assertThat(
            jdbc.sql("select status from evaluation.party_member where id = :m")
                .param("m", SECRETARY)
                .query(String.class)
                .single())
        .isEqualTo("ACTIVE");
    String progress = page.get("/app/campaigns/" + ORG + "/" + YEAR).body();
    assertThat(progress).doesNotContain("organization-without-committee");

    // someone else sits first: then the seat is given up
    assertThat(unitFixture().seat("admin", ORG, OTHER, null, null).getStatusCode().value())
        .isEqualTo(200);
    assertThat(unseat(null).getStatusCode().value()).isEqualTo(204);

    // a committee left empty all the same (by hand in the database): the progress page warns
    jdbc.sql("delete from evaluation.unit_committee_member where unit_id = :u")
        .param("u", ORG)
        .update();
    assertThat(page.get("/app/campaigns/" + ORG + "/" + YEAR).body())
        .contains("id=\"organization-without-committee\"")
        .contains("đảng ủy không còn ai, 1 hồ sơ đánh giá đang chờ");
    assertThat(page.get("/app/campaigns/" + ORG + "/" + YEAR + "?lang=en").body())
        .contains("1 waiting evaluation has nobody to decide the level");
  }

  private ResponseEntity<String> unseat(String language) {
    var request =
        as("admin").delete().uri("/api/v1/units/{u}/committee/{p}?reason=r", ORG, SECRETARY);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return request.retrieve().toEntity(String.class);
  }

  private int seats() {
    return jdbc.sql(
            "select count(*) from evaluation.unit_committee_member where unit_id = :u and body = 'COMMITTEE'")
        .param("u", ORG)
        .query(Integer.class)
        .single();
  }

  private static String csrf(PageSession page) throws Exception {
    return URLEncoder.encode(
        page.csrf(page.get("/app/units/" + ORG).body()), StandardCharsets.UTF_8);
  }
}
