package vn.party.evaluation.unit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.UnitFixture;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.unit.UnitApi.SeatRequest;

/**
 * Roles set on the units, not in Camunda Admin: seating a person on a branch committee, the grassroots committee, the
 * inspection committee or the committee above gives exactly the engine group the role needs — checked by what the
 * person may then read (the rights of the existing authorization rules) and by the engine's memberships (the
 * inspection committee: the organization's own {@code inspection-{organization}} group) — and taking
 * the seat away takes the rights away. A party member's roster follows: the committee seat ({@code leadership}) and,
 * for a secretary, the headship ({@code headOf}), each with a change record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommitteeRolesTest extends EvaluationFlowSupport {

  @Autowired private UnitService units;

  private static final String CB1 = ORG + "-cb1";

  /** cb1, on no committee in the demo data. */
  private static final String PERSON = "member3";

  @AfterAll
  void theDemoSeatsAgain() {
    secretary1BackInThePost();
    for (String[] seat :
        List.of(
            new String[] {CB1, "COMMITTEE"},
            new String[] {ORG, "INSPECTION"},
            new String[] {ORG, "COMMITTEE"})) {
      as("admin")
          .delete()
          .uri("/api/v1/units/{u}/committee/{p}?body={b}&reason=r", seat[0], PERSON, seat[1])
          .retrieve()
          .toEntity(String.class);
    }
  }

  @Test
  @Order(1)
  void aSeatOnABranchCommitteeGivesTheBranchsRightsAndTheRosterSaysSo() {
    assertThat(status(PERSON, "/api/v1/members/member4")).isEqualTo(403);
    assertThat(memberOf(PERSON, "branch-committee-" + CB1)).isFalse();

    ResponseEntity<String> seated = seat("committee", CB1, PERSON, "COMMITTEE", "MEMBER");
    assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
    assertThat(json(seated.getBody()).get("role").asText()).isEqualTo("MEMBER");
    assertThat(memberOf(PERSON, "branch-committee-" + CB1)).isTrue();
    assertThat(status(PERSON, "/api/v1/members/member4")).isEqualTo(200);
    assertThat(status(PERSON, "/api/v1/members/member7")).isEqualTo(403); // another branch
    JsonNode roster =
        json(
            as("committee").get().uri("/api/v1/members/{m}", PERSON).retrieve().body(String.class));
    assertThat(roster.get("leadership").asText()).isEqualTo("BRANCH_COMMITTEE");
    assertThat(roster.get("headOf").isNull()).isTrue();
    assertThat(lastChange(PERSON).get("changedBy").asText()).isEqualTo("committee");
  }

  @Test
  @Order(2)
  void aNewSecretaryTakesThePostAndHeadsTheBranch() {
    ResponseEntity<String> seated = seat("committee", CB1, PERSON, "COMMITTEE", "SECRETARY");
    assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
    JsonNode unit =
        json(as("member1").get().uri("/api/v1/units/{u}", CB1).retrieve().body(String.class));
    assertThat(role(unit, PERSON)).isEqualTo("SECRETARY");
    assertThat(role(unit, "secretary1"))
        .isEqualTo("MEMBER"); // still on the committee, no longer its secretary
    assertThat(memberOf("secretary1", "branch-committee-" + CB1)).isTrue();
    JsonNode roster =
        json(
            as("committee").get().uri("/api/v1/members/{m}", PERSON).retrieve().body(String.class));
    assertThat(roster.get("headOf").asText()).isEqualTo("BRANCH");
    JsonNode history = unit.get("history");
    assertThat(history.findValuesAsText("action")).contains("SEATED", "ROLE_CHANGED");

    // the previous secretary back in the post: the member heads nothing, stays on the committee
    secretary1BackInThePost();
    roster =
        json(
            as("committee").get().uri("/api/v1/members/{m}", PERSON).retrieve().body(String.class));
    assertThat(roster.get("headOf").isNull()).isTrue();
    assertThat(roster.get("leadership").asText()).isEqualTo("BRANCH_COMMITTEE");
  }

  @Test
  @Order(3)
  void leavingTheCommitteeTakesTheRightsAway() {
    ResponseEntity<String> removed =
        as("committee")
            .delete()
            .uri(
                "/api/v1/units/{u}/committee/{p}?reason={r}",
                CB1,
                PERSON,
                "Thôi chi ủy viên theo NQ 4")
            .retrieve()
            .toEntity(String.class);
    assertThat(removed.getStatusCode().value()).as(removed.getBody()).isEqualTo(204);
    assertThat(memberOf(PERSON, "branch-committee-" + CB1)).isFalse();
    assertThat(status(PERSON, "/api/v1/members/member4")).isEqualTo(403);
    JsonNode roster =
        json(
            as("committee").get().uri("/api/v1/members/{m}", PERSON).retrieve().body(String.class));
    assertThat(roster.get("leadership").isNull()).isTrue();
    assertThat(lastChange(PERSON).get("reason").asText()).isEqualTo("Thôi chi ủy viên theo NQ 4");
    assertThat(
            as("committee")
                .delete()
                .uri("/api/v1/units/{u}/committee/{p}?reason=r", CB1, PERSON)
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(400); // not on it (any more): refused on personId
  }

  @Test
  @Order(4)
  void theInspectionCommitteeAndTheGrassrootsCommittee() {
    assertThat(status(PERSON, "/api/v1/members/member12")).isEqualTo(403);
    assertThat(seat("committee", ORG, PERSON, "INSPECTION", "MEMBER").getStatusCode().value())
        .isEqualTo(200);
    // the organization's own inspection group, never the global auditors group
    assertThat(memberOf(PERSON, "inspection-" + ORG)).isTrue();
    assertThat(memberOf(PERSON, "auditors")).isFalse();
    assertThat(status(PERSON, "/api/v1/members/member12"))
        .isEqualTo(200); // the organization's every member
    as("committee")
        .delete()
        .uri("/api/v1/units/{u}/committee/{p}?body=INSPECTION&reason=r", ORG, PERSON)
        .retrieve()
        .toEntity(String.class);
    assertThat(memberOf(PERSON, "inspection-" + ORG)).isFalse();
    assertThat(status(PERSON, "/api/v1/members/member12")).isEqualTo(403);

    // on the grassroots committee: it may change the roster (PATCH), its leadership is the
    // organization's
    assertThat(seat("committee", ORG, PERSON, "COMMITTEE", "MEMBER").getStatusCode().value())
        .isEqualTo(200);
    assertThat(memberOf(PERSON, "org-committee-" + ORG)).isTrue();
    assertThat(
            json(as("committee")
                    .get()
                    .uri("/api/v1/members/{m}", PERSON)
                    .retrieve()
                    .body(String.class))
                .get("leadership")
                .asText())
        .isEqualTo("ORGANIZATION_COMMITTEE");
    assertThat(status(PERSON, "/api/v1/members/member12")).isEqualTo(200);
    as("committee")
        .delete()
        .uri("/api/v1/units/{u}/committee/{p}?reason=r", ORG, PERSON)
        .retrieve()
        .toEntity(String.class);
    assertThat(memberOf(PERSON, "org-committee-" + ORG)).isFalse();
    assertThat(
            json(as("admin").get().uri("/api/v1/members/{m}", PERSON).retrieve().body(String.class))
                .get("leadership")
                .isNull())
        .isTrue();
  }

  @Test
  @Order(5)
  void theCommitteeAboveFollowsItsOrganizations() {
    // the district account sits on the committee above: a new organization under it is supervised
    // at once
    ResponseEntity<String> created =
        unitFixture()
            .post("ORGANIZATION", UnitFixture.ABOVE, "Đảng bộ phường Thử Nghiệm", "cr-ward", null);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    assertThat(memberOf("district", "superior-committee-cr-ward")).isTrue();
    assertThat(
            jdbc.sql("select count(*) from evaluation.organization where id = 'cr-ward'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // and a new seat on the committee above joins every organization's group under it
    assertThat(seat("admin", "thanh-khe", "auditor", "COMMITTEE", "MEMBER").getStatusCode().value())
        .isEqualTo(200);
    assertThat(memberOf("auditor", "superior-committee-cr-ward")).isTrue();
    assertThat(memberOf("auditor", "superior-committee-" + ORG)).isTrue();
    as("admin")
        .delete()
        .uri("/api/v1/units/thanh-khe/committee/auditor?reason=r")
        .retrieve()
        .toEntity(String.class);
    assertThat(memberOf("auditor", "superior-committee-cr-ward")).isFalse();
    assertThat(memberOf("auditor", "superior-committee-" + ORG)).isFalse();
    assertThat(memberOf("district", "superior-committee-" + ORG)).isTrue();
    // the committee above's inspection committee inspects each organization under it, not the whole
    // country
    assertThat(
            seat("admin", "thanh-khe", "auditor", "INSPECTION", "MEMBER").getStatusCode().value())
        .isEqualTo(200);
    assertThat(memberOf("auditor", "inspection-cr-ward")).isTrue();
    assertThat(memberOf("auditor", "inspection-" + ORG)).isTrue();
    as("admin")
        .delete()
        .uri("/api/v1/units/thanh-khe/committee/auditor?body=INSPECTION&reason=r")
        .retrieve()
        .toEntity(String.class);
    assertThat(memberOf("auditor", "inspection-cr-ward")).isFalse();
    assertThat(memberOf("auditor", "inspection-" + ORG)).isFalse();
    assertThat(memberOf("auditor", "auditors"))
        .isTrue(); // the demo's global account keeps its own group
  }

  @Test
  @Order(6)
  void whoMaySeatWhom() {
    for (String user : List.of("secretary1", "member1", "auditor", "district")) {
      assertThat(seat(user, CB1, PERSON, "COMMITTEE", "MEMBER").getStatusCode().value())
          .as("as %s", user)
          .isEqualTo(403);
    }
    assertThat(
            seat("committee", "thanh-khe", PERSON, "COMMITTEE", "MEMBER").getStatusCode().value())
        .isEqualTo(403);
    Object[][] cases = {
      {"nobody-such", "COMMITTEE", "MEMBER", "personId", "unknown-person"},
      {PERSON, "BOARD", "MEMBER", "body", "invalid-body"},
      {PERSON, "COMMITTEE", "CHAIR", "role", "invalid-role"},
      {PERSON, "INSPECTION", "MEMBER", "body", "inspection-not-here"},
      {"", "COMMITTEE", "MEMBER", "personId", "required"},
    };
    for (Object[] c : cases) {
      ResponseEntity<String> refused =
          seat("committee", CB1, (String) c[0], (String) c[1], (String) c[2]);
      assertThat(refused.getStatusCode().value()).as("%s", c[3]).isEqualTo(400);
      assertThat(UnitsApiTest.error(refused.getBody(), (String) c[3]).get("reason").asText())
          .isEqualTo(c[4]);
    }
    // a probationary member is not elected to a committee (Điều lệ Đảng, Điều 5)
    jdbc.sql("update evaluation.party_member set membership = 'PROBATIONARY' where id = 'member5'")
        .update();
    try {
      ResponseEntity<String> refused = seat("committee", CB1, "member5", "COMMITTEE", "MEMBER");
      assertThat(UnitsApiTest.error(refused.getBody(), "personId").get("reason").asText())
          .isEqualTo("probationary-on-committee");
    } finally {
      jdbc.sql("update evaluation.party_member set membership = 'OFFICIAL' where id = 'member5'")
          .update();
    }
    assertThat(memberOf("member5", "branch-committee-" + CB1)).isFalse();
  }

  /**
   * Issue 12, outsider's re-attack of 2026-12-06 (fourth session): a NUL in {@code personId} reached PostgreSQL and
   * answered 500. Every text of the seat request (as of every request record) is checked for the characters the API
   * refuses first: 400 naming the field, nothing seated.
   */
  @Test
  @Order(7)
  void aSeatRequestWithCharactersTheApiRefusesIsRefusedNamingTheField() {
    String[][] cases = {
      {"member5\u0000", "COMMITTEE", "MEMBER", "x", "personId", "control-characters"},
      {"member5", "COMMITTEE\u0007", "MEMBER", "x", "body", "control-characters"},
      {"member5", "COMMITTEE", "MEMBER\u0000", "x", "role", "control-characters"},
      {"member5", "COMMITTEE", "MEMBER", "lý do\u0000", "reason", "control-characters"},
      {"member5", "COMMITTEE", "MEMBER", "lý do \u202e", "reason", "invalid-characters"},
    };
    for (String[] c : cases) {
      ResponseEntity<String> refused =
          as("committee")
              .put()
              .uri("/api/v1/units/{u}/committee", CB1)
              .contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("personId", c[0], "body", c[1], "role", c[2], "reason", c[3]))
              .retrieve()
              .toEntity(String.class);
      assertThat(refused.getStatusCode().value()).as("%s", c[4]).isEqualTo(400);
      assertThat(UnitsApiTest.error(refused.getBody(), c[4]).get("reason").asText())
          .as("%s", c[4])
          .isEqualTo(c[5]);
    }
    assertThat(memberOf("member5", "branch-committee-" + CB1)).isFalse();
  }

  /**
   * The demo's secretary account back as branch 1's secretary: it is the demo's shared office account, on no roster,
   * which only the demo loader may seat ({@link UnitService#seatDemoAccount}); the API refuses it (see
   * {@code SeatsAndInspectionTest}).
   */
  private void secretary1BackInThePost() {
    units.seatDemoAccount(
        CB1,
        new SeatRequest("secretary1", "COMMITTEE", "SECRETARY", "Dữ liệu mẫu / demo data"),
        new CurrentUser("admin", List.of(Groups.ADMINS)));
  }

  private ResponseEntity<String> seat(
      String user, String unit, String person, String body, String role) {
    return unitFixture().seat(user, unit, person, body, role);
  }

  private boolean memberOf(String user, String group) {
    return unitFixture().memberOf(user, group);
  }

  private int status(String user, String uri) {
    return as(user).get().uri(uri).retrieve().toEntity(String.class).getStatusCode().value();
  }

  private JsonNode lastChange(String member) {
    JsonNode changes =
        json(
            as("admin")
                .get()
                .uri("/api/v1/members/{m}/changes", member)
                .retrieve()
                .body(String.class));
    return changes.get(changes.size() - 1);
  }

  private static String role(JsonNode unit, String person) {
    for (JsonNode seat : unit.get("committee")) {
      if (seat.get("personId").asText().equals(person)
          && seat.get("body").asText().equals("COMMITTEE")) {
        return seat.get("role").asText();
      }
    }
    return null;
  }
}
