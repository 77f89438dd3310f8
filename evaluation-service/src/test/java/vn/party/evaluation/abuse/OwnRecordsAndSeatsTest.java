package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;
import vn.party.evaluation.process.Groups;

/**
 * The outsider's HIGH findings 1–3 against issue 12 ("one door per command"), each as the outsider sent it:
 *
 * <ol>
 *   <li>member4, seated on the organization committee, raised their own level during finalization ({@code POST
 *       /api/v1/evaluations/{year}/member4/adjustments}, the finalization page), exempted themselves ({@code PATCH
 *       /api/v1/members/member4}) and moved themselves ({@code POST .../movements}): now 403 with the recusal's
 *       reason, nothing recorded; finalizing the whole list stays theirs.
 *   <li>member6 heads branch cb2 (their level is capped by cb2's rating) and, seated on the organization committee,
 *       claimed and completed cb2's collective rating: now they neither see it nor claim or complete it, at the domain
 *       API and the engine REST API; the committee's other members rate it.
 *   <li>As admin, {@code PUT /engine-rest/group/org-committee-…/members/auditor} seated the auditor on a committee the
 *       seats API refuses, and the auditor then completed a decision through {@code /engine-rest}: now the engine
 *       refuses a person's changes to the seat groups (memberships, create, delete) at every door, and an auditor
 *       gives no task command even if put in a committee's group.
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnRecordsAndSeatsTest extends EvaluationFlowSupport {

  /** Findings 1 and 2: a campaign run to finalization. */
  private static final int YEAR = 2029;

  /** Finding 3: a campaign with one decision open. */
  private static final int SEATS_YEAR = 2050;

  private static final String CB2 = ORG + "-cb2";
  private static final String ORG_COMMITTEE = Groups.organizationCommittee(ORG);
  private static final String REASON_VI = "Không tự quyết định việc của mình";
  private static final String REASON_EN = "You cannot decide your own evaluation";

  /**
   * The answers for a task one may not see, which the member a task is about gets for it (they may not see it:
   * outsider's re-attack of 2026-12-06, L3): the engine REST API's, the domain API's.
   */
  private static final String NO_TASK_VI = "Không có quyền, hoặc không có đối tượng này";

  private static final String NO_TASK_API_VI = "Bạn không có quyền thực hiện thao tác này";
  private static final List<String> DOORS = List.of("/engine-rest", "/engine-rest/engine/default");

  @Autowired IdentityService identityService;

  private Http http;
  private String member6HeadOf;

  @BeforeAll
  void member6HeadsCb2AndMember4And6SitOnTheOrganizationCommittee() {
    http = new Http(port);
    member6HeadOf =
        jdbc.sql("select head_of from evaluation.party_member where id = 'member6'")
            .query(String.class)
            .optional()
            .orElse(null);
    for (String member : List.of("member4", "member6")) {
      ResponseEntity<String> seated =
          as("committee")
              .put()
              .uri("/api/v1/units/{u}/committee", ORG)
              .contentType(MediaType.APPLICATION_JSON)
              .body(
                  Map.of("personId", member, "body", "COMMITTEE", "role", "MEMBER", "reason", "NQ"))
              .retrieve()
              .toEntity(String.class);
      assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
    }
  }

  @AfterAll
  void asInTheDemo() {
    for (String member : List.of("member4", "member6")) {
      as("admin")
          .delete()
          .uri("/api/v1/units/{u}/committee/{p}?body=COMMITTEE&reason=r", ORG, member)
          .retrieve()
          .toEntity(String.class);
    }
    jdbc.sql("update evaluation.party_member set head_of = :h where id = 'member6'")
        .param("h", member6HeadOf)
        .update();
  }

  /**
   * The recheck's findings: seating a branch secretary on the organization's committee erased their headship (so
   * their level was no longer capped by their branch's rating, and they could rate it), and a committee member
   * seated and unseated themselves.
   */
  @Test
  void nobodySeatsThemselvesAndASeatElsewhereKeepsTheHeadshipTheRosterGives() {
    var before =
        jdbc.sql("select leadership, head_of from evaluation.party_member where id = 'member11'")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    jdbc.sql(
            "update evaluation.party_member set leadership = 'BRANCH_COMMITTEE', head_of = 'BRANCH'"
                + " where id = 'member11'")
        .update();
    try {
      ResponseEntity<String> seated =
          as("committee")
              .put()
              .uri("/api/v1/units/{u}/committee", ORG)
              .contentType(MediaType.APPLICATION_JSON)
              .body(
                  Map.of(
                      "personId",
                      "member11",
                      "body",
                      "COMMITTEE",
                      "role",
                      "MEMBER",
                      "reason",
                      "NQ"))
              .retrieve()
              .toEntity(String.class);
      assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
      assertThat(factsOf("member11")).containsExactly("ORGANIZATION_COMMITTEE", "BRANCH");

      // member4 sits on the organization's committee: they may seat others, never themselves
      ResponseEntity<String> self =
          as("member4")
              .put()
              .uri("/api/v1/units/{u}/committee", ORG)
              .contentType(MediaType.APPLICATION_JSON)
              .body(
                  Map.of(
                      "personId",
                      "member4",
                      "body",
                      "INSPECTION",
                      "role",
                      "MEMBER",
                      "reason",
                      "NQ"))
              .retrieve()
              .toEntity(String.class);
      assertRefused(self, REASON_VI);
      assertRefused(
          as("member4")
              .delete()
              .uri("/api/v1/units/{u}/committee/{p}?body=COMMITTEE&reason=r", ORG, "member4")
              .retrieve()
              .toEntity(String.class),
          REASON_VI);

      as("admin")
          .delete()
          .uri("/api/v1/units/{u}/committee/{p}?body=COMMITTEE&reason=r", ORG, "member11")
          .retrieve()
          .toEntity(String.class);
      assertThat(factsOf("member11")).containsExactly("BRANCH_COMMITTEE", "BRANCH");
    } finally {
      jdbc.sql(
              "update evaluation.party_member set leadership = :l, head_of = :h where id = 'member11'")
          .param("l", before[0])
          .param("h", before[1])
          .update();
    }
  }

  private List<String> factsOf(String member) {
    return jdbc.sql("select leadership, head_of from evaluation.party_member where id = :m")
        .param("m", member)
        .query((rs, n) -> Arrays.asList(rs.getString(1), rs.getString(2)))
        .single();
  }

  @Test
  void nobodyRatesTheUnitTheyHeadNorAdjustsExemptsOrMovesThemselves() throws Exception {
    // member6 heads cb2, as in the local run
    assertThat(
            jdbc.sql("update evaluation.party_member set head_of = 'BRANCH' where id = 'member6'")
                .update())
        .isEqualTo(1);
    launchedCampaign(YEAR);
    assertThat(
            jdbc.sql(
                    "select cm.head_of from evaluation.campaign_member cm join evaluation.campaign c"
                        + " on c.id = cm.campaign_id where c.year = :y and cm.member_id = 'member6'")
                .param("y", YEAR)
                .query(String.class)
                .optional())
        .as("member6 heads cb2 in the campaign")
        .contains("BRANCH");
    for (int n = 1; n <= 15; n++) {
      if (n == 6) {
        String head = "member6";
        completeOk(head, taskOf(head, "self-review", head, YEAR), selfCriticism("GOOD"));
        sendResidenceFeedback(head, YEAR, "Tốt");
        completeOk(
            "secretary2",
            taskOf("secretary2", "branch-review", head, YEAR),
            branchProposes("GOOD"));
      } else {
        decideMember(YEAR, n, "GOOD");
      }
    }

    // finding 2: cb2's rating caps member6's own level; member6 neither sees nor takes it
    for (int b = 1; b <= BRANCHES.size(); b++) {
      String branch = BRANCHES.get(b - 1);
      completeOk(
          "secretary" + b,
          collectiveTaskOf("secretary" + b, "collective-self-review", branch, YEAR),
          collectiveSelfReview("GOOD"));
    }
    String cb2Rating = collectiveTaskOf("committee", "collective-decision", CB2, YEAR);
    String cb1Rating = collectiveTaskOf("committee", "collective-decision", ORG + "-cb1", YEAR);
    assertThat(taskIds(as("member6").get().uri("/api/v1/tasks").retrieve().body(String.class)))
        .as("member6 works on the other branches' ratings, not on their own branch's")
        .contains(cb1Rating)
        .doesNotContain(cb2Rating);
    for (String door : DOORS) {
      HttpResponse<String> listed = http.get(door + "/task?maxResults=500", "member6");
      assertThat(listed.body()).contains(cb1Rating).doesNotContain(cb2Rating);
      assertEngineRefused(
          http.send(
              "POST",
              door + "/task/" + cb2Rating + "/claim",
              "member6",
              "application/json",
              "{\"userId\":\"member6\"}"),
          NO_TASK_VI,
          NO_TASK_VI);
      assertEngineRefused(
          http.send(
              "POST",
              door + "/task/" + cb2Rating + "/complete",
              "member6",
              "application/json",
              "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},"
                  + "\"decidedLevel\":{\"value\":\"GOOD\"}}}"),
          NO_TASK_VI,
          NO_TASK_VI);
    }
    assertRefused(
        as("member6")
            .post()
            .uri("/api/v1/tasks/{id}/claim", cb2Rating)
            .retrieve()
            .toEntity(String.class),
        NO_TASK_API_VI);
    assertRefused(
        complete("member6", cb2Rating, Map.of("decision", "APPROVE", "decidedLevel", "GOOD")),
        NO_TASK_API_VI);
    // the committee cannot hand it to them either (the engine REST API's assignee)
    assertEngineRefused(
        http.send(
            "POST",
            "/engine-rest/task/" + cb2Rating + "/assignee",
            "committee",
            "application/json",
            "{\"userId\":\"member6\"}"),
        "Không giao việc này cho chính người được kiểm điểm",
        "This task cannot be handed to the member it is about");
    assertThat(collective("committee", YEAR, CB2).toString()).doesNotContain("member6");

    // the committee's other members rate the branches; then member6 is decided, then the
    // organization is rated
    for (String branch : BRANCHES) {
      completeOk(
          "committee",
          collectiveTaskOf("committee", "collective-decision", branch, YEAR),
          Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    }
    completeOk(
        "committee",
        taskOf("committee", "committee-decision", "member6", YEAR),
        Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    completeOk(
        "committee",
        collectiveTaskOf("committee", "collective-self-review", ORG, YEAR),
        collectiveSelfReview("GOOD"));
    completeOk(
        "district",
        collectiveTaskOf("district", "collective-decision", ORG, YEAR),
        Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    String finalize = finalizeResultsTask(YEAR);

    // finding 1: member4 raises their own level — the API and the page refuse with the reason
    assertRefused(
        as("member4")
            .post()
            .uri("/api/v1/evaluations/{y}/member4/adjustments", YEAR)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("level", "EXCELLENT", "reason", "Tự đề nghị nâng mức"))
            .retrieve()
            .toEntity(String.class),
        REASON_VI);
    assertRefused(
        as("member4")
            .post()
            .uri("/api/v1/evaluations/{y}/member4/adjustments", YEAR)
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("level", "EXCELLENT", "reason", "Tự đề nghị nâng mức"))
            .retrieve()
            .toEntity(String.class),
        REASON_EN);
    PageSession page = PageSession.of(port, "member4");
    String finalizationPage = "/app/campaigns/" + ORG + "/" + YEAR + "/finalization";
    String html = page.get(finalizationPage).body();
    assertThat(html)
        .as("no adjustment form on one's own line")
        .doesNotContain("name=\"memberId\" value=\"member4\"")
        .contains("name=\"memberId\" value=\"member5\"");
    HttpResponse<String> pageAdjusted =
        page.post(
            finalizationPage + "/adjustments",
            "memberId=member4&level=EXCELLENT&reason="
                + URLEncoder.encode("Tự đề nghị nâng mức", StandardCharsets.UTF_8)
                + "&_csrf="
                + page.csrf(html));
    assertThat(pageAdjusted.statusCode()).isEqualTo(403);
    assertThat(pageAdjusted.body()).contains(REASON_VI);
    assertThat(
            as("committee")
                .get()
                .uri("/api/v1/evaluations/{y}/member4/adjustments", YEAR)
                .retrieve()
                .body(String.class))
        .isEqualTo("[]");
    assertThat(timelineKinds(YEAR, "member4")).doesNotContain("LEVEL_ADJUSTED");

    // ... nor exempts or moves themselves; nothing is recorded
    int changes = count("/api/v1/members/member4/changes");
    int movements = count("/api/v1/members/member4/movements");
    assertRefused(
        as("member4")
            .patch()
            .uri("/api/v1/members/member4")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("exempted", true, "reason", "QĐ 99-QĐ/ĐU tự miễn"))
            .retrieve()
            .toEntity(String.class),
        REASON_VI);
    assertRefused(
        as("member4")
            .post()
            .uri("/api/v1/members/member4/movements")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "kind",
                    "TRANSFER",
                    "toBranch",
                    CB2,
                    "on",
                    YEAR + "-12-01",
                    "reason",
                    "Tự chuyển"))
            .retrieve()
            .toEntity(String.class),
        REASON_VI);
    assertThat(count("/api/v1/members/member4/changes")).isEqualTo(changes);
    assertThat(count("/api/v1/members/member4/movements")).isEqualTo(movements);
    assertThat(evaluation("committee", YEAR, "member4").at("/decision/level").asText())
        .isEqualTo("GOOD");

    // finalizing the whole list stays theirs: their own line is as the committee decided it
    ResponseEntity<String> claimed =
        as("member4")
            .post()
            .uri("/api/v1/tasks/{id}/claim", finalize)
            .retrieve()
            .toEntity(String.class);
    assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    completeOk("member4", finalize, Map.of());
  }

  @Test
  void seatGroupsChangeOnlyThroughTheUnitsPageAndAnAuditorDoesNoTask() throws Exception {
    // finding 3: the engine's identity API is not a second way to seat someone
    for (String door : DOORS) {
      for (String[] command :
          new String[][] {
            {"PUT", "/group/" + ORG_COMMITTEE + "/members/auditor", null},
            {"DELETE", "/group/" + ORG_COMMITTEE + "/members/committee", null},
            {
              "POST",
              "/group/create",
              "{\"id\":\""
                  + Groups.inspection("nowhere")
                  + "\",\"name\":\"x\",\"type\":\"WORKFLOW\"}"
            },
            {"DELETE", "/group/" + Groups.branchCommittee(ORG + "-cb1"), null}
          }) {
        HttpResponse<String> answer =
            command[2] == null
                ? http.send(command[0], door + command[1], "admin", null, (byte[]) null)
                : http.send(command[0], door + command[1], "admin", "application/json", command[2]);
        assertEngineRefused(answer, "trang của đơn vị", "unit's page");
      }
    }
    assertThat(inGroup("auditor", ORG_COMMITTEE)).isFalse();
    assertThat(inGroup("committee", ORG_COMMITTEE)).isTrue();
    assertThat(identityService.createGroupQuery().groupId(Groups.inspection("nowhere")).count())
        .isZero();
    // other groups stay the administrator's
    HttpResponse<String> created =
        http.send(
            "POST",
            "/engine-rest/group/create",
            "admin",
            "application/json",
            "{\"id\":\"reading-club\",\"name\":\"Câu lạc bộ đọc sách\",\"type\":\"WORKFLOW\"}");
    assertThat(created.statusCode()).as(created.body()).isBetween(200, 204);
    HttpResponse<String> deleted =
        http.send("DELETE", "/engine-rest/group/reading-club", "admin", null, (byte[]) null);
    assertThat(deleted.statusCode()).as(deleted.body()).isBetween(200, 204);

    // defence in depth: even in a committee's group, an auditor gives no task command at any door
    launchedCampaign(SEATS_YEAR);
    completeOk(
        "member5", taskOf("member5", "self-review", "member5", SEATS_YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member5", SEATS_YEAR, "Tốt");
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member5", SEATS_YEAR),
        branchProposes("GOOD"));
    String decision = taskOf("committee", "committee-decision", "member5", SEATS_YEAR);
    identityService.createMembership("auditor", ORG_COMMITTEE); // as the system, around the seats
    try {
      for (String door : DOORS) {
        assertEngineRefused(
            http.send(
                "POST",
                door + "/task/" + decision + "/claim",
                "auditor",
                "application/json",
                "{\"userId\":\"auditor\"}"),
            "Ủy ban kiểm tra chỉ xem",
            "reads and changes nothing");
        assertEngineRefused(
            http.send(
                "POST",
                door + "/task/" + decision + "/complete",
                "auditor",
                "application/json",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},"
                    + "\"decidedLevel\":{\"value\":\"GOOD\"}}}"),
            "Ủy ban kiểm tra chỉ xem",
            "reads and changes nothing");
      }
      assertRefused(
          as("auditor")
              .post()
              .uri("/api/v1/tasks/{id}/claim", decision)
              .retrieve()
              .toEntity(String.class),
          "Ủy ban kiểm tra chỉ xem");
      // ...nor completes it through the domain API, told why as engine REST tells it, in the
      // reader's language (ninth session's outsider, finding 7: "no permission" here)
      assertRefused(
          auditorApproves(decision, "vi"),
          "Ủy ban kiểm tra chỉ xem, không thực hiện hay quyết định việc nào.");
      assertRefused(
          auditorApproves(decision, "en"), "The inspection committee reads and changes nothing");
      // ...nor opens a campaign or adjusts a level through the domain API (it passed authorization
      // before)
      ResponseEntity<String> opened =
          openCampaign("auditor", SEATS_YEAR, java.time.OffsetDateTime.now().plusDays(30));
      assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(403);
    } finally {
      identityService.deleteMembership("auditor", ORG_COMMITTEE);
    }
    // an auditor in no committee at all is told the same
    assertRefused(
        auditorApproves(decision, "vi"),
        "Ủy ban kiểm tra chỉ xem, không thực hiện hay quyết định việc nào.");
    assertThat(evaluation("committee", SEATS_YEAR, "member5").get("status").asText())
        .isNotEqualTo("DECIDED");
    completeOk("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
  }

  private boolean inGroup(String user, String group) {
    return identityService.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
  }

  private int count(String path) {
    return json(as("committee").get().uri(path).retrieve().body(String.class)).size();
  }

  private static List<String> taskIds(String body) {
    return StreamSupport.stream(json(body).spliterator(), false)
        .map(task -> task.get("id").asText())
        .toList();
  }

  private static void assertRefused(ResponseEntity<String> response, String reason) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
    assertThat(response.getBody()).contains(reason);
  }

  private static void assertEngineRefused(
      HttpResponse<String> response, String reasonVi, String reasonEn) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains(reasonVi, reasonEn);
  }

  /** The auditor's approval of a decision task through the domain API, asked in a language. */
  private ResponseEntity<String> auditorApproves(String decision, String language) {
    return as("auditor")
        .post()
        .uri("/api/v1/tasks/{id}/complete", decision)
        .header(HttpHeaders.ACCEPT_LANGUAGE, language)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("decision", "APPROVE", "decidedLevel", "GOOD"))
        .retrieve()
        .toEntity(String.class);
  }
}
