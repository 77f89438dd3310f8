package vn.party.evaluation.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.UnitFixture;
import vn.party.evaluation.pages.PageSession;

/**
 * Issues 12/13, what an outside tester found: the grassroots committee seated the auditor, the committee above and the
 * administrator on its own committee (the read-only auditor then got the committee's tasks, the committee above sat in
 * the body whose results it re-appraises), and a member seated on the inspection committee joined the global
 * {@code auditors} group and read every evaluation of every organization.
 *
 * <ul>
 *   <li>only an active, official, not suspended party member on the organization's roster sits on its committees:
 *       anyone else is refused with 400 naming {@code personId}, in Vietnamese and English, and nothing is written;</li>
 *   <li>an organization's inspection committee is the group {@code inspection-{organization}}: its members read that
 *       organization's evaluations, history, roster, reports and audit pages — and not another organization's.</li>
 * </ul>
 * Its own organization ({@code si-ward}) for the member of another organization; the demo organization's campaign
 * of {@value #YEAR}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeatsAndInspectionTest extends EvaluationFlowSupport {

  private static final int YEAR = 2058;
  private static final String CB1 = ORG + "-cb1";

  /** Another organization, with a member on its inspection committee. */
  private static final String OTHER = "si-ward";

  private static final String OTHER_INSPECTOR = "si-inspector";

  /** Branch 1, on no committee in the demo data: seated on the demo organization's inspection committee. */
  private static final String INSPECTOR = "member5";

  @Autowired private IdentityService identityService;

  @BeforeAll
  void anotherOrganization() {
    UnitFixture units = unitFixture();
    units.create(
        "ORGANIZATION", UnitFixture.ABOVE, "Đảng bộ phường Thử Kiểm Tra", OTHER, "2000-01-01");
    units.create("BRANCH", OTHER, "Chi bộ Thử Kiểm Tra", "si-cb1", "2000-01-01");
    member(OTHER_INSPECTOR, "Kiểm Tra Viên Thử", "ACTIVE", false);
    member("si-left", "Đã Chuyển Đi Thử", "LEFT", false);
    member("si-suspended", "Đình Chỉ Thử", "ACTIVE", true);
    ResponseEntity<String> seated = seat("admin", OTHER, OTHER_INSPECTOR, "INSPECTION", "MEMBER");
    assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
  }

  @AfterAll
  void theDemoAsBefore() {
    as("admin")
        .delete()
        .uri("/api/v1/units/{u}/committee/{p}?body=INSPECTION&reason=r", ORG, INSPECTOR)
        .retrieve()
        .toEntity(String.class);
  }

  @Test
  @Order(1)
  void onlyActiveMembersOfTheOrganizationSitOnItsCommittees() {
    int seats = count("unit_committee_member");
    int history = count("unit_history");
    Object[][] cases = {
      // the tester's three: the auditor, the committee above, the administrator, on the committee
      // and on the
      // inspection committee, whoever seats them
      {"committee", ORG, "auditor", "COMMITTEE", "not-a-member-here"},
      {"committee", ORG, "district", "COMMITTEE", "not-a-member-here"},
      {"committee", ORG, "admin", "COMMITTEE", "not-a-member-here"},
      {"admin", ORG, "auditor", "COMMITTEE", "not-a-member-here"},
      {"admin", ORG, "district", "INSPECTION", "not-a-member-here"},
      {"committee", ORG, "auditor", "INSPECTION", "not-a-member-here"},
      {"committee", CB1, "district", "COMMITTEE", "not-a-member-here"},
      // member6 belongs to branch 2: not on branch 1's committee (outsider's finding)
      {"committee", CB1, "member6", "COMMITTEE", "not-a-member-of-unit"},
      {"committee", ORG + "-kv2", "admin", "COMMITTEE", "not-a-member-here"},
      // a member of another organization
      {"committee", ORG, OTHER_INSPECTOR, "INSPECTION", "not-a-member-here"},
      {"admin", CB1, OTHER_INSPECTOR, "COMMITTEE", "not-a-member-here"},
      {"admin", OTHER, INSPECTOR, "COMMITTEE", "not-a-member-here"},
      // members of the organization who may not sit: left, suspended from activities
      {"admin", OTHER, "si-left", "COMMITTEE", "member-not-active"},
      {"admin", "si-cb1", "si-suspended", "COMMITTEE", "member-suspended"},
      {"admin", OTHER, "si-suspended", "INSPECTION", "member-suspended"},
    };
    for (Object[] c : cases) {
      ResponseEntity<String> refused =
          seat((String) c[0], (String) c[1], (String) c[2], (String) c[3], "MEMBER");
      assertThat(refused.getStatusCode().value())
          .as("%s seats %s on %s %s: %s", c[0], c[2], c[1], c[3], refused.getBody())
          .isEqualTo(400);
      JsonNode error = UnitsApiTest.error(refused.getBody(), "personId");
      assertThat(error).as(refused.getBody()).isNotNull();
      assertThat(error.get("reason").asText()).as("%s on %s", c[2], c[1]).isEqualTo(c[4]);
      assertThat(error.get("message").asText()).startsWith("Trường Người được phân công: ");
    }
    ResponseEntity<String> english =
        as("committee")
            .put()
            .uri("/api/v1/units/{u}/committee", ORG)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("personId", "auditor", "body", "COMMITTEE"))
            .retrieve()
            .toEntity(String.class);
    assertThat(UnitsApiTest.error(english.getBody(), "personId").get("message").asText())
        .isEqualTo(
            "Person: only an active party member on this organization's roster may sit on its committee or "
                + "inspection committee (not an inspection, committee-above or administrator account, nor a member of "
                + "another organization).");

    // nothing written: no seat, no history, no engine membership
    assertThat(count("unit_committee_member")).isEqualTo(seats);
    assertThat(count("unit_history")).isEqualTo(history);
    for (String person : List.of("auditor", "district", "admin")) {
      assertThat(memberOf(person, "org-committee-" + ORG)).as(person).isFalse();
      assertThat(memberOf(person, "inspection-" + ORG)).as(person).isFalse();
    }
    assertThat(memberOf(OTHER_INSPECTOR, "inspection-" + ORG)).isFalse();
    assertThat(memberOf("si-suspended", "inspection-" + OTHER)).isFalse();
    // and the auditor gets no committee task of this organization's year (other tests' years may
    // list tasks the
    // auditor reads, never works)
    List<String> offered = new ArrayList<>();
    json(as("auditor").get().uri("/api/v1/tasks").retrieve().body(String.class))
        .forEach(
            task -> {
              if (task.path("year").asInt() == YEAR) {
                offered.add(task.path("taskKey").asText());
              }
            });
    assertThat(offered).doesNotContain("committee-decision");
  }

  @Test
  @Order(2)
  void anOrganizationsInspectionCommitteeReadsThatOrganizationOnly() throws Exception {
    launchedCampaign(YEAR);
    ResponseEntity<String> seated = seat("committee", ORG, INSPECTOR, "INSPECTION", "MEMBER");
    assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
    assertThat(memberOf(INSPECTOR, "inspection-" + ORG)).isTrue();
    assertThat(memberOf(INSPECTOR, "auditors")).isFalse();
    assertThat(memberOf(OTHER_INSPECTOR, "inspection-" + OTHER)).isTrue();
    assertThat(memberOf(OTHER_INSPECTOR, "auditors")).isFalse();

    // the organization's inspector: every evaluation, history and roster record of the organization
    for (String uri :
        List.of(
            "/api/v1/evaluations/" + YEAR + "/member12",
            "/api/v1/evaluations/" + YEAR + "/member3/history",
            "/api/v1/members/member12")) {
      assertThat(status(INSPECTOR, uri)).as(uri).isEqualTo(200);
    }
    assertThat(status(INSPECTOR, "/api/v1/members/" + OTHER_INSPECTOR)).isEqualTo(403);

    // another organization's inspector: nothing of this organization (the tester's GET
    // evaluations/…/member3)
    for (String uri :
        List.of(
            "/api/v1/evaluations/" + YEAR + "/member3",
            "/api/v1/evaluations/" + YEAR + "/member3/history",
            "/api/v1/evaluations/" + YEAR + "/member12",
            "/api/v1/members/member3")) {
      assertThat(status(OTHER_INSPECTOR, uri)).as(uri).isEqualTo(403);
    }
    // the global auditor still reads every organization
    assertThat(status("auditor", "/api/v1/evaluations/" + YEAR + "/member3")).isEqualTo(200);
    assertThat(status("auditor", "/api/v1/members/" + OTHER_INSPECTOR)).isEqualTo(200);

    // the pages: the audit search, the signals, the report and the evaluation of its own
    // organization only
    PageSession own = PageSession.of(port, INSPECTOR, "demo");
    String search = own.get("/app/audit?year=" + YEAR).body();
    assertThat(search).contains("data-member=\"member12\"", "data-member=\"member3\"");
    assertThat(own.get("/app/audit/signals?year=" + YEAR).statusCode()).isEqualTo(200);
    assertThat(own.get("/app/reports/" + ORG + "/" + YEAR).statusCode()).isEqualTo(200);
    assertThat(own.get("/app/evaluations/" + YEAR + "/member12").statusCode()).isEqualTo(200);
    assertThat(own.get("/app/reports/" + OTHER + "/" + YEAR).statusCode()).isEqualTo(403);

    PageSession other = PageSession.of(port, OTHER_INSPECTOR, "demo");
    var otherSearch = other.get("/app/audit?year=" + YEAR + "&organization=" + ORG);
    assertThat(otherSearch.statusCode()).isEqualTo(200);
    assertThat(otherSearch.body())
        .doesNotContain("data-member=\"member3\"", "data-member=\"member12\"")
        .doesNotContain(
            "Chi bộ Khu dân cư số 1"); // not even the other organization's branches in the picker
    assertThat(other.get("/app/evaluations/" + YEAR + "/member3").statusCode()).isEqualTo(403);
    assertThat(other.get("/app/reports/" + ORG + "/" + YEAR).statusCode()).isEqualTo(403);
    assertThat(other.get("/app/members/member3").statusCode()).isEqualTo(403);

    // the engine grants the organization's inspection committee nothing: no Cockpit, no engine
    // history (the
    // engine's authorizations cannot scope a read to one organization's instances; the pages above
    // are its door)
    JsonNode history =
        json(
            as(INSPECTOR)
                .get()
                .uri(
                    "/engine-rest/history/process-instance?processInstanceBusinessKey="
                        + YEAR
                        + ":member12")
                .retrieve()
                .body(String.class));
    assertThat(history).isEmpty();
  }

  // ---- helpers

  /** A party member of the other organization's branch with a sign-in (the demo password, as the demo's). */
  private void member(String id, String name, String status, boolean suspended) {
    unitFixture().member(identityService, id, name, "", "si-cb1", status, suspended);
  }

  private ResponseEntity<String> seat(
      String user, String unit, String person, String body, String role) {
    return unitFixture().seat(user, unit, person, body, role);
  }

  private boolean memberOf(String user, String group) {
    return unitFixture().memberOf(user, group);
  }

  private int count(String table) {
    return jdbc.sql("select count(*) from evaluation." + table).query(Integer.class).single();
  }

  private int status(String user, String uri) {
    return as(user).get().uri(uri).retrieve().toEntity(String.class).getStatusCode().value();
  }
}
