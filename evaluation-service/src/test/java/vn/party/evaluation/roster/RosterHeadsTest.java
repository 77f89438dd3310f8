package vn.party.evaluation.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Who heads a unit ({@code headOf}): set, read, transferred (the previous head cleared, both changes recorded),
 * cleared, refused when unknown, never changed by an auditor; through the API and the page. On an organization of its
 * own (two branches, five members), so that no demo member ever heads anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RosterHeadsTest extends IntegrationTestSupport {

  private static final String ORG = "heads-ward";
  private static final String CB1 = "heads-cb1";
  private static final String CB2 = "heads-cb2";

  /** cb1. */
  private static final String AN = "heads-an";

  private static final String BINH = "heads-binh";
  private static final String CHI = "heads-chi";

  /** cb2. */
  private static final String DUNG = "heads-dung";

  /** cb2, probationary. */
  private static final String EM = "heads-em";

  private static final String ELECTED = "Nghị quyết số 3-NQ/CB ngày 05/3 bầu bí thư chi bộ";

  @BeforeAll
  void anOrganizationOfItsOwn() {
    jdbc.sql(
            "insert into evaluation.organization (id, name) values (:id, 'Đảng bộ thử bí thư') on conflict do nothing")
        .param("id", ORG)
        .update();
    for (String branch : List.of(CB1, CB2)) {
      jdbc.sql(
              "insert into evaluation.branch (id, organization_id, name) values (:id, :org, :id) "
                  + "on conflict do nothing")
          .param("id", branch)
          .param("org", ORG)
          .update();
    }
    member(AN, "Nguyễn Văn An", CB1, "OFFICIAL");
    member(BINH, "Trần Thị Bình", CB1, "OFFICIAL");
    member(CHI, "Lê Văn Chí", CB1, "OFFICIAL");
    member(DUNG, "Phạm Thị Dung", CB2, "OFFICIAL");
    member(EM, "Hoàng Văn Em", CB2, "PROBATIONARY");
  }

  @Test
  @Order(1)
  void anAdministratorMakesAMemberBranchSecretaryAndEveryReaderSeesIt() {
    assertThat(get("auditor", AN).get("headOf").isNull()).isTrue();

    ResponseEntity<String> set = patch("admin", AN, body("BRANCH", ELECTED));
    assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
    JsonNode update = json(set.getBody());
    assertThat(update.at("/member/headOf").asText()).isEqualTo("BRANCH");
    assertThat(update.has("previousHead")).as("nobody headed cb1").isFalse();
    assertThat(update.at("/change/changedBy").asText()).isEqualTo("admin");
    assertThat(update.at("/change/reason").asText()).isEqualTo(ELECTED);
    assertThat(update.at("/change/changes")).hasSize(1);
    assertThat(update.at("/change/changes/0/field").asText()).isEqualTo("headOf");
    assertThat(update.at("/change/changes/0/from").isNull()).isTrue();
    assertThat(update.at("/change/changes/0/to").asText()).isEqualTo("BRANCH");

    assertThat(get("auditor", AN).get("headOf").asText()).isEqualTo("BRANCH");
    assertThat(headsOf(CB1, "BRANCH")).containsExactly(AN);
    // the same request again records nothing
    JsonNode again = json(patch("admin", AN, body("BRANCH", ELECTED)).getBody());
    assertThat(again.has("change")).isFalse();
    assertThat(changes(AN)).hasSize(1);

    // another branch's secretary is a head of its own
    ResponseEntity<String> other = patch("admin", DUNG, body("BRANCH", "Nghị quyết số 4-NQ/CB"));
    assertThat(other.getStatusCode().value()).as(other.getBody()).isEqualTo(200);
    assertThat(json(other.getBody()).has("previousHead")).isFalse();
    assertThat(headsOf(CB1, "BRANCH")).containsExactly(AN);
    assertThat(headsOf(CB2, "BRANCH")).containsExactly(DUNG);
  }

  @Test
  @Order(2)
  void aNewBranchSecretaryTakesThePostOverAndBothChangesAreRecorded() {
    String reason = "Nghị quyết số 9-NQ/CB ngày 10/4: bầu bí thư mới";
    ResponseEntity<String> transferred = patch("admin", BINH, body("BRANCH", reason));
    assertThat(transferred.getStatusCode().value()).as(transferred.getBody()).isEqualTo(200);
    JsonNode update = json(transferred.getBody());
    assertThat(update.at("/member/headOf").asText()).isEqualTo("BRANCH");
    assertThat(update.at("/previousHead/memberId").asText()).isEqualTo(AN);
    assertThat(update.at("/previousHead/fullName").asText()).isEqualTo("Nguyễn Văn An");
    assertThat(update.at("/previousHead/change/memberId").asText()).isEqualTo(AN);
    assertThat(update.at("/previousHead/change/reason").asText()).isEqualTo(reason);
    assertThat(update.at("/previousHead/change/changedBy").asText()).isEqualTo("admin");

    // the previous head heads nothing, recorded on his roster with the same reason and author
    assertThat(get("auditor", AN).get("headOf").isNull()).isTrue();
    JsonNode previous = last(changes(AN));
    assertThat(previous.get("changedBy").asText()).isEqualTo("admin");
    assertThat(previous.get("reason").asText()).isEqualTo(reason);
    assertThat(previous.get("changes")).hasSize(1);
    assertThat(previous.at("/changes/0/field").asText()).isEqualTo("headOf");
    assertThat(previous.at("/changes/0/from").asText()).isEqualTo("BRANCH");
    assertThat(previous.at("/changes/0/to").isNull()).isTrue();
    assertThat(previous.get("id").asLong())
        .isEqualTo(update.at("/previousHead/change/id").asLong());
    JsonNode taken = last(changes(BINH));
    assertThat(taken.get("reason").asText()).isEqualTo(reason);
    assertThat(taken.at("/changes/0/from").isNull()).isTrue();
    assertThat(taken.at("/changes/0/to").asText()).isEqualTo("BRANCH");

    assertThat(headsOf(CB1, "BRANCH")).containsExactly(BINH);
    assertThat(headsOf(CB2, "BRANCH"))
        .as("another branch keeps its secretary")
        .containsExactly(DUNG);
  }

  @Test
  @Order(3)
  void theOrganizationHasOneSecretaryWhicheverBranchHeOrSheBelongsTo() {
    ResponseEntity<String> first =
        patch("admin", CHI, body("ORGANIZATION", "Đại hội đảng bộ bầu bí thư"));
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
    assertThat(json(first.getBody()).has("previousHead")).isFalse();
    assertThat(headsOf(CB1, "BRANCH"))
        .as("a branch head and the organization's head side by side")
        .containsExactly(BINH);

    // DUNG, cb2's secretary, becomes the organization's: CHI (cb1) heads nothing, cb2 has no
    // secretary any more
    String reason = "Quyết định chuẩn y số 12-QĐ/QU";
    JsonNode update = json(patch("admin", DUNG, body("ORGANIZATION", reason)).getBody());
    assertThat(update.at("/member/headOf").asText()).isEqualTo("ORGANIZATION");
    assertThat(update.at("/previousHead/memberId").asText()).isEqualTo(CHI);
    assertThat(update.at("/change/changes/0/from").asText()).isEqualTo("BRANCH");
    assertThat(update.at("/change/changes/0/to").asText()).isEqualTo("ORGANIZATION");
    assertThat(get("admin", CHI).get("headOf").isNull()).isTrue();
    assertThat(last(changes(CHI)).at("/changes/0/from").asText()).isEqualTo("ORGANIZATION");
    assertThat(headsOf(null, "ORGANIZATION")).containsExactly(DUNG);
    assertThat(headsOf(CB2, "BRANCH")).isEmpty();
    assertThat(headsOf(CB1, "BRANCH")).containsExactly(BINH);
  }

  @Test
  @Order(4)
  void aSecretaryStandsDownAndNobodyElseIsTouched() {
    int others = changes(AN).size();
    ResponseEntity<String> cleared =
        patch("admin", BINH, body(null, "Thôi giữ chức bí thư theo nguyện vọng"));
    assertThat(cleared.getStatusCode().value()).as(cleared.getBody()).isEqualTo(200);
    JsonNode update = json(cleared.getBody());
    assertThat(update.at("/member/headOf").isNull()).isTrue();
    assertThat(update.has("previousHead")).isFalse();
    assertThat(update.at("/change/changes/0/from").asText()).isEqualTo("BRANCH");
    assertThat(update.at("/change/changes/0/to").isNull()).isTrue();
    assertThat(headsOf(CB1, "BRANCH")).isEmpty();
    assertThat(changes(AN)).hasSize(others);
    assertThat(headsOf(null, "ORGANIZATION")).containsExactly(DUNG);
  }

  @Test
  @Order(5)
  void anUnknownUnitOrAProbationaryHeadIsRefusedAndNothingIsWritten() {
    int recorded = changes(AN).size();
    Object[][] cases = {
      {AN, body("SECRETARY", "r"), "headOf", "invalid-head-of"},
      {AN, body("branch", "r"), "headOf", "invalid-head-of"},
      {AN, body("BRANCH ", "r"), "headOf", "invalid-head-of"},
      {AN, body(42, "r"), "headOf", "wrong-type"},
      {AN, body(true, "r"), "headOf", "wrong-type"},
      {AN, body(List.of("BRANCH"), "r"), "headOf", "wrong-type"},
      {AN, Map.of("headOf", "BRANCH"), "reason", "required"},
      // a probationary member is no secretary (Điều lệ Đảng, Điều 5), nor does a secretary become
      // probationary
      {EM, body("BRANCH", "r"), "headOf", "probationary-on-committee"},
      {
        DUNG,
        Map.of("membership", "PROBATIONARY", "reason", "r"),
        "membership",
        "probationary-on-committee"
      }
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      ResponseEntity<String> refused = patch("admin", (String) c[0], (Map<String, Object>) c[1]);
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
      assertThat(error(refused, (String) c[2]).get("reason").asText())
          .as(refused.getBody())
          .isEqualTo(c[3]);
    }
    // one field wrong: the valid headship is not written either
    Map<String, Object> partly = new LinkedHashMap<>();
    partly.put("headOf", "BRANCH");
    partly.put("exempted", "yes");
    partly.put("reason", "r");
    assertThat(error(patch("admin", AN, partly), "exempted").get("reason").asText())
        .isEqualTo("not-a-flag");
    assertThat(get("admin", AN).get("headOf").isNull()).isTrue();
    assertThat(get("admin", EM).get("headOf").isNull()).isTrue();
    assertThat(changes(AN)).hasSize(recorded);

    // Vietnamese first, the field named by its label; English when asked
    assertThat(error(patch("admin", AN, body("SECRETARY", "r")), "headOf").get("message").asText())
        .isEqualTo(
            "Trường Bí thư (người đứng đầu đơn vị) phải là BRANCH (bí thư chi bộ), ORGANIZATION "
                + "(bí thư đảng ủy cơ sở) hoặc null (không).");
    ResponseEntity<String> english =
        as("admin")
            .patch()
            .uri("/api/v1/members/{m}", AN)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(body("SECRETARY", "r"))
            .retrieve()
            .toEntity(String.class);
    assertThat(error(english, "headOf").get("message").asText())
        .startsWith("Secretary (head of a unit) must be BRANCH");
  }

  @Test
  @Order(6)
  void anAuditorOrAnotherOrganizationsCommitteeChangesNoHead() {
    int recorded = changes(DUNG).size();
    for (String user : List.of("auditor", "committee", "secretary1", "member1")) {
      assertThat(patch(user, AN, body("ORGANIZATION", "Thử quyền.")).getStatusCode().value())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(
            anonymous()
                .patch()
                .uri("/api/v1/members/{m}", AN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body("ORGANIZATION", "Thử quyền."))
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    assertThat(get("admin", AN).get("headOf").isNull()).isTrue();
    assertThat(headsOf(null, "ORGANIZATION")).containsExactly(DUNG);
    assertThat(changes(DUNG)).hasSize(recorded);
  }

  @Test
  @Order(7)
  void thePageShowsTheHeadOffersTheSelectAndSaysWhosePostWasTakenOver() throws Exception {
    PageSession admin = PageSession.of(port, "admin", "admin");
    String page = admin.get("/app/members/" + DUNG).body();
    assertThat(page)
        .contains("id=\"fact-headOf\"")
        .contains("data-value=\"ORGANIZATION\"")
        .contains("Bí thư đảng ủy cơ sở")
        .contains("id=\"headOf\"")
        .contains("Bí thư chi bộ");

    // AN takes the organization over from DUNG through the page
    page = admin.get("/app/members/" + AN).body();
    HttpResponse<String> saved =
        admin.post(
            "/app/members/" + AN,
            "membership=OFFICIAL&admittedOn=2005-06-01&headOf=ORGANIZATION&reason="
                + enc("Quyết định chuẩn y số 15-QĐ/QU")
                + "&_csrf="
                + enc(admin.csrf(page)));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    page = admin.get("/app/members/" + AN).body();
    assertThat(page)
        .contains("id=\"transfer-notice\"")
        .contains("Nguyễn Văn An nay là bí thư đảng ủy cơ sở, thay Phạm Thị Dung (" + DUNG + ")");
    assertThat(headsOf(null, "ORGANIZATION")).containsExactly(AN);
    assertThat(last(changes(DUNG)).get("reason").asText())
        .isEqualTo("Quyết định chuẩn y số 15-QĐ/QU");
    assertThat(admin.get("/app/members/" + DUNG).body()).contains("data-field=\"headOf\"");

    // a post that does not name headOf leaves the headship as it is
    HttpResponse<String> other =
        admin.post(
            "/app/members/" + AN,
            "membership=OFFICIAL&admittedOn=2005-06-01&civilServant=true&reason="
                + enc("Tiếp nhận công chức")
                + "&_csrf="
                + enc(admin.csrf(page)));
    assertThat(other.statusCode()).isEqualTo(302);
    assertThat(get("admin", AN).get("headOf").asText()).isEqualTo("ORGANIZATION");
    assertThat(last(changes(AN)).get("changes")).hasSize(1);

    // an unknown value on the page: 400, the message next to the select, nothing written
    HttpResponse<String> refused =
        admin.post(
            "/app/members/" + AN,
            "membership=OFFICIAL&admittedOn=2005-06-01"
                + "&civilServant=true&headOf=SECRETARY&reason=r&_csrf="
                + enc(admin.csrf(page)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"headOf-error\"");
    assertThat(headsOf(null, "ORGANIZATION")).containsExactly(AN);

    // the branch list shows the heads; the auditor reads without the select
    assertThat(admin.get("/app/members?branch=" + CB2).body()).doesNotContain("data-head-of=");
    assertThat(admin.get("/app/members?branch=" + CB1).body())
        .contains("data-head-of=\"ORGANIZATION\"");
    String audited = PageSession.of(port, "auditor").get("/app/members/" + AN).body();
    assertThat(audited).contains("id=\"fact-headOf\"").doesNotContain("id=\"headOf\"");

    // in English when asked: DUNG takes the organization back
    page = admin.get("/app/members/" + DUNG + "?lang=en").body();
    assertThat(
            admin
                .post(
                    "/app/members/" + DUNG,
                    "membership=OFFICIAL&admittedOn=2005-06-01&headOf=ORGANIZATION"
                        + "&reason=r&_csrf="
                        + enc(admin.csrf(page)))
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get("/app/members/" + DUNG).body())
        .contains(
            "Phạm Thị Dung is now the secretary of the "
                + "grassroots organization, in place of Nguyễn Văn An ("
                + AN
                + "): Nguyễn Văn An no longer holds the post, "
                + "recorded in Nguyễn Văn An&#39;s history with the reason.");
  }

  @Test
  @Order(8)
  void transfersAtTheSameTimeLeaveOneHead() throws Exception {
    // from nobody: every member's last record is then a change of headOf
    for (String head : headsOf(null, "ORGANIZATION")) {
      assertThat(
              patch("admin", head, body(null, "Trước khi thử đồng thời")).getStatusCode().value())
          .isEqualTo(200);
    }
    assertThat(headsOf(null, "ORGANIZATION")).isEmpty();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        List<Callable<Integer>> requests = new ArrayList<>();
        for (String member : List.of(AN, BINH, CHI, DUNG)) {
          String reason = "Đồng thời " + round;
          requests.add(
              () -> patch("admin", member, body("ORGANIZATION", reason)).getStatusCode().value());
        }
        for (Future<Integer> status : pool.invokeAll(requests)) {
          assertThat(status.get()).isEqualTo(200);
        }
        assertThat(headsOf(null, "ORGANIZATION")).as("round %d", round).hasSize(1);
        // everyone else stood down, each with a record
        String head = headsOf(null, "ORGANIZATION").get(0);
        for (String member : List.of(AN, BINH, CHI, DUNG)) {
          JsonNode record = last(changes(member));
          assertThat(record.at("/changes/0/field").asText()).isEqualTo("headOf");
          assertThat(record.at("/changes/0/to").isNull())
              .as(member)
              .isEqualTo(!member.equals(head));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  private void member(String id, String name, String branch, String membership) {
    jdbc.sql(
            """
            insert into evaluation.party_member (id, full_name, branch_id, membership, admitted_on)
            values (:id, :name, :branch, :membership, date '2005-06-01') on conflict do nothing""")
        .param("id", id)
        .param("name", name)
        .param("branch", branch)
        .param("membership", membership)
        .update();
  }

  /** The members heading a unit of the kind: of the branch, or of the test's organization when branch is null. */
  private List<String> headsOf(String branch, String headOf) {
    String unit = branch == null ? "b.organization_id = :unit" : "m.branch_id = :unit";
    return jdbc.sql(
            "select m.id from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id "
                + "where m.head_of = :headOf and "
                + unit
                + " order by m.id")
        .param("headOf", headOf)
        .param("unit", branch == null ? ORG : branch)
        .query(String.class)
        .list();
  }

  private static Map<String, Object> body(Object headOf, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("headOf", headOf);
    body.put("reason", reason);
    return body;
  }

  private ResponseEntity<String> patch(String user, String memberId, Map<String, ?> body) {
    return as(user)
        .patch()
        .uri("/api/v1/members/{m}", memberId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  private JsonNode get(String user, String memberId) {
    ResponseEntity<String> response =
        as(user).get().uri("/api/v1/members/{m}", memberId).retrieve().toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json(response.getBody());
  }

  private List<JsonNode> changes(String memberId) {
    ResponseEntity<String> response =
        as("auditor")
            .get()
            .uri("/api/v1/members/{m}/changes", memberId)
            .retrieve()
            .toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return StreamSupport.stream(json(response.getBody()).spliterator(), false)
        .collect(Collectors.toList());
  }

  private static JsonNode last(List<JsonNode> changes) {
    assertThat(changes).isNotEmpty();
    return changes.get(changes.size() - 1);
  }

  private static JsonNode error(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    return StreamSupport.stream(json(response.getBody()).path("errors").spliterator(), false)
        .filter(e -> e.get("field").asText().equals(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no error on " + field + ": " + response.getBody()));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
