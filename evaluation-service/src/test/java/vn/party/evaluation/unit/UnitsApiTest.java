package vn.party.evaluation.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.party.evaluation.UnitFixture.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
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

/**
 * The organization tree through /api/v1/units: the demo's tree (the committee above, the ward, one sub-committee with
 * branch 3 under it); the grassroots committee sets up a sub-committee and a branch under it, which is a rating
 * collective of the ward at that depth; renames and opening dates reach the collective's row; refusals name the field
 * and write nothing; mergers move the members with their roster history; dissolution keeps the unit and its history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitsApiTest extends EvaluationFlowSupport {

  @Autowired IdentityService identityService;

  /** The test's own organization, so the demo's stays as every other test expects it. */
  static final String WARD = "ut-ward";

  /** Its grassroots committee: an account made for the test and seated through the API. */
  static final String BOSS = "ut-committee";

  @org.junit.jupiter.api.BeforeAll
  void ward() {
    // only a party member of the organization sits on its committee: the account is one, in a
    // branch of the ward
    unitFixture()
        .organizationWithSecretary(
            identityService,
            new UnitFixture.Unit(WARD, "Đảng bộ phường Thử Cây"),
            new UnitFixture.Unit("ut-cb40", "Chi bộ Tổ 40"),
            new UnitFixture.Person(BOSS, "Thường trực", "Thử"));
  }

  @AfterAll
  void cleanUp() {
    // the test's own member leaves nothing on the demo branches
    jdbc.sql("update evaluation.party_member set status = 'LEFT' where id = 'ut-member'").update();
  }

  @Test
  @Order(1)
  void everybodyReadsTheDemoTreeParentsBeforeChildren() {
    ResponseEntity<String> answer =
        as("member4").get().uri("/api/v1/units").retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    Map<String, JsonNode> byId = new HashMap<>();
    json(answer.getBody())
        .forEach(
            u -> {
              ids.add(u.get("id").asText());
              byId.put(u.get("id").asText(), u);
            });
    assertThat(byId.get("thanh-khe").get("kind").asText()).isEqualTo("SUPERIOR_COMMITTEE");
    assertThat(byId.get(ORG).get("parentId").asText()).isEqualTo("thanh-khe");
    assertThat(byId.get(ORG).get("openedOn").asText()).isEqualTo("1997-01-01");
    assertThat(byId.get("thanh-khe-tay-kv2").get("kind").asText()).isEqualTo("SUB_COMMITTEE");
    assertThat(byId.get(ORG + "-cb3").get("parentId").asText()).isEqualTo("thanh-khe-tay-kv2");
    assertThat(byId.get(ORG + "-cb3").get("organizationId").asText()).isEqualTo(ORG);
    assertThat(byId.get(ORG + "-cb1").get("parentId").asText()).isEqualTo(ORG);
    assertThat(ids.indexOf("thanh-khe")).isLessThan(ids.indexOf(ORG));
    assertThat(ids.indexOf(ORG)).isLessThan(ids.indexOf("thanh-khe-tay-kv2"));
    assertThat(ids.indexOf("thanh-khe-tay-kv2")).isLessThan(ids.indexOf(ORG + "-cb3"));

    JsonNode cb1 =
        json(
            as("auditor")
                .get()
                .uri("/api/v1/units/{id}", ORG + "-cb1")
                .retrieve()
                .body(String.class));
    assertThat(cb1.at("/unit/kind").asText()).isEqualTo("BRANCH");
    assertThat(cb1.get("committee").findValuesAsText("personId")).containsExactly("secretary1");
    assertThat(cb1.get("history").get(0).get("action").asText()).isEqualTo("CREATED");
    assertThat(status("member4", "/api/v1/units/nowhere")).isEqualTo(404);
  }

  @Test
  @Order(2)
  void theGrassrootsCommitteeSetsUpASubCommitteeAndABranchBelowIt() {
    ResponseEntity<String> sub =
        create(
            BOSS,
            Map.of(
                "kind",
                "SUB_COMMITTEE",
                "parentId",
                WARD,
                "name",
                "Đảng bộ bộ phận Khu vực 9",
                "code",
                "UT-BP9",
                "openedOn",
                "2020-01-15",
                "reason",
                "NQ 3/NQ-ĐU"));
    assertThat(sub.getStatusCode().value()).as(sub.getBody()).isEqualTo(201);
    assertThat(sub.getHeaders().getLocation()).hasToString("/api/v1/units/ut-bp9");
    assertThat(json(sub.getBody()).get("organizationId").asText()).isEqualTo(WARD);

    ResponseEntity<String> branch =
        create(
            BOSS,
            body(
                "BRANCH",
                "ut-bp9",
                "Chi bộ Tổ 41",
                "ut-cb41",
                LocalDate.now().minusMonths(2).toString()));
    assertThat(branch.getStatusCode().value()).as(branch.getBody()).isEqualTo(201);
    // a collective of the ward at any depth: campaigns, reports and quotas read
    // branch.organization_id
    Map<String, Object> row =
        jdbc.sql(
                "select organization_id, name, established_on from evaluation.branch where id = "
                    + "'ut-cb41'")
            .query()
            .singleRow();
    assertThat(row.get("organization_id")).isEqualTo(WARD);
    assertThat(row.get("name")).isEqualTo("Chi bộ Tổ 41");
    assertThat(row.get("established_on").toString())
        .isEqualTo(LocalDate.now().minusMonths(2).toString());
    // the branch committee's engine group exists before anyone sits on it
    assertThat(
            jdbc.sql(
                    "select count(*) from public.act_id_group where id_ = 'branch-committee-ut-cb41'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    JsonNode detail =
        json(as("member9").get().uri("/api/v1/units/ut-bp9").retrieve().body(String.class));
    assertThat(detail.get("children").findValuesAsText("id")).containsExactly("ut-cb41");
    JsonNode created = detail.get("history").get(0);
    assertThat(created.get("action").asText()).isEqualTo("CREATED");
    assertThat(created.get("actor").asText()).isEqualTo(BOSS);
    assertThat(created.get("reason").asText()).isEqualTo("NQ 3/NQ-ĐU");
  }

  @Test
  @Order(3)
  void aRenameAndANewOpeningDateReachTheCollectiveAndTheHistory() {
    ResponseEntity<String> changed =
        as(BOSS)
            .patch()
            .uri("/api/v1/units/ut-cb41")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "name",
                    "Chi bộ Tổ dân phố 41",
                    "openedOn",
                    "2019-06-01",
                    "reason",
                    "QĐ 12-QĐ/ĐU"))
            .retrieve()
            .toEntity(String.class);
    assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
    Map<String, Object> row =
        jdbc.sql("select name, established_on from evaluation.branch where id = 'ut-cb41'")
            .query()
            .singleRow();
    assertThat(row.get("name")).isEqualTo("Chi bộ Tổ dân phố 41");
    assertThat(row.get("established_on").toString()).isEqualTo("2019-06-01");
    JsonNode last = last(history("ut-cb41"));
    assertThat(last.get("action").asText()).isEqualTo("RENAMED");
    assertThat(last.at("/details/name/from").asText()).isEqualTo("Chi bộ Tổ 41");
    assertThat(last.at("/details/name/to").asText()).isEqualTo("Chi bộ Tổ dân phố 41");
    assertThat(last.at("/details/openedOn/to").asText()).isEqualTo("2019-06-01");
    int entries = history("ut-cb41").size();
    // the same again records nothing
    as(BOSS)
        .patch()
        .uri("/api/v1/units/ut-cb41")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "Chi bộ Tổ dân phố 41", "reason", "lại"))
        .retrieve()
        .toEntity(String.class);
    assertThat(history("ut-cb41")).hasSize(entries);
    assertThatThrownBy(() -> jdbc.sql("update evaluation.unit_history set reason = 'x'").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from evaluation.unit_history").update())
        .hasMessageContaining("append-only");
  }

  @Test
  @Order(4)
  void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
    int units = count();
    Object[][] cases = {
      {Map.of(), "kind", "required"},
      {body("CELL", null, "x", "ut-x", null), "kind", "invalid-kind"},
      {body("BRANCH", null, "x", "ut-x", null), "parentId", "required"},
      {body("BRANCH", "thanh-khe", "x", "ut-x", null), "parentId", "wrong-parent-kind"},
      {body("SUB_COMMITTEE", "ut-bp9", "x", "ut-x", null), "parentId", "wrong-parent-kind"},
      {body("BRANCH", "nowhere", "x", "ut-x", null), "parentId", "unknown"},
      {body("BRANCH", WARD, null, "ut-x", null), "name", "required"},
      // issue 12, finding 10: a name of only zero-width characters is refused like a blank one
      {body("BRANCH", WARD, "\u200b\u200b", "ut-x", null), "name", "required"},
      {body("BRANCH", WARD, " \u200c\ufeff\u2060 ", "ut-x", null), "name", "required"},
      {body("BRANCH", WARD, "x".repeat(301), "ut-x", null), "name", "too-long"},
      {body("BRANCH", WARD, "a\u0000b", "ut-x", null), "name", "control-characters"},
      {body("BRANCH", WARD, "x", null, null), "code", "required"},
      {body("BRANCH", WARD, "x", "có dấu", null), "code", "invalid-format"},
      {body("BRANCH", WARD, "x", "UT-CB41", null), "code", "unit-taken"},
      {body("BRANCH", WARD, "x", ORG + "-cb1", null), "code", "unit-taken"},
      {body("BRANCH", WARD, "x", "ut-x", "15/01/2020"), "openedOn", "invalid-format"},
      {
        body("BRANCH", WARD, "x", "ut-x", LocalDate.now().plusDays(2).toString()),
        "openedOn",
        "in-future"
      },
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      ResponseEntity<String> refused = create(BOSS, (Map<String, Object>) c[0]);
      assertThat(refused.getStatusCode().value()).as("%s", c[0]).isEqualTo(400);
      JsonNode error = error(refused.getBody(), (String) c[1]);
      assertThat(error).as("%s → %s", c[0], refused.getBody()).isNotNull();
      assertThat(error.get("reason").asText()).as("%s", c[0]).isEqualTo(c[2]);
      assertThat(error.get("message").asText()).isNotBlank();
    }
    ResponseEntity<String> english =
        as(BOSS)
            .post()
            .uri("/api/v1/units")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("kind", "BRANCH", "parentId", WARD, "code", "ut-x"))
            .retrieve()
            .toEntity(String.class);
    assertThat(error(english.getBody(), "name").get("message").asText()).contains("Name");
    assertThat(count()).isEqualTo(units);
  }

  @Test
  @Order(5)
  void onlyAdministratorsAndTheOrganizationsCommitteeChangeTheTree() {
    Map<String, Object> branch =
        Map.of("kind", "BRANCH", "parentId", WARD, "name", "x", "code", "ut-denied");
    for (String user : List.of("committee", "secretary1", "member1", "auditor", "district")) {
      assertThat(create(user, branch).getStatusCode().value())
          .as("POST as %s", user)
          .isEqualTo(403);
    }
    // an organization, or the committee above, is the administrators'
    assertThat(
            create(BOSS, body("ORGANIZATION", "thanh-khe", "x", "ut-denied", null))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            as("secretary1")
                .patch()
                .uri("/api/v1/units/{id}", ORG + "-cb1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "x", "reason", "r"))
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            anonymous()
                .get()
                .uri("/api/v1/units")
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(count("ut-denied")).isZero();
  }

  @Test
  @Order(6)
  void aMergerMovesTheMembersWithTheirRosterHistoryAndClosesTheBranch() {
    assertThat(
            create(BOSS, body("BRANCH", WARD, "Chi bộ Tổ 42", "ut-cb42", null))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    jdbc.sql(
            """
        insert into evaluation.party_member (id, full_name, branch_id, membership, status, admitted_on, head_of,
          leadership)
        values ('ut-member', 'Trương Văn Thử', 'ut-cb42', 'OFFICIAL', 'ACTIVE', date '2015-01-01', 'BRANCH',
          'BRANCH_COMMITTEE')""")
        .update();

    ResponseEntity<String> notEmpty =
        post(BOSS, "/api/v1/units/ut-cb42/dissolution", Map.of("reason", "r"));
    assertThat(error(notEmpty.getBody(), "id").get("reason").asText()).isEqualTo("unit-not-empty");
    ResponseEntity<String> wrongKind =
        post(BOSS, "/api/v1/units/ut-cb42/merger", Map.of("into", "ut-bp9", "reason", "r"));
    assertThat(error(wrongKind.getBody(), "into").get("reason").asText()).isEqualTo("merge-kind");
    assertThat(
            error(
                    post(
                            BOSS,
                            "/api/v1/units/ut-cb42/merger",
                            Map.of("into", "ut-cb42", "reason", "r"))
                        .getBody(),
                    "into")
                .get("reason")
                .asText())
        .isEqualTo("merge-self");
    assertThat(
            error(
                    post(BOSS, "/api/v1/units/ut-cb42/merger", Map.of("into", "ut-cb41")).getBody(),
                    "reason")
                .get("reason")
                .asText())
        .isEqualTo("required");
    assertThat(
            post(
                    "secretary1",
                    "/api/v1/units/ut-cb42/merger",
                    Map.of("into", "ut-cb41", "reason", "r"))
                .getStatusCode()
                .value())
        .isEqualTo(403);

    String reason = "NQ 7/NQ-ĐU hợp nhất Tổ 42 vào Tổ 41";
    ResponseEntity<String> merged =
        post(BOSS, "/api/v1/units/ut-cb42/merger", Map.of("into", "ut-cb41", "reason", reason));
    assertThat(merged.getStatusCode().value()).as(merged.getBody()).isEqualTo(200);
    assertThat(json(merged.getBody()).get("mergedInto").asText()).isEqualTo("ut-cb41");
    assertThat(json(merged.getBody()).get("dissolvedOn").asText()).isNotBlank();

    Map<String, Object> member =
        jdbc.sql(
                "select branch_id, head_of, leadership from evaluation.party_member "
                    + "where id = 'ut-member'")
            .query()
            .singleRow();
    assertThat(member.get("branch_id")).isEqualTo("ut-cb41");
    assertThat(member.get("head_of"))
        .isNull(); // the headship of the branch left behind does not travel
    assertThat(member.get("leadership")).isNull();
    JsonNode change =
        last(
            json(
                as(BOSS)
                    .get()
                    .uri("/api/v1/members/ut-member/changes")
                    .retrieve()
                    .body(String.class)));
    assertThat(change.get("reason").asText()).isEqualTo(reason);
    assertThat(change.get("changes").findValuesAsText("field"))
        .containsExactly("branchId", "headOf", "leadership");
    assertThat(change.at("/changes/0/from").asText()).isEqualTo("ut-cb42");
    assertThat(change.at("/changes/0/to").asText()).isEqualTo("ut-cb41");

    assertThat(
            jdbc.sql("select dissolved_on is not null from evaluation.branch where id = 'ut-cb42'")
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(last(history("ut-cb42")).get("action").asText()).isEqualTo("MERGED");
    assertThat(last(history("ut-cb41")).get("action").asText()).isEqualTo("MERGED_IN");
    // closed for good: no second merger, no dissolution, no seat
    assertThat(
            error(
                    post(BOSS, "/api/v1/units/ut-cb42/dissolution", Map.of("reason", "r"))
                        .getBody(),
                    "id")
                .get("reason")
                .asText())
        .isEqualTo("unit-dissolved");
  }

  @Test
  @Order(7)
  void anEmptyUnitIsDissolvedAndKeptWithItsHistory() {
    assertThat(
            create(
                    BOSS,
                    body("SUB_COMMITTEE", WARD, "Đảng bộ bộ phận tạm", "ut-bp-tmp", "2021-01-01"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(
            error(
                    post(
                            BOSS,
                            "/api/v1/units/ut-bp-tmp/dissolution",
                            Map.of("on", "2020-12-31", "reason", "r"))
                        .getBody(),
                    "on")
                .get("reason")
                .asText())
        .isEqualTo("before-opening");
    ResponseEntity<String> dissolved =
        post(
            BOSS,
            "/api/v1/units/ut-bp-tmp/dissolution",
            Map.of("on", "2022-06-30", "reason", "QĐ giải thể số 9"));
    assertThat(dissolved.getStatusCode().value()).as(dissolved.getBody()).isEqualTo(200);
    assertThat(json(dissolved.getBody()).get("dissolvedOn").asText()).isEqualTo("2022-06-30");
    JsonNode kept =
        json(as("member1").get().uri("/api/v1/units/ut-bp-tmp").retrieve().body(String.class));
    assertThat(kept.get("history").findValuesAsText("action"))
        .containsExactly("CREATED", "DISSOLVED");
    // the ward itself is dissolved only by an administrator, and not while it has branches
    assertThat(
            post(BOSS, "/api/v1/units/" + WARD + "/dissolution", Map.of("reason", "r"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            error(
                    post("admin", "/api/v1/units/" + WARD + "/dissolution", Map.of("reason", "r"))
                        .getBody(),
                    "id")
                .get("reason")
                .asText())
        .isEqualTo("unit-not-empty");
  }

  // ---- helpers

  private ResponseEntity<String> create(String user, Map<String, ?> body) {
    return unitFixture().post(user, body);
  }

  private ResponseEntity<String> post(String user, String uri, Map<String, ?> body) {
    return unitFixture().postJson(user, uri, body);
  }

  private int status(String user, String uri) {
    return as(user).get().uri(uri).retrieve().toEntity(String.class).getStatusCode().value();
  }

  private JsonNode history(String unit) {
    return json(as(BOSS).get().uri("/api/v1/units/{id}", unit).retrieve().body(String.class))
        .get("history");
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  private int count() {
    return jdbc.sql("select count(*) from evaluation.unit").query(Integer.class).single();
  }

  private int count(String id) {
    return jdbc.sql("select count(*) from evaluation.unit where id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  static JsonNode error(String body, String field) {
    JsonNode errors = json(body).get("errors");
    if (errors == null) {
      return null;
    }
    for (JsonNode error : errors) {
      if (field.equals(error.get("field").asText())) {
        return error;
      }
    }
    return null;
  }
}
