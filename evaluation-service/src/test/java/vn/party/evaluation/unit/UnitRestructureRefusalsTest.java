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
import vn.party.evaluation.pages.PageSession;

/**
 * Outsider's re-attack of 2026-12-07 (eleventh session) on the units feature: a branch whose members are being
 * evaluated in a running campaign is neither merged nor dissolved (their open tasks would stay on a committee group
 * with nobody in it), at the API and on the page alike, and nothing is written; once their evaluations are decided it
 * is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitRestructureRefusalsTest extends EvaluationFlowSupport {

  @Autowired IdentityService identityService;

  /** The test's own organization, its grassroots committee and campaign year. */
  static final String WARD = "uf-ward";

  static final String BOSS = "uf-committee";
  static final int YEAR = 2093;

  @BeforeAll
  void ward() {
    UnitFixture units = unitFixture();
    units.organizationWithSecretary(
        identityService,
        new UnitFixture.Unit(WARD, "Đảng bộ phường Thử Hợp Nhất"),
        new UnitFixture.Unit("uf-cb2", "Chi bộ Hợp Nhất 2"),
        new UnitFixture.Person(BOSS, "Thường trực", "Hợp Nhất"));
    units.create("BRANCH", WARD, "Chi bộ Hợp Nhất 1", "uf-cb1", "2000-01-01");
    units.create("BRANCH", WARD, "Chi bộ Hợp Nhất 3", "uf-cb3", "2000-01-01");
    UUID campaign = UUID.randomUUID();
    jdbc.sql(
            """
            insert into evaluation.campaign (id, organization_id, year, regulation, self_review_due,
              residence_feedback_due, unit_assessment_due, branch_review_due, decision_due, status,
              members_total, members_started, roster_prepared, created_by)
            values (:id, :org, :year, 'QD-366-2025', now(), now(), now(), now(), now(), 'RUNNING', 2, 2, true,
              'admin')""")
        .param("id", campaign)
        .param("org", WARD)
        .param("year", YEAR)
        .update();
    // uf-m1 of branch 1 waits for its branch review; uf-m2, transferred to branch 2 after the
    // launch, is evaluated where it started (branch 3, which has nobody else)
    units.rosterRow("uf-m1", "uf-cb1");
    units.rosterRow("uf-m2", "uf-cb2");
    for (String[] evaluation :
        new String[][] {{"uf-m1", "uf-cb1", "BRANCH_REVIEW"}, {"uf-m2", "uf-cb3", "SELF_REVIEW"}}) {
      jdbc.sql(
              """
              insert into evaluation.member_evaluation (year, member_id, campaign_id, organization_id,
                branch_id, status) values (:year, :member, :campaign, :org, :branch, :status)""")
          .param("year", YEAR)
          .param("member", evaluation[0])
          .param("campaign", campaign)
          .param("org", WARD)
          .param("branch", evaluation[1])
          .param("status", evaluation[2])
          .update();
    }
  }

  /** Finding 1 (HIGH): a merger while the branch's members are under evaluation is refused, API and page. */
  @Test
  @Order(1)
  void aBranchUnderEvaluationIsNeitherMergedNorDissolved() throws Exception {
    int history = historySize("uf-cb1");
    ResponseEntity<String> merger =
        post("/api/v1/units/uf-cb1/merger", Map.of("into", "uf-cb2", "reason", "NQ 1/NQ-ĐU"));
    assertThat(merger.getStatusCode().value()).as(merger.getBody()).isEqualTo(400);
    JsonNode error = UnitsApiTest.error(merger.getBody(), "id");
    assertThat(error.get("reason").asText()).isEqualTo("unit-under-evaluation");
    assertThat(error.get("message").asText())
        .startsWith("Chưa thể hợp nhất Chi bộ Hợp Nhất 1: 1 đảng viên")
        .contains("chuyển từng đảng viên", "sau khi đợt kiểm điểm kết thúc");

    PageSession page = PageSession.of(port, BOSS);
    HttpResponse<String> refused =
        page.post(
            "/app/units/uf-cb1/merger",
            "into=uf-cb2&reason=r&_csrf=" + csrf(page, "/app/units/uf-cb1"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Chưa thể hợp nhất Chi bộ Hợp Nhất 1: 1 đảng viên");

    ResponseEntity<String> dissolution =
        post("/api/v1/units/uf-cb3/dissolution", Map.of("reason", "QĐ 2/QĐ-ĐU"));
    assertThat(dissolution.getStatusCode().value()).as(dissolution.getBody()).isEqualTo(400);
    assertThat(UnitsApiTest.error(dissolution.getBody(), "id").get("message").asText())
        .startsWith("Chưa thể giải thể Chi bộ Hợp Nhất 3: 1 đảng viên");

    // nothing written
    assertThat(
            jdbc.sql("select branch_id from evaluation.party_member where id = 'uf-m1'")
                .query(String.class)
                .single())
        .isEqualTo("uf-cb1");
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.unit where id in ('uf-cb1', 'uf-cb3')"
                        + " and dissolved_on is null")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(historySize("uf-cb1")).isEqualTo(history);

    // decided: the branch merges
    jdbc.sql(
            "update evaluation.member_evaluation set status = 'DECIDED' where year = :y and member_id = 'uf-m1'")
        .param("y", YEAR)
        .update();
    ResponseEntity<String> merged =
        post("/api/v1/units/uf-cb1/merger", Map.of("into", "uf-cb2", "reason", "NQ 1/NQ-ĐU"));
    assertThat(merged.getStatusCode().value()).as(merged.getBody()).isEqualTo(200);
  }

  /**
   * Finding 4 (MEDIUM): unseating someone not on the committee is a refusal next to the form (400, as the page's other
   * refusals), naming the person and the unit by name; the API answers the same 400 on {@code personId}.
   */
  @Test
  @Order(2)
  void unseatingSomeoneNotOnTheCommitteeIsRefusedNextToTheForm() throws Exception {
    if (identityService.createUserQuery().userId("uf-m3").count() == 0) {
      unitFixture().member(identityService, "uf-m3", "Văn", "Thử Ba", "uf-cb2");
    }
    PageSession page = PageSession.of(port, BOSS);
    HttpResponse<String> refused =
        page.post(
            "/app/units/uf-cb2/seats/remove",
            "personId=uf-m3&body=COMMITTEE&reason=r&_csrf=" + csrf(page, "/app/units/uf-cb2"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("id=\"form-errors\"")
        .contains("Văn Thử Ba không có trong cấp ủy của Chi bộ Hợp Nhất 2")
        .doesNotContain("uf-m3 không", "uf-cb2.");

    ResponseEntity<String> api =
        as(BOSS)
            .delete()
            .uri("/api/v1/units/{u}/committee/{p}?reason=r", "uf-cb2", "uf-m3")
            .retrieve()
            .toEntity(String.class);
    assertThat(api.getStatusCode().value()).isEqualTo(400);
    assertThat(UnitsApiTest.error(api.getBody(), "personId").get("reason").asText())
        .isEqualTo("not-on-committee");
  }

  /**
   * Finding 11 (LOW): a merged unit's header says where it went, not "dissolved"; finding 10 (part): a merger into a
   * unit that does not exist says so in a sentence naming what was sent.
   */
  @Test
  @Order(3)
  void aMergedUnitNamesItsTargetAndAnUnknownTargetIsASentence() throws Exception {
    PageSession page = PageSession.of(port, BOSS);
    String merged = page.get("/app/units/uf-cb1").body();
    assertThat(merged).contains("Đã hợp nhất vào Chi bộ Hợp Nhất 2 ").doesNotContain("Đã giải thể");

    ResponseEntity<String> unknown =
        post("/api/v1/units/uf-cb3/merger", Map.of("into", "uf-nowhere", "reason", "r"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    JsonNode error = UnitsApiTest.error(unknown.getBody(), "into");
    assertThat(error.get("reason").asText()).isEqualTo("unknown");
    assertThat(error.get("message").asText())
        .isEqualTo("Không có đơn vị “uf-nowhere” để hợp nhất vào.");
  }

  /**
   * Finding 2 (MEDIUM): a seat and its removal need a reason, as a change or a merger do, at the API and on the page;
   * no stock reason is recorded.
   */
  @Test
  @Order(4)
  void seatingAndUnseatingNeedAReason() throws Exception {
    Map<String, Object> seat = new java.util.HashMap<>();
    seat.put("personId", "uf-m3");
    seat.put("body", "COMMITTEE");
    ResponseEntity<String> noReason =
        as(BOSS)
            .put()
            .uri("/api/v1/units/{u}/committee", "uf-cb2")
            .contentType(MediaType.APPLICATION_JSON)
            .body(seat)
            .retrieve()
            .toEntity(String.class);
    assertThat(noReason.getStatusCode().value()).as(noReason.getBody()).isEqualTo(400);
    assertThat(UnitsApiTest.error(noReason.getBody(), "reason").get("message").asText())
        .isEqualTo("Trường Lý do là bắt buộc.");

    PageSession page = PageSession.of(port, BOSS);
    HttpResponse<String> pageSeat =
        page.post(
            "/app/units/uf-cb2/seats",
            "personId=uf-m3&body=COMMITTEE&role=MEMBER&reason=&_csrf="
                + csrf(page, "/app/units/uf-cb2"));
    assertThat(pageSeat.statusCode()).isEqualTo(400);
    assertThat(pageSeat.body()).contains("Trường Lý do là bắt buộc.");
    assertThat(unitFixture().seat(BOSS, "uf-cb2", "uf-m3", null, null).getStatusCode().value())
        .isEqualTo(200);

    ResponseEntity<String> unseat =
        as(BOSS)
            .delete()
            .uri("/api/v1/units/{u}/committee/{p}", "uf-cb2", "uf-m3")
            .retrieve()
            .toEntity(String.class);
    assertThat(unseat.getStatusCode().value()).isEqualTo(400);
    assertThat(UnitsApiTest.error(unseat.getBody(), "reason").get("reason").asText())
        .isEqualTo("required");
    HttpResponse<String> pageUnseat =
        page.post(
            "/app/units/uf-cb2/seats/remove",
            "personId=uf-m3&body=COMMITTEE&reason=&_csrf=" + csrf(page, "/app/units/uf-cb2"));
    assertThat(pageUnseat.statusCode()).isEqualTo(400);
    assertThat(pageUnseat.body()).contains("Trường Lý do là bắt buộc.");
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.unit_committee_member where unit_id = 'uf-cb2'"
                        + " and person_id = 'uf-m3'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.unit_history where reason like 'Phân công cấp ủy%'"
                        + " and unit_id like 'uf-%'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  /**
   * Twelfth session's outsider, MEDIUM 9: the committee took a branch's last committee member away while its members'
   * evaluations waited in a running campaign; their branch reviews had nobody, nobody was told. The unseat is refused
   * (400 on {@code personId}, naming the branch and how many evaluations wait, saying to seat someone else first) and
   * goes through once someone else sits; a branch left without committee another way is a warning on the progress
   * page.
   */
  @Test
  @Order(5)
  void theLastCommitteeMemberOfABranchUnderEvaluationStaysUntilSomeoneElseSits() throws Exception {
    for (String[] person : new String[][] {{"uf-m4", "Thử Bốn"}, {"uf-m5", "Thử Năm"}}) {
      if (identityService.createUserQuery().userId(person[0]).count() == 0) {
        unitFixture().member(identityService, person[0], "Văn", person[1], "uf-cb3");
      }
    }
    assertThat(
            unitFixture().seat(BOSS, "uf-cb3", "uf-m4", null, "SECRETARY").getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<String> last = unseat("uf-m4", null);
    assertThat(last.getStatusCode().value()).as(last.getBody()).isEqualTo(400);
    JsonNode error = UnitsApiTest.error(last.getBody(), "personId");
    assertThat(error.get("reason").asText()).isEqualTo("last-branch-committee-seat");
    assertThat(error.get("message").asText())
        .startsWith("Chưa thể cho Văn Thử Bốn thôi chi ủy Chi bộ Hợp Nhất 3")
        .contains("1 hồ sơ đánh giá", "phân công người khác vào chi ủy Chi bộ Hợp Nhất 3 trước");
    assertThat(
            UnitsApiTest.error(unseat("uf-m4", "en").getBody(), "personId").get("message").asText())
        .startsWith("Cannot take Văn Thử Bốn off the committee of Chi bộ Hợp Nhất 3")
        .contains("1 evaluation of the branch's members", "Seat someone else");
    PageSession page = PageSession.of(port, BOSS);
    HttpResponse<String> refused =
        page.post(
            "/app/units/uf-cb3/seats/remove",
            "personId=uf-m4&body=COMMITTEE&reason=r&_csrf=" + csrf(page, "/app/units/uf-cb3"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Chưa thể cho Văn Thử Bốn thôi chi ủy Chi bộ Hợp Nhất 3");
    assertThat(seats("uf-cb3")).isEqualTo(1);
    String progress = page.get("/app/campaigns/" + WARD + "/" + YEAR).body();
    assertThat(progress).doesNotContain("branches-without-committee");

    // someone else sits first: then the unseat goes through
    assertThat(unitFixture().seat(BOSS, "uf-cb3", "uf-m5", null, null).getStatusCode().value())
        .isEqualTo(200);
    assertThat(unseat("uf-m4", null).getStatusCode().value()).isEqualTo(204);

    // a branch left without committee otherwise (a roster change, a member leaving): the progress
    // page warns
    jdbc.sql("delete from evaluation.unit_committee_member where unit_id = 'uf-cb3'").update();
    progress = page.get("/app/campaigns/" + WARD + "/" + YEAR).body();
    assertThat(progress)
        .contains("id=\"branches-without-committee\"")
        .contains("không còn ai trong chi ủy")
        .contains("Chi bộ Hợp Nhất 3: 1 hồ sơ đánh giá đang chờ");
    assertThat(page.get("/app/campaigns/" + WARD + "/" + YEAR + "?lang=en").body())
        .contains("Chi bộ Hợp Nhất 3: 1 evaluation waits");
  }

  private ResponseEntity<String> unseat(String person, String language) {
    var request =
        as(BOSS).delete().uri("/api/v1/units/{u}/committee/{p}?reason=r", "uf-cb3", person);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return request.retrieve().toEntity(String.class);
  }

  private int seats(String unit) {
    return jdbc.sql("select count(*) from evaluation.unit_committee_member where unit_id = :u")
        .param("u", unit)
        .query(Integer.class)
        .single();
  }

  // ---- helpers

  private ResponseEntity<String> post(String uri, Map<String, ?> body) {
    return unitFixture().postJson(BOSS, uri, body);
  }

  private static String csrf(PageSession page, String path) throws Exception {
    return URLEncoder.encode(page.csrf(page.get(path).body()), StandardCharsets.UTF_8);
  }

  private int historySize(String unit) {
    return json(as(BOSS).get().uri("/api/v1/units/{id}", unit).retrieve().body(String.class))
        .get("history")
        .size();
  }
}
