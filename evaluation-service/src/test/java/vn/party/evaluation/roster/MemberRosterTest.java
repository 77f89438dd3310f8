package vn.party.evaluation.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * The member roster kept through the API and its page: the grassroots committee exempts member6 with the decision's
 * number, the change is listed with the values before and after and who made it, and the campaign launched afterwards
 * does not rate member6; an administrator gives member13 a leadership post, and that campaign hands member13 Mẫu 02B,
 * which the running evaluation keeps when the post is taken away again. Branch committees, members and auditors read
 * but change nothing; bad input is refused field by field and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberRosterTest extends EvaluationFlowSupport {

  private static final int YEAR = 2057;

  /** cb2, a branch committee member in the demo data; secretary2 is the branch's committee. */
  private static final String EXEMPTED = "member6";

  /** cb3; secretary3. */
  private static final String LEADER = "member13";

  private static final String DECISION =
      "Quyết định số 15-QĐ/ĐU ngày 02/3/2057 của Đảng ủy phường Thanh Khê Tây";

  @AfterAll
  void theDemoFactsAgain() {
    // whatever failed above, the demo members are as every other test expects them (no-ops when
    // they already are)
    patch(
        "admin",
        EXEMPTED,
        Map.of("exempted", false, "civilServant", false, "reason", "Khôi phục dữ liệu thử."));
    patch("admin", LEADER, Map.of("leadershipPost", false, "reason", "Khôi phục dữ liệu thử."));
  }

  @Test
  @Order(1)
  void theGrassrootsCommitteeExemptsAMemberAndTheChangeIsRecordedWithBeforeAfterAndActor() {
    JsonNode before = memberRecord("committee", EXEMPTED);
    assertThat(before.get("exempted").asBoolean()).isFalse();
    assertThat(before.get("branchId").asText()).isEqualTo(ORG + "-cb2");
    assertThat(before.get("organizationId").asText()).isEqualTo(ORG);
    assertThat(before.get("leadership").asText()).isEqualTo("BRANCH_COMMITTEE");
    assertThat(before.get("membership").asText()).isEqualTo("OFFICIAL");
    assertThat(before.get("admittedOn").asText()).isEqualTo("2010-05-19");
    assertThat(before.has("civilServant")).isTrue();
    int changesBefore = changes("auditor", EXEMPTED).size();

    ResponseEntity<String> changed =
        patch("committee", EXEMPTED, Map.of("exempted", true, "reason", DECISION));
    assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
    JsonNode update = json(changed.getBody());
    assertThat(update.at("/member/exempted").asBoolean()).isTrue();
    assertThat(update.at("/change/changedBy").asText()).isEqualTo("committee");
    assertThat(update.at("/change/reason").asText()).isEqualTo(DECISION);
    assertThat(update.at("/change/changes")).hasSize(1);
    assertThat(update.at("/change/changes/0/field").asText()).isEqualTo("exempted");
    assertThat(update.at("/change/changes/0/from").asBoolean()).isFalse();
    assertThat(update.at("/change/changes/0/to").asBoolean()).isTrue();

    // listed for the readers, oldest first, the new one last
    List<JsonNode> listed = changes("auditor", EXEMPTED);
    assertThat(listed).hasSize(changesBefore + 1);
    JsonNode last = listed.get(listed.size() - 1);
    assertThat(last.get("changedBy").asText()).isEqualTo("committee");
    assertThat(last.get("reason").asText()).isEqualTo(DECISION);
    assertThat(last.get("changedAt").asText()).isNotBlank();
    assertThat(last.at("/changes/0/field").asText()).isEqualTo("exempted");
    assertThat(last.at("/changes/0/from").asBoolean()).isFalse();
    assertThat(last.at("/changes/0/to").asBoolean()).isTrue();
    assertThat(changes(EXEMPTED, EXEMPTED)).hasSize(listed.size());
    assertThat(changes("secretary2", EXEMPTED)).hasSize(listed.size());
    assertThat(memberRecord("secretary2", EXEMPTED).get("exempted").asBoolean()).isTrue();

    // the same request again changes nothing and records nothing
    JsonNode again =
        json(patch("committee", EXEMPTED, Map.of("exempted", true, "reason", DECISION)).getBody());
    assertThat(again.has("change")).isFalse();
    assertThat(changes("auditor", EXEMPTED)).hasSize(listed.size());

    // the record cannot be rewritten, even from the database
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "update evaluation.member_roster_change set reason = 'x' where member_id = :m")
                    .param("m", EXEMPTED)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("delete from evaluation.member_roster_change where member_id = :m")
                    .param("m", EXEMPTED)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("truncate evaluation.member_roster_change").update())
        .hasMessageContaining("append-only");
  }

  @Test
  @Order(2)
  void anAdministratorGivesAMemberALeadershipPost() {
    ResponseEntity<String> changed =
        patch(
            "admin",
            LEADER,
            Map.of("leadershipPost", true, "reason", "Quyết định bổ nhiệm số 7/QĐ-UBND"));
    assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
    JsonNode change = json(changed.getBody()).get("change");
    assertThat(change.get("changedBy").asText()).isEqualTo("admin");
    assertThat(change.at("/changes/0/field").asText()).isEqualTo("leadershipPost");
    assertThat(change.at("/changes/0/to").asBoolean()).isTrue();
  }

  @Test
  @Order(3)
  void branchCommitteesMembersAndAuditorsReadButChangeNothing() {
    int recorded = changes("auditor", EXEMPTED).size();
    Map<String, Object> body = Map.of("suspended", true, "reason", "Thử quyền.");
    // the member's own branch committee, the member, another member, another branch, an auditor:
    // 403
    for (String user : List.of("secretary2", EXEMPTED, "member7", "secretary1", "auditor")) {
      assertThat(patch(user, EXEMPTED, body).getStatusCode().value())
          .as("PATCH as %s", user)
          .isEqualTo(403);
    }
    assertThat(
            anonymous()
                .patch()
                .uri("/api/v1/members/{m}", EXEMPTED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(401);
    for (String user : List.of("secretary2", EXEMPTED, "auditor", "committee", "admin")) {
      assertThat(status(user, "/api/v1/members/" + EXEMPTED)).as("GET as %s", user).isEqualTo(200);
      assertThat(status(user, "/api/v1/members/" + EXEMPTED + "/changes"))
          .as("GET changes as %s", user)
          .isEqualTo(200);
    }
    for (String user : List.of("member7", "secretary1", "district")) {
      assertThat(status(user, "/api/v1/members/" + EXEMPTED)).as("GET as %s", user).isEqualTo(403);
      assertThat(status(user, "/api/v1/members/" + EXEMPTED + "/changes"))
          .as("GET changes as %s", user)
          .isEqualTo(403);
    }
    // an id that is no member's: the same 403 as another organization's member (issue 12: no
    // oracle); 404 only for
    // those who may read every member
    assertThat(status("committee", "/api/v1/members/nobody")).isEqualTo(403);
    assertThat(patch("committee", "nobody", body).getStatusCode().value()).isEqualTo(403);
    assertThat(status("auditor", "/api/v1/members/nobody")).isEqualTo(404);
    assertThat(memberRecord("admin", EXEMPTED).get("suspended").asBoolean()).isFalse();
    assertThat(changes("auditor", EXEMPTED)).hasSize(recorded);
  }

  @Test
  @Order(4)
  void badInputIsRefusedFieldByFieldAndChangesNothing() {
    int recorded = changes("auditor", EXEMPTED).size();
    String future = LocalDate.now().plusDays(3).toString();
    Object[][] cases = {
      {Map.of("exempted", true, "branchId", "x", "reason", "r"), "branchId", "unknown-field"},
      {Map.of("status", "LEFT", "reason", "r"), "status", "unknown-field"},
      {Map.of("suspended", "yes", "reason", "r"), "suspended", "not-a-flag"},
      {Map.of("civilServant", 1, "reason", "r"), "civilServant", "not-a-flag"},
      {Map.of("admittedOn", future, "reason", "r"), "admittedOn", "in-future"},
      {Map.of("admittedOn", "2024-02-30", "reason", "r"), "admittedOn", "invalid-format"},
      {Map.of("admittedOn", "19/05/2010", "reason", "r"), "admittedOn", "invalid-format"},
      {Map.of("admittedOn", 20100519, "reason", "r"), "admittedOn", "wrong-type"},
      {Map.of("admittedOn", "1929-12-31", "reason", "r"), "admittedOn", "out-of-range"},
      {Map.of("membership", "CANDIDATE", "reason", "r"), "membership", "invalid-membership"},
      {Map.of("leadership", "SECRETARY", "reason", "r"), "leadership", "invalid-leadership"},
      {
        Map.of("leadership", List.of("BRANCH_COMMITTEE"), "reason", "r"), "leadership", "wrong-type"
      },
      // member6 sits on the branch committee: a probationary member may not
      {
        Map.of("membership", "PROBATIONARY", "reason", "r"),
        "membership",
        "probationary-on-committee"
      },
      {Map.of("exempted", false), "reason", "required"},
      {Map.of("exempted", false, "reason", "  "), "reason", "required"},
      {Map.of("exempted", false, "reason", "x".repeat(4001)), "reason", "too-long"},
      {Map.of("exempted", false, "reason", "a\u0007b"), "reason", "control-characters"},
      {Map.of("exempted", false, "reason", 15), "reason", "not-text"},
      {Map.of("reason", "Không đổi gì."), "body", "nothing-to-change"}
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      ResponseEntity<String> refused = patch("committee", EXEMPTED, (Map<String, Object>) c[0]);
      assertRefused(refused, (String) c[1], (String) c[2]);
    }
    Map<String, Object> probationaryOnCommittee = new LinkedHashMap<>();
    probationaryOnCommittee.put("leadership", "ORGANIZATION_COMMITTEE");
    probationaryOnCommittee.put("membership", "PROBATIONARY");
    probationaryOnCommittee.put("reason", "r");
    assertRefused(
        patch("committee", EXEMPTED, probationaryOnCommittee),
        "leadership",
        "probationary-on-committee");

    // one field wrong: none of the others is written either
    Map<String, Object> partly = new LinkedHashMap<>();
    partly.put("civilServant", true);
    partly.put("admittedOn", future);
    partly.put("reason", "r");
    assertRefused(patch("committee", EXEMPTED, partly), "admittedOn", "in-future");
    assertThat(memberRecord("admin", EXEMPTED).get("civilServant").asBoolean()).isFalse();

    // a body that is not an object, not JSON, or not JSON at all
    for (String body : List.of("[]", "\"exempted\"", "42", "null", "{", "")) {
      ResponseEntity<String> refused =
          as("committee")
              .patch()
              .uri("/api/v1/members/{m}", EXEMPTED)
              .contentType(MediaType.APPLICATION_JSON)
              .body(body)
              .retrieve()
              .toEntity(String.class);
      assertRefused(refused, "body", "malformed");
    }
    assertThat(
            as("committee")
                .patch()
                .uri("/api/v1/members/{m}", EXEMPTED)
                .contentType(MediaType.TEXT_PLAIN)
                .body("exempted=true")
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(415);

    // Vietnamese first, English when asked; the field named by its label
    JsonNode vi =
        error(
            patch("committee", EXEMPTED, Map.of("admittedOn", future, "reason", "r")),
            "admittedOn");
    assertThat(vi.get("message").asText()).contains("Ngày vào Đảng").contains("tương lai");
    ResponseEntity<String> english =
        as("committee")
            .patch()
            .uri("/api/v1/members/{m}", EXEMPTED)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("leadership", "SECRETARY", "reason", "r"))
            .retrieve()
            .toEntity(String.class);
    assertThat(error(english, "leadership").get("message").asText())
        .isEqualTo(
            "Committee member must be BRANCH_COMMITTEE, ORGANIZATION_COMMITTEE or null (none).");

    assertThat(changes("auditor", EXEMPTED)).hasSize(recorded);
  }

  @Test
  @Order(5)
  void theCampaignLaunchedAfterwardsDoesNotRateTheExemptedMemberAndGivesTheLeaderForm02b()
      throws Exception {
    ResponseEntity<String> opened =
        openCampaign("committee", YEAR, OffsetDateTime.now().plusDays(30));
    assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
    String id = json(opened.getBody()).get("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode campaign =
                  json(
                      as("committee")
                          .get()
                          .uri("/api/v1/campaigns/" + id)
                          .retrieve()
                          .body(String.class));
              assertThat(campaign.get("status").asText()).isEqualTo("RUNNING");
              assertThat(campaign.at("/progress/membersStarted").asInt()).isEqualTo(14);
              assertThat(campaign.at("/progress/membersNotRated").asInt()).isEqualTo(1);
              assertThat(campaign.at("/progress/notRatedByReason/EXEMPTED").asInt()).isEqualTo(1);
            });
    assertThat(
            jdbc.sql(
                    """
            select status || ' ' || reason from evaluation.campaign_member
            where campaign_id = cast(:c as uuid) and member_id = :m""")
                .param("c", id)
                .param("m", EXEMPTED)
                .query(String.class)
                .single())
        .isEqualTo("NOT_RATED EXEMPTED");
    assertThat(status("committee", "/api/v1/evaluations/" + YEAR + "/" + EXEMPTED)).isEqualTo(404);

    // member13's self-review is Mẫu 02B: the leader's items are on the form
    String task = taskOf(LEADER, "self-review", LEADER, YEAR);
    assertThat(PageSession.of(port, LEADER).get("/app/tasks/" + task).body())
        .contains("name=\"leadershipResults\"")
        .contains("name=\"antiCorruptionGrade\"");
    assertThat(leadershipPostVariable()).isEqualTo(true);
    // and a member without the post keeps 02A
    String other = taskOf("member14", "self-review", "member14", YEAR);
    assertThat(PageSession.of(port, "member14").get("/app/tasks/" + other).body())
        .doesNotContain("name=\"leadershipResults\"");
  }

  @Test
  @Order(6)
  void aRunningEvaluationKeepsTheFactsItStartedWithAndTheAnswerSaysSo() throws Exception {
    ResponseEntity<String> changed =
        patch(
            "admin",
            LEADER,
            Map.of("leadershipPost", false, "reason", "Quyết định thôi giữ chức vụ số 9/QĐ-UBND"));
    assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
    JsonNode update = json(changed.getBody());
    assertThat(update.at("/member/leadershipPost").asBoolean()).isFalse();
    assertThat(
            StreamSupport.stream(update.get("runningCampaignYears").spliterator(), false)
                .map(JsonNode::asInt)
                .toList())
        .contains(YEAR);
    assertThat(update.get("notice").asText())
        .contains(String.valueOf(YEAR))
        .contains("các đợt mở sau");

    // the evaluation started with the post keeps Mẫu 02B
    String task = taskOf(LEADER, "self-review", LEADER, YEAR);
    assertThat(PageSession.of(port, LEADER).get("/app/tasks/" + task).body())
        .contains("name=\"leadershipResults\"");
    assertThat(leadershipPostVariable()).isEqualTo(true);

    // no longer exempted: the running campaign does not start an evaluation for member6 (the next
    // one would)
    ResponseEntity<String> english =
        as("committee")
            .patch()
            .uri("/api/v1/members/{m}", EXEMPTED)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("exempted", false, "reason", "Quyết định số 21-QĐ/ĐU: hết thời hạn miễn."))
            .retrieve()
            .toEntity(String.class);
    assertThat(english.getStatusCode().value()).as(english.getBody()).isEqualTo(200);
    assertThat(json(english.getBody()).get("notice").asText())
        .contains(String.valueOf(YEAR))
        .contains("applies to campaigns launched afterwards");
    assertThat(status("committee", "/api/v1/evaluations/" + YEAR + "/" + EXEMPTED)).isEqualTo(404);
    List<JsonNode> listed = changes("committee", EXEMPTED);
    JsonNode last = listed.get(listed.size() - 1);
    assertThat(last.at("/changes/0/from").asBoolean()).isTrue();
    assertThat(last.at("/changes/0/to").asBoolean()).isFalse();
  }

  @Test
  @Order(7)
  void thePageShowsTheFactsToReadersAndTheFormToTheCommitteeOnly() throws Exception {
    PageSession committee = PageSession.of(port, "committee");
    String page = committee.get("/app/members/" + EXEMPTED).body();
    assertThat(page)
        .contains("id=\"roster-form\"")
        .contains("name=\"_csrf\"")
        .contains("id=\"changes\"")
        .contains(DECISION)
        .contains("id=\"running-campaigns\"");

    // a change through the page, with the reason; recorded like one through the API
    String form =
        "membership=OFFICIAL&admittedOn=2010-05-19&exempted=&leadership=BRANCH_COMMITTEE"
            + "&civilServant=true&reason="
            + enc("Quyết định tiếp nhận công chức số 3")
            + "&_csrf="
            + enc(committee.csrf(page));
    HttpResponse<String> saved = committee.post("/app/members/" + EXEMPTED, form);
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElse(""))
        .endsWith("/app/members/" + EXEMPTED);
    page = committee.get("/app/members/" + EXEMPTED).body();
    assertThat(page)
        .contains("id=\"notice\"")
        .contains("id=\"fact-civilServant\"")
        .contains("Quyết định tiếp nhận công chức số 3");
    List<JsonNode> listed = changes("auditor", EXEMPTED);
    JsonNode last = listed.get(listed.size() - 1);
    assertThat(last.get("changedBy").asText()).isEqualTo("committee");
    // only what differed from the record is recorded
    assertThat(
            StreamSupport.stream(last.get("changes").spliterator(), false)
                .map(c -> c.get("field").asText())
                .toList())
        .containsExactly("civilServant");

    // refused on the page: the message next to the field, status 400, nothing written
    HttpResponse<String> refused =
        committee.post(
            "/app/members/" + EXEMPTED,
            "membership=OFFICIAL&admittedOn="
                + LocalDate.now().plusDays(3)
                + "&leadership=BRANCH_COMMITTEE&civilServant=true&reason="
                + "&_csrf="
                + enc(committee.csrf(page)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"admittedOn-error\"").contains("id=\"reason-error\"");
    assertThat(changes("auditor", EXEMPTED)).hasSize(listed.size());

    // auditors and the branch committee read without the form; a post is refused
    for (String reader : List.of("auditor", "secretary2", EXEMPTED)) {
      PageSession session = PageSession.of(port, reader);
      HttpResponse<String> shown = session.get("/app/members/" + EXEMPTED);
      assertThat(shown.statusCode()).as(reader).isEqualTo(200);
      assertThat(shown.body())
          .as(reader)
          .doesNotContain("id=\"roster-form\"")
          .doesNotContain("id=\"save-roster\"")
          .contains("id=\"read-only\"");
      String csrf = session.csrf(session.get("/app/tasks").body());
      assertThat(
              session
                  .post(
                      "/app/members/" + EXEMPTED,
                      "membership=OFFICIAL&civilServant=false&reason=x&_csrf=" + enc(csrf))
                  .statusCode())
          .as(reader)
          .isEqualTo(403);
    }
    assertThat(PageSession.of(port, "member7").get("/app/members/" + EXEMPTED).statusCode())
        .isEqualTo(403);

    // the branch list and the link from an evaluation's page
    assertThat(committee.get("/app/members?branch=" + ORG + "-cb2").body())
        .contains("/app/members/" + EXEMPTED);
    assertThat(committee.get("/app/members").body()).contains("data-branch=\"" + ORG + "-cb2\"");
    assertThat(
            PageSession.of(port, "secretary1")
                .get("/app/members?branch=" + ORG + "-cb2")
                .statusCode())
        .isEqualTo(403);
    assertThat(committee.get("/app/evaluations/" + YEAR + "/member7").body())
        .contains("href=\"/app/members/member7\"");

    // the menu offers the list to those who may list a branch, not to a member
    assertThat(page).contains("id=\"nav-members\"");
    assertThat(PageSession.of(port, "member7").get("/app/tasks").body())
        .doesNotContain("id=\"nav-members\"");

    // back as it was
    page = committee.get("/app/members/" + EXEMPTED).body();
    assertThat(
            committee
                .post(
                    "/app/members/" + EXEMPTED,
                    "membership=OFFICIAL&admittedOn=2010-05-19"
                        + "&leadership=BRANCH_COMMITTEE&reason="
                        + enc("Nhập nhầm, trả lại như cũ.")
                        + "&_csrf="
                        + enc(committee.csrf(page)))
                .statusCode())
        .isEqualTo(302);
    assertThat(memberRecord("admin", EXEMPTED).get("civilServant").asBoolean()).isFalse();
  }

  @Test
  @Order(8)
  void theEndpointsAreDocumented() {
    String docs = anonymous().get().uri("/v3/api-docs").retrieve().body(String.class);
    assertThat(docs)
        .contains("/api/v1/members/{memberId}", "/api/v1/members/{memberId}/changes", "\"patch\"");
  }

  // ----------------------------------------------------------------------------------------------
  // helpers

  private ResponseEntity<String> patch(String user, String memberId, Map<String, ?> body) {
    return as(user)
        .patch()
        .uri("/api/v1/members/{m}", memberId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  /** The member's roster record as the user reads it. */
  private JsonNode memberRecord(String user, String memberId) {
    return json(as(user).get().uri("/api/v1/members/{m}", memberId).retrieve().body(String.class));
  }

  private List<JsonNode> changes(String user, String memberId) {
    ResponseEntity<String> response =
        as(user)
            .get()
            .uri("/api/v1/members/{m}/changes", memberId)
            .retrieve()
            .toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return StreamSupport.stream(json(response.getBody()).spliterator(), false)
        .collect(Collectors.toList());
  }

  private int status(String user, String path) {
    return as(user).get().uri(path).retrieve().toEntity(String.class).getStatusCode().value();
  }

  private static void assertRefused(ResponseEntity<String> response, String field, String reason) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(error(response, field).get("reason").asText())
        .as(response.getBody())
        .isEqualTo(reason);
  }

  private static JsonNode error(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    return StreamSupport.stream(json(response.getBody()).path("errors").spliterator(), false)
        .filter(e -> e.get("field").asText().equals(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no error on " + field + ": " + response.getBody()));
  }

  /** The leadershipPost variable of member13's evaluation of the year, as it started. */
  private Object leadershipPostVariable() {
    var instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(YEAR + ":" + LEADER)
            .processDefinitionKey("member-evaluation")
            .singleResult();
    return runtimeService.getVariable(instance.getId(), "leadershipPost");
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
