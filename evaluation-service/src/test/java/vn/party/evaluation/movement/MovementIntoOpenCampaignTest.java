package vn.party.evaluation.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.rules.ReasonCode;

/**
 * A transfer after the launch into another organization whose campaign for the year is running (issue 13): three
 * organizations of their own (mo-ward with mo-cb1, mo-ward2 with mo-cb2, mo-ward3 with mo-cb3, the last with nobody on
 * its roster, so its campaign is past its members' self-review at once), each with its campaign of 2080 opened. The
 * transfers are dated before 2080, so the new organization has the whole year (MOST_OF_YEAR). Into mo-ward2: the
 * evaluation ends at mo-ward (NOT_RATED, TRANSFERRED_ELSEWHERE, process ended with the reason) and starts in mo-ward2's
 * campaign as its launch starts one — roster line, counts, record, process with that campaign's variables and
 * deadlines, the self-review task in mo-cb2 and its notice — and recording the movement again starts nobody twice.
 * Into mo-ward3: the evaluation stays where it started, with the reason recorded. Back into mo-ward: its line there
 * is put on again and the evaluation starts there afresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MovementIntoOpenCampaignTest extends EvaluationFlowSupport {

  private static final int YEAR = 2080;
  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, String> campaigns = new HashMap<>();
  private String startedProcess;

  @Autowired TaskService taskService;

  private MovementFixture fixture;

  @BeforeAll
  void threeOrganizationsWithTheirCampaignsOpen() {
    fixture = new MovementFixture(this::as, jdbc);
    unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Nơi Đi", "mo-ward");
    unit("BRANCH", "mo-ward", "Chi bộ Nơi đi", "mo-cb1");
    unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Đợt Đang Mở", "mo-ward2");
    unit("BRANCH", "mo-ward2", "Chi bộ Đợt đang mở", "mo-cb2");
    unit("ORGANIZATION", "thanh-khe", "Đảng bộ phường Đã Qua Tự Kiểm", "mo-ward3");
    unit("BRANCH", "mo-ward3", "Chi bộ Đã qua tự kiểm", "mo-cb3");
    importRoster(
        "mo-ward",
        List.of(
            new String[] {"Chuyển Đến Đợt Mở", "MO000001", "mo-cb1"},
            new String[] {"Ở Lại Nơi Đi", "MO000002", "mo-cb1"}));
    importRoster(
        "mo-ward2", List.<String[]>of(new String[] {"Đã Ở Nơi Đến", "MO000003", "mo-cb2"}));
    assertThat(ids).hasSize(3);
    for (String organization : List.of("mo-ward", "mo-ward2", "mo-ward3")) {
      campaigns.put(organization, fixture.openCampaign(organization, YEAR));
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(campaign("mo-ward").get("members_started")).isEqualTo(2);
              assertThat(campaign("mo-ward2").get("members_started")).isEqualTo(1);
              // nobody on its roster: its members' decisions are complete at once, it rates its
              // units
              assertThat(campaign("mo-ward3").get("decision_stage")).isNotNull();
            });
  }

  @Test
  @Order(1)
  void aTransferIntoAnOpenCampaignEndsHereAndStartsThere() {
    String member = ids.get("MO000001");
    String before = process(member);
    ResponseEntity<String> moved =
        move(
            member,
            Map.of(
                "kind",
                "TRANSFER",
                "toBranch",
                "mo-cb2",
                "on",
                LocalDate.now().toString(),
                "reason",
                "Giấy giới thiệu sinh hoạt đảng số 21"));
    assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(201);
    assertThat(json(moved.getBody()).get("campaignEffect").asText()).isEqualTo("TRANSFERRED");

    // ended where it started: not rated there, with the reason; the process ended with it
    assertThat(rosterLine("mo-ward", member))
        .containsEntry("status", "NOT_RATED")
        .containsEntry("reason", "TRANSFERRED_ELSEWHERE");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(before).count())
        .isZero();
    assertThat(
            jdbc.sql("select delete_reason_ from public.act_hi_procinst where id_ = :p")
                .param("p", before)
                .query(String.class)
                .single())
        .isEqualTo(
            ReasonCode.TRANSFERRED_ELSEWHERE.englishLabel()
                + ": Giấy giới thiệu sinh hoạt đảng số 21");
    assertThat(campaign("mo-ward"))
        .containsEntry("members_total", 1)
        .containsEntry("members_started", 1)
        .containsEntry("members_not_rated", 1);

    // started in the receiving organization's running campaign, as its launch starts one
    assertThat(rosterLine("mo-ward2", member)).containsEntry("status", "STARTED");
    assertThat(campaign("mo-ward2"))
        .containsEntry("members_total", 2)
        .containsEntry("members_started", 2);
    Map<String, Object> evaluation =
        jdbc.sql(
                """
        select campaign_id::text as campaign_id, organization_id, branch_id, status, process_instance_id,
          ended_reason from evaluation.member_evaluation where year = :y and member_id = :m""")
            .param("y", YEAR)
            .param("m", member)
            .query()
            .singleRow();
    assertThat(evaluation)
        .containsEntry("campaign_id", campaigns.get("mo-ward2"))
        .containsEntry("organization_id", "mo-ward2")
        .containsEntry("branch_id", "mo-cb2")
        .containsEntry("status", "SELF_REVIEW");
    startedProcess = (String) evaluation.get("process_instance_id");
    assertThat(startedProcess).isNotNull().isNotEqualTo(before);
    Map<String, Object> variables = runtimeService.getVariables(startedProcess);
    assertThat(variables)
        .containsEntry("campaignId", campaigns.get("mo-ward2"))
        .containsEntry("organizationId", "mo-ward2")
        .containsEntry("branchId", "mo-cb2")
        // an official member's form is what an absent formKind means (issue 15); the committees and
        // the deadlines follow from the unit and the campaign (issue 15)
        .doesNotContainKeys(
            "formKind", "branchCommitteeGroup", "organizationCommitteeGroup", "selfReviewDue");
    Task selfReview =
        taskService
            .createTaskQuery()
            .processInstanceId(startedProcess)
            .taskDefinitionKey("self-review")
            .singleResult();
    assertThat(selfReview).isNotNull();
    assertThat(selfReview.getDueDate().toInstant())
        .isEqualTo(
            jdbc.sql("select self_review_due from evaluation.campaign where id = :c::uuid")
                .param("c", campaigns.get("mo-ward2"))
                .query(OffsetDateTime.class)
                .single()
                .toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(selfReview.getAssignee()).isEqualTo(member);
    assertThat(taskService.getVariable(selfReview.getId(), "branchId")).isEqualTo("mo-cb2");
    // its notice, as the launch sends one for each member
    assertThat(
            outboxEvents("vn.party.evaluation.task.assigned", YEAR).stream()
                .map(event -> event.get("data"))
                .filter(
                    data ->
                        member.equals(data.path("memberId").asText())
                            && "self-review".equals(data.path("taskKey").asText())))
        .extracting(
            data -> data.path("organizationId").asText() + "/" + data.path("branchId").asText())
        .containsExactly("mo-ward/mo-cb1", "mo-ward2/mo-cb2");
    // the member's page reads the new place
    JsonNode page = evaluation("admin", YEAR, member);
    assertThat(page.get("status").asText()).isEqualTo("SELF_REVIEW");

    // the history: started, ended by the movement, started again; the roster's change with the
    // reason
    assertThat(timelineKinds(YEAR, member))
        .containsSubsequence("EVALUATION_STARTED", "EVALUATION_ENDED", "EVALUATION_STARTED");
    JsonNode changes =
        json(
            as("admin")
                .get()
                .uri("/api/v1/members/{m}/changes", member)
                .retrieve()
                .body(String.class));
    JsonNode last = changes.get(changes.size() - 1);
    assertThat(last.get("reason").asText()).isEqualTo("Giấy giới thiệu sinh hoạt đảng số 21");
    assertThat(last.at("/changes/0/field").asText()).isEqualTo("branchId");
    JsonNode movements =
        json(
            as("admin")
                .get()
                .uri("/api/v1/members/{m}/movements", member)
                .retrieve()
                .body(String.class));
    assertThat(movements.findValuesAsText("campaignEffect")).containsExactly("TRANSFERRED");
  }

  @Test
  @Order(2)
  void recordingTheTransferAgainStartsNobodyTwice() {
    String member = ids.get("MO000001");
    ResponseEntity<String> again =
        move(
            member,
            Map.of(
                "kind",
                "TRANSFER",
                "toBranch",
                "mo-cb2",
                "reason",
                "Giấy giới thiệu sinh hoạt đảng số 21"));
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(400);
    assertThat(again.getBody()).contains("same-branch");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.member(YEAR, member))
                .list())
        .extracting(p -> p.getId())
        .containsExactly(startedProcess);
    assertThat(
            jdbc.sql("select count(*) from evaluation.campaign_member where campaign_id = :c::uuid")
                .param("c", campaigns.get("mo-ward2"))
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(campaign("mo-ward2")).containsEntry("members_total", 2);
    assertThat(timelineKinds(YEAR, member).stream().filter("EVALUATION_STARTED"::equals))
        .hasSize(2);
  }

  @Test
  @Order(3)
  void aCampaignPastItsSelfReviewKeepsTheEvaluationWhereItStartedWithTheReason() {
    String member = ids.get("MO000002");
    String before = process(member);
    ResponseEntity<String> moved =
        move(
            member,
            Map.of("kind", "TRANSFER", "toBranch", "mo-cb3", "reason", "Giấy giới thiệu số 22"));
    assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(201);
    assertThat(json(moved.getBody()).get("campaignEffect").asText()).isEqualTo("KEPT");
    assertThat(rosterLine("mo-ward", member)).containsEntry("status", "STARTED");
    assertThat(process(member)).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(before).count())
        .isOne();
    assertThat(
            jdbc.sql("select count(*) from evaluation.campaign_member where campaign_id = :c::uuid")
                .param("c", campaigns.get("mo-ward3"))
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    """
            select details ->> 'movementRule' from evaluation.timeline_entry
            where year = :y and member_id = :m and kind = 'MOVEMENT_RECORDED'""")
                .param("y", YEAR)
                .param("m", member)
                .query(String.class)
                .single())
        .isEqualTo("RECEIVING_CAMPAIGN_PAST_SELF_REVIEW");
  }

  @Test
  @Order(4)
  void comingBackIntoTheFirstOpenCampaignStartsThereAgain() {
    String member = ids.get("MO000001");
    ResponseEntity<String> back =
        move(
            member,
            Map.of("kind", "TRANSFER", "toBranch", "mo-cb1", "reason", "Giấy giới thiệu số 23"));
    assertThat(back.getStatusCode().value()).as(back.getBody()).isEqualTo(201);
    assertThat(json(back.getBody()).get("campaignEffect").asText()).isEqualTo("TRANSFERRED");
    assertThat(rosterLine("mo-ward2", member))
        .containsEntry("status", "NOT_RATED")
        .containsEntry("reason", "TRANSFERRED_ELSEWHERE");
    assertThat(rosterLine("mo-ward", member).get("status")).isEqualTo("STARTED");
    assertThat(rosterLine("mo-ward", member).get("reason")).isNotEqualTo("TRANSFERRED_ELSEWHERE");
    assertThat(campaign("mo-ward"))
        .containsEntry("members_total", 2)
        .containsEntry("members_started", 2)
        .containsEntry("members_not_rated", 0);
    assertThat(campaign("mo-ward2"))
        .containsEntry("members_total", 1)
        .containsEntry("members_not_rated", 1);
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(startedProcess).count())
        .isZero();
    String now = process(member);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.member(YEAR, member))
                .list())
        .extracting(p -> p.getId())
        .containsExactly(now);
    assertThat(runtimeService.getVariable(now, "campaignId")).isEqualTo(campaigns.get("mo-ward"));
    assertThat(runtimeService.getVariable(now, "branchId")).isEqualTo("mo-cb1");
    assertThat(
            json(as("admin")
                    .get()
                    .uri("/api/v1/members/{m}/movements", member)
                    .retrieve()
                    .body(String.class))
                .findValuesAsText("campaignEffect"))
        .containsExactly("TRANSFERRED", "TRANSFERRED");
  }

  private void unit(String kind, String parent, String name, String code) {
    fixture.unit(kind, parent, name, code);
  }

  private void importRoster(String organization, List<String[]> members) {
    StringBuilder lines = new StringBuilder();
    for (String[] m : members) {
      lines.append(MovementFixture.rosterLine(m[0], m[1], "19/05/2010", m[2]));
    }
    ids.putAll(
        MovementFixture.memberIds(fixture.importRoster(organization, "mo.csv", lines.toString())));
  }

  private Map<String, Object> campaign(String organization) {
    return jdbc.sql(
            """
        select members_total, members_started, members_not_rated, decision_stage from evaluation.campaign
        where organization_id = :o and year = :y""")
        .param("o", organization)
        .param("y", YEAR)
        .query()
        .singleRow();
  }

  private Map<String, Object> rosterLine(String organization, String member) {
    return jdbc.sql(
            """
        select cm.status, cm.reason from evaluation.campaign_member cm
        join evaluation.campaign c on c.id = cm.campaign_id
        where c.year = :y and c.organization_id = :o and cm.member_id = :m""")
        .param("y", YEAR)
        .param("o", organization)
        .param("m", member)
        .query()
        .singleRow();
  }

  private String process(String member) {
    return fixture.process(YEAR, member);
  }

  private ResponseEntity<String> move(String member, Map<String, ?> body) {
    return fixture.move(member, body);
  }
}
