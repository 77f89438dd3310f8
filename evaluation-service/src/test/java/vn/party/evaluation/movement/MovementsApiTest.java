package vn.party.evaluation.movement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.rules.ReasonCode;

/**
 * Movements during the year on an organization of its own (mv-ward, branches mv-cb1 and mv-cb2; mv-ward2 elsewhere),
 * its members loaded through the roster import: the campaign of 2063 is opened, then a member is transferred to the
 * other branch, one to another organization, one is recognized as official, one leaves and one dies. What each does to
 * the running campaign (defaults of evaluation.movements; the transfers are dated before 2063, so the new unit has
 * most of that year): the evaluation moves to the new branch; to another organization whose campaign is not open it
 * ends here (that organization's launch evaluates the member); recognition keeps the form; leaving and death end the
 * evaluation — process ended with the reason, evaluation ENDED and kept, not rated, in the timeline. The roster and
 * the movements list say what happened; who left or died cannot sign in but the account is still there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MovementsApiTest extends EvaluationFlowSupport {

  private static final int YEAR = 2063;
  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, String> passwords = new HashMap<>();

  private MovementFixture fixture;

  @BeforeAll
  void ward() {
    fixture = new MovementFixture(this::as, jdbc);
    fixture.unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Biến Động", "mv-ward");
    fixture.unit("BRANCH", "mv-ward", "Chi bộ Biến động 1", "mv-cb1");
    fixture.unit("BRANCH", "mv-ward", "Chi bộ Biến động 2", "mv-cb2");
    fixture.unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Nơi Đến", "mv-ward2");
    fixture.unit("BRANCH", "mv-ward2", "Chi bộ Nơi đến", "mv-cb9");
    JsonNode accounts =
        fixture.importRoster(
            "mv-ward",
            "mv.csv",
            MovementFixture.rosterLine("Chuyển Trong", "MV000001", "19/05/2010", "mv-cb1")
                + MovementFixture.rosterLine("Chuyển Ngoài", "MV000002", "19/05/2010", "mv-cb1")
                + MovementFixture.rosterLine("Dự Bị", "MV000003", "", "mv-cb1")
                + MovementFixture.rosterLine("Ra Đảng", "MV000004", "19/05/2010", "mv-cb1")
                + MovementFixture.rosterLine("Từ Trần", "MV000005", "19/05/2010", "mv-cb1"));
    ids.putAll(MovementFixture.memberIds(accounts));
    accounts.forEach(
        a -> passwords.put(a.get("memberId").asText(), a.get("oneTimePassword").asText()));
    assertThat(ids).hasSize(5);
    // the campaign is running before anyone moves
    fixture.awaitStarted(fixture.openCampaign("mv-ward", YEAR), 5);
  }

  @Test
  @Order(1)
  void aTransferToAnotherBranchAfterTheLaunch() {
    String member = ids.get("MV000001");
    ResponseEntity<String> moved =
        move(
            "admin",
            member,
            Map.of(
                "kind",
                "TRANSFER",
                "toBranch",
                "mv-cb2",
                "on",
                LocalDate.now().toString(),
                "reason",
                "QĐ chuyển sinh hoạt số 5"));
    assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(201);
    assertThat(json(moved.getBody()).get("fromBranch").asText()).isEqualTo("mv-cb1");
    assertThat(branchOf(member)).isEqualTo("mv-cb2");
    JsonNode last = lastChange(member);
    assertThat(last.get("reason").asText()).isEqualTo("QĐ chuyển sinh hoạt số 5");
    assertThat(last.at("/changes/0/field").asText()).isEqualTo("branchId");
    // the new branch has most of the year: the running evaluation moves with the member
    assertThat(json(moved.getBody()).get("campaignEffect").asText()).isEqualTo("MOVED");
    assertThat(evaluationBranch(member)).isEqualTo("mv-cb2");
    assertThat(rosterStatus(member)).isEqualTo("STARTED");
    String process = process(member);
    assertThat(runtimeService.getVariable(process, "branchId")).isEqualTo("mv-cb2");
    // the branch review's committee follows from branchId (issue 15): no variable of its own to
    // move
    assertThat(runtimeService.getVariable(process, "branchCommitteeGroup")).isNull();
    assertThat(timelineKinds(YEAR, member)).contains("EVALUATION_MOVED");
  }

  @Test
  @Order(2)
  void aTransferToAnotherOrganization() {
    String member = ids.get("MV000002");
    assertThat(
            move(
                    "admin",
                    member,
                    Map.of(
                        "kind", "TRANSFER", "toBranch", "mv-cb9", "reason", "Giấy giới thiệu 12"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    assertThat(branchOf(member)).isEqualTo("mv-cb9");
    // the receiving organization has no campaign for the year yet: ended here, its launch will
    // evaluate the member
    assertThat(onRoster(member)).isTrue();
    assertThat(rosterStatus(member)).isEqualTo("NOT_RATED");
    assertThat(rosterReason(member)).isEqualTo("TRANSFERRED_ELSEWHERE");
    assertEnded(member);
  }

  @Test
  @Order(3)
  void recognitionAsAnOfficialMember() {
    String member = ids.get("MV000003");
    assertThat(
            move(
                    "admin",
                    member,
                    Map.of(
                        "kind",
                        "RECOGNITION",
                        "on",
                        LocalDate.now().toString(),
                        "reason",
                        "QĐ công nhận chính thức số 8"))
                .getStatusCode()
                .value())
        .isEqualTo(201);
    Map<String, Object> row =
        jdbc.sql("select membership, official_on from evaluation.party_member where id = :m")
            .param("m", member)
            .query()
            .singleRow();
    assertThat(row.get("membership")).isEqualTo("OFFICIAL");
    assertThat(row.get("official_on").toString()).isEqualTo(LocalDate.now().toString());
    assertThat(error(move("admin", member, Map.of("kind", "RECOGNITION", "reason", "lại")), "kind"))
        .isEqualTo("already-official");
    // the form decided at launch stays (evaluation.movements.recognition-after-launch: KEEP_FORM),
    // in the history
    assertThat(runtimeService.getVariable(process(member), "formKind")).isEqualTo("PROBATIONARY");
    assertThat(timelineKinds(YEAR, member)).contains("MOVEMENT_RECORDED");
  }

  @Test
  @Order(4)
  void leavingAndDeathDisableTheAccountAndKeepEverything() {
    for (String[] c :
        List.of(
            new String[] {"MV000004", "LEAVING", "LEFT"},
            new String[] {"MV000005", "DEATH", "DECEASED"})) {
      String member = ids.get(c[0]);
      RestClient self =
          RestClient.builder()
              .baseUrl("http://localhost:" + port)
              .defaultHeaders(
                  h -> h.setBasicAuth(member, passwords.get(member), StandardCharsets.UTF_8))
              .defaultStatusHandler(s -> true, (q, r) -> {})
              .build();
      // the one-time password signs in (and must be changed first: 403, not 401)
      ResponseEntity<String> before =
          self.get().uri("/api/v1/me").retrieve().toEntity(String.class);
      assertThat(before.getStatusCode().value()).as(before.getBody()).isEqualTo(403);
      assertThat(before.getBody()).contains("password-change-required");
      assertThat(
              move("admin", member, Map.of("kind", c[1], "reason", "Quyết định " + c[1]))
                  .getStatusCode()
                  .value())
          .isEqualTo(201);
      assertThat(
              jdbc.sql("select status from evaluation.party_member where id = :m")
                  .param("m", member)
                  .query(String.class)
                  .single())
          .isEqualTo(c[2]);
      assertThat(
              self.get()
                  .uri("/api/v1/me")
                  .retrieve()
                  .toEntity(String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(401);
      assertThat(
              jdbc.sql("select count(*) from public.act_id_user where id_ = :m")
                  .param("m", member)
                  .query(Integer.class)
                  .single())
          .isEqualTo(1); // disabled, never deleted
      assertThat(onRoster(member)).isTrue();
      assertThat(rosterReason(member))
          .isEqualTo("LEAVING".equals(c[1]) ? "LEFT_THE_PARTY" : "DECEASED");
      assertEnded(member);
      assertThat(lastChange(member).at("/changes/0/to").asText()).isEqualTo(c[2]);
      assertThat(
              error(
                  move(
                      "admin",
                      member,
                      Map.of("kind", "TRANSFER", "toBranch", "mv-cb2", "reason", "r")),
                  "kind"))
          .isEqualTo("member-not-active");
    }
    JsonNode listed =
        json(
            as("auditor")
                .get()
                .uri("/api/v1/members/{m}/movements", ids.get("MV000005"))
                .retrieve()
                .body(String.class));
    assertThat(listed.findValuesAsText("kind")).containsExactly("DEATH");
    assertThat(listed.findValuesAsText("campaignEffect")).containsExactly("ENDED");
    // the campaign counts only who is still rated: 5 launched, 3 ended
    Map<String, Object> campaign =
        jdbc.sql(
                """
        select members_total, members_not_rated, members_started from evaluation.campaign
        where organization_id = 'mv-ward' and year = :y""")
            .param("y", YEAR)
            .query()
            .singleRow();
    assertThat(campaign)
        .containsEntry("members_total", 2)
        .containsEntry("members_not_rated", 3)
        .containsEntry("members_started", 2);
  }

  @Test
  @Order(5)
  void refusalsAndAccess() {
    String member = ids.get("MV000001");
    assertThat(error(move("admin", member, Map.of("reason", "r")), "kind")).isEqualTo("required");
    assertThat(error(move("admin", member, Map.of("kind", "ESCAPE", "reason", "r")), "kind"))
        .isEqualTo("invalid-movement");
    assertThat(
            error(
                move(
                    "admin",
                    member,
                    Map.of("kind", "TRANSFER", "toBranch", "mv-cb2", "reason", "r")),
                "toBranch"))
        .isEqualTo("same-branch");
    assertThat(
            error(
                move(
                    "admin",
                    member,
                    Map.of("kind", "TRANSFER", "toBranch", "nowhere", "reason", "r")),
                "toBranch"))
        .isEqualTo("unknown");
    assertThat(error(move("admin", member, Map.of("kind", "TRANSFER", "reason", "r")), "toBranch"))
        .isEqualTo("required");
    assertThat(
            error(
                move(
                    "admin",
                    member,
                    Map.of(
                        "kind",
                        "LEAVING",
                        "on",
                        LocalDate.now().plusDays(5).toString(),
                        "reason",
                        "r")),
                "on"))
        .isEqualTo("in-future");
    assertThat(error(move("admin", member, Map.of("kind", "LEAVING")), "reason"))
        .isEqualTo("required");
    for (String user : List.of("committee", "secretary1", "auditor", "district", member)) {
      assertThat(
              move(user, member, Map.of("kind", "LEAVING", "reason", "r")).getStatusCode().value())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(
            jdbc.sql("select status from evaluation.party_member where id = :m")
                .param("m", member)
                .query(String.class)
                .single())
        .isEqualTo("ACTIVE");
  }

  private ResponseEntity<String> move(String user, String member, Map<String, ?> body) {
    RestClient client =
        member.equals(user)
            ? RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(
                    h -> h.setBasicAuth(member, passwords.get(member), StandardCharsets.UTF_8))
                .defaultStatusHandler(s -> true, (q, r) -> {})
                .build()
            : as(user);
    return MovementFixture.move(client, member, body);
  }

  private static String error(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    for (JsonNode e : json(response.getBody()).get("errors")) {
      if (field.equals(e.get("field").asText())) {
        return e.get("reason").asText();
      }
    }
    return null;
  }

  private String branchOf(String member) {
    return fixture.branchOf(member);
  }

  private String evaluationBranch(String member) {
    return fixture.evaluationBranch(YEAR, member);
  }

  private boolean onRoster(String member) {
    return jdbc.sql(
                """
        select count(*) from evaluation.campaign_member cm join evaluation.campaign c on c.id = cm.campaign_id
        where c.year = :y and c.organization_id = 'mv-ward' and cm.member_id = :m""")
            .param("y", YEAR)
            .param("m", member)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The evaluation is kept, ENDED; its process ended with the reason; the timeline says so; the member's page too. */
  private void assertEnded(String member) {
    Map<String, Object> evaluation =
        jdbc.sql(
                """
        select status, ended_reason, process_instance_id from evaluation.member_evaluation
        where year = :y and member_id = :m""")
            .param("y", YEAR)
            .param("m", member)
            .query()
            .singleRow();
    assertThat(evaluation.get("status")).isEqualTo("ENDED");
    assertThat(evaluation.get("ended_reason")).isEqualTo(rosterReason(member));
    String process = (String) evaluation.get("process_instance_id");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).count())
        .isZero();
    assertThat(
            jdbc.sql("select delete_reason_ from public.act_hi_procinst where id_ = :p")
                .param("p", process)
                .query(String.class)
                .single())
        .startsWith(ReasonCode.valueOf(rosterReason(member)).englishLabel() + ": ");
    assertThat(timelineKinds(YEAR, member)).contains("EVALUATION_ENDED");
    assertThat(
            json(as("admin")
                    .get()
                    .uri("/api/v1/evaluations/{y}/{m}", YEAR, member)
                    .retrieve()
                    .body(String.class))
                .get("status")
                .asText())
        .isEqualTo("ENDED");
  }

  private String rosterStatus(String member) {
    return rosterLine(member, "status");
  }

  private String rosterReason(String member) {
    return rosterLine(member, "reason");
  }

  private String rosterLine(String member, String column) {
    return jdbc.sql(
            "select cm."
                + column
                + """
         from evaluation.campaign_member cm join evaluation.campaign c on c.id = cm.campaign_id
        where c.year = :y and c.organization_id = 'mv-ward' and cm.member_id = :m""")
        .param("y", YEAR)
        .param("m", member)
        .query(String.class)
        .single();
  }

  private String process(String member) {
    return fixture.process(YEAR, member);
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
}
