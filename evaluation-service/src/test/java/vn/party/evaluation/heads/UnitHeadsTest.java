package vn.party.evaluation.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.CampaignOpening;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.caps.MemberFactStore;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.rules.Level;

/**
 * A collective before its head, on an organization of its own: two branches, one founded this autumn (not rated).
 * The member who heads nothing is decided first; then the branches are rated; the head of the rated branch is
 * decided after it and not above it, the head of the branch not rated without waiting for a rating; then the
 * organization is rated, and its head decided after it and not above it; only then are the results finalized.
 */
class UnitHeadsTest extends EvaluationFlowSupport {

  private static final int YEAR = 2061;
  private static final String WARD = "order-ward";
  private static final String RATED_BRANCH = "order-cb1";
  private static final String NEW_BRANCH = "order-cb2";
  private static final String COMMITTEE = "order-committee";

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired MemberFactStore facts;

  @Test
  void eachHeadIsDecidedAfterTheUnitAndNotAboveIt() throws Exception {
    jdbc.sql(
            "insert into evaluation.organization (id, name, established_on) values (:id, 'Đảng bộ xã thử nghiệm', "
                + "date '1990-01-01')")
        .param("id", WARD)
        .update();
    jdbc.sql(
            "insert into evaluation.branch (id, organization_id, name, established_on) values (:id, :o, 'Chi bộ thôn "
                + "1', null)")
        .param("id", RATED_BRANCH)
        .param("o", WARD)
        .update();
    jdbc.sql(
            "insert into evaluation.branch (id, organization_id, name, established_on) values (:id, :o, 'Chi bộ thôn "
                + "2', :founded)")
        .param("id", NEW_BRANCH)
        .param("o", WARD)
        .param("founded", LocalDate.of(YEAR, 9, 1))
        .update();
    member("hw-member", RATED_BRANCH, null);
    member("hw-head1", RATED_BRANCH, "BRANCH");
    member("hw-secretary", RATED_BRANCH, "ORGANIZATION");
    member("hw-head2", NEW_BRANCH, "BRANCH");
    // a committee account of this organization's own (the demo's "committee" sits on one committee
    // only)
    org.camunda.bpm.engine.identity.Group group =
        identityService.newGroup(Groups.organizationCommittee(WARD));
    group.setName("Đảng ủy xã thử nghiệm");
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    org.camunda.bpm.engine.identity.User user = identityService.newUser(COMMITTEE);
    user.setFirstName("Thường trực");
    user.setLastName("Đảng ủy xã");
    user.setPassword("demo");
    // the demo password, below the password policy like the demo users' (see DemoData)
    ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(user, true);
    identityService.createMembership(COMMITTEE, Groups.organizationCommittee(WARD));

    String campaignId = launch();
    for (String member : List.of("hw-member", "hw-head1", "hw-secretary", "hw-head2")) {
      complete(
          task(member, "self-review"),
          selfCriticism(member.equals("hw-member") ? "GOOD" : "EXCELLENT"));
      sendResidenceFeedback(member, YEAR, "Gương mẫu nơi cư trú.");
      complete(
          task(member, "branch-review"),
          branchProposes(member.equals("hw-member") ? "GOOD" : "EXCELLENT"));
    }

    // reviewed by their branches like everyone, the heads wait; the member who heads nothing is
    // decided
    for (String head : List.of("hw-head1", "hw-secretary", "hw-head2")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "WAITING_UNIT_RATING".equals(status(head)));
      assertThat(
              taskService.createTaskQuery().processInstanceBusinessKey(YEAR + ":" + head).count())
          .isZero();
    }
    assertThat(collectiveInstances()).as("no collective rated before its members").isZero();
    complete(
        task("hw-member", "committee-decision"),
        Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));

    // the branches: the new one is not rated, so its head is decided now, with no cap from it
    Task head2Decision = task("hw-head2", "committee-decision");
    assertThat(evaluation("auditor", YEAR, "hw-head2").path("levelCap").path("level").asText(""))
        .isEmpty();
    JsonNode released = timeline("hw-head2", "HEADED_UNIT_RATED").get("details");
    assertThat(released.get("unitId").asText()).isEqualTo(NEW_BRANCH);
    assertThat(released.hasNonNull("unitLevel")).as("not rated: no level").isFalse();
    complete(head2Decision, approves("EXCELLENT"));

    // the rated branch: COMPLETED; its head may then be decided, not above COMPLETED
    complete(
        collectiveTask(RATED_BRANCH, "collective-self-review"), collectiveSelfReview("COMPLETED"));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(YEAR + ":hw-head1").count())
        .as("the head waits for the decision on the branch, not its self-review")
        .isZero();
    complete(
        collectiveTask(RATED_BRANCH, "collective-decision"),
        Map.of("decision", "APPROVE", "decidedLevel", "COMPLETED"));
    Task head1Decision = task("hw-head1", "committee-decision");
    JsonNode head1 = evaluation("auditor", YEAR, "hw-head1");
    assertThat(head1.at("/levelCap/level").asText()).isEqualTo("COMPLETED");
    assertThat(head1.at("/levelCap/ruleId").asText())
        .isEqualTo("member-caps-QD-366-2025-head-unit-completed");
    assertThat(timeline("hw-head1", "HEADED_UNIT_RATED").at("/details/unitLevel").asText())
        .isEqualTo("COMPLETED");
    assertThat(collectiveInstances()).as("the organization waits for the branch heads").isZero();
    // the collective's end is a job of its own (asyncBefore): the campaign opens the heads' stage
    // after
    // it, while the head's task is released at the decision itself
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        json(as("auditor")
                                .get()
                                .uri("/api/v1/campaigns/" + campaignId)
                                .retrieve()
                                .body(String.class))
                            .at("/progress/decisionStage")
                            .asText())
                    .isEqualTo("BRANCH_HEADS"));
    assertThat(
            vn.party.evaluation.pages.PageSession.of(port, "auditor")
                .get("/app/campaigns/" + WARD + "/" + YEAR)
                .body())
        .contains("data-stage=\"BRANCH_HEADS\"")
        .contains("đang xếp loại bí thư chi bộ");
    assertThatThrownBy(() -> complete(head1Decision, approvesWithComment("GOOD", "Nâng mức.")))
        .hasMessageContaining("decidedLevel: above-cap")
        .hasMessageContaining(
            "Người đứng đầu không cao hơn mức xếp loại của tập thể do mình đứng đầu")
        .hasMessageNotContaining("member-caps-"); // the rule's id is not for people
    // the unit's level is a fact of the system: the committee cannot send its own along, through
    // either API
    ResponseEntity<String> viaApi =
        complete(
            COMMITTEE,
            head1Decision.getId(),
            Map.of(
                "decision",
                "APPROVE",
                "decidedLevel",
                "GOOD",
                "decisionComment",
                "x",
                "headedUnitLevel",
                "EXCELLENT"));
    assertThat(viaApi.getStatusCode().value()).as(viaApi.getBody()).isEqualTo(400);
    assertThat(viaApi.getBody()).contains("headedUnitLevel");
    ResponseEntity<String> viaEngine =
        engineComplete(
            COMMITTEE,
            head1Decision.getId(),
            Map.of(
                "decision",
                "APPROVE",
                "decidedLevel",
                "GOOD",
                "decisionComment",
                "x",
                "headedUnitLevel",
                "EXCELLENT"));
    assertThat(viaEngine.getStatusCode().value()).as(viaEngine.getBody()).isEqualTo(400);
    assertThat(viaEngine.getBody())
        .contains("\"field\":\"headedUnitLevel\",\"reason\":\"unknown-field\"");
    complete(
        head1Decision,
        approvesWithComment(
            "COMPLETED", "Chi bộ hoàn thành nhiệm vụ; bí thư không xếp cao hơn chi bộ."));

    // the organization, after its branches and their heads; then its secretary, not above it
    complete(collectiveTask(WARD, "collective-self-review"), collectiveSelfReview("GOOD"));
    complete(
        collectiveTask(WARD, "collective-decision"),
        Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    Task secretaryDecision = task("hw-secretary", "committee-decision");
    assertThat(evaluation("auditor", YEAR, "hw-secretary").at("/levelCap/ruleId").asText())
        .isEqualTo("member-caps-QD-366-2025-head-unit-good");
    assertThatThrownBy(() -> complete(secretaryDecision, approves("EXCELLENT")))
        .hasMessageContaining("decidedLevel: above-cap");
    assertThat(finalizeTasks()).as("finalized only once everyone is decided").isZero();
    complete(secretaryDecision, approvesWithComment("GOOD", "Đảng bộ hoàn thành tốt nhiệm vụ."));

    // everyone decided: finalization (1 EXCELLENT for 2 GOOD: ⌊0.4⌋ = 0 allowed, so one adjustment
    // first)
    await().atMost(Duration.ofSeconds(30)).until(() -> finalizeTasks() == 1);
    assertThat(
            jdbc.sql("select decision_stage from evaluation.campaign where id = cast(:id as uuid)")
                .param("id", campaignId)
                .query(String.class)
                .single())
        .isEqualTo("ALL");
    JsonNode decided =
        json(
            as("auditor")
                .get()
                .uri("/api/v1/campaigns/" + campaignId)
                .retrieve()
                .body(String.class));
    assertThat(decided.at("/progress/membersDecided").asInt()).isEqualTo(4);
    assertThat(collectiveLevels())
        .containsExactlyInAnyOrder(
            RATED_BRANCH + "=COMPLETED", NEW_BRANCH + "=null", WARD + "=GOOD");

    // while finalizing, the committee cannot lift a head above the unit either (nor anywhere a cap
    // is computed: the
    // unit's level is one of the member's known facts)
    assertThat(facts.facts(YEAR, "hw-head1").headedUnitLevel()).isEqualTo(Level.COMPLETED);
    assertThat(facts.facts(YEAR, "hw-member").headedUnitLevel()).isNull();
    assertThat(facts.facts(YEAR, "hw-head2").headedUnitLevel()).as("the branch not rated").isNull();
    ResponseEntity<String> lifted = adjust("hw-head1", "GOOD");
    assertThat(lifted.getStatusCode().value()).as(lifted.getBody()).isEqualTo(400);
    assertThat(lifted.getBody()).contains("above-cap");
    // 1 EXCELLENT for 2 GOOD: ⌊0.4⌋ = 0 allowed; hw-head2 adjusted to GOOD, then the results are
    // finalized
    ResponseEntity<String> adjusted = adjust("hw-head2", "GOOD");
    assertThat(adjusted.getStatusCode().value()).as(adjusted.getBody()).isEqualTo(201);
    completeOk(
        COMMITTEE,
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(YEAR + ":" + WARD)
            .taskDefinitionKey("finalize-results")
            .singleResult()
            .getId(),
        Map.of());
  }

  private ResponseEntity<String> adjust(String memberId, String level) {
    return as(COMMITTEE)
        .post()
        .uri("/api/v1/evaluations/{y}/{m}/adjustments", YEAR, memberId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            Map.of("level", level, "reason", "Vượt tỷ lệ 20%: đảng ủy cân nhắc lại mức xếp loại."))
        .retrieve()
        .toEntity(String.class);
  }

  private void member(String id, String branch, String headOf) {
    jdbc.sql(
            """
            insert into evaluation.party_member (id, full_name, branch_id, membership, admitted_on, head_of)
            values (:id, :name, :branch, 'OFFICIAL', date '2005-03-02', :headOf)""")
        .param("id", id)
        .param("name", "Đảng viên " + id)
        .param("branch", branch)
        .param("headOf", headOf)
        .update();
  }

  private String launch() {
    return CampaignOpening.opened(
        as("admin"), WARD, YEAR, "QD-366-2025", CampaignOpening.Dues.daysAhead(5, 6, 7, 8));
  }

  /** The member's open task of that kind, waited for (the engine's task service: these members have no login). */
  private Task task(String memberId, String taskKey) {
    return openTask(YEAR + ":" + memberId, taskKey);
  }

  private Task collectiveTask(String collectiveId, String taskKey) {
    return openTask(YEAR + ":collective:" + collectiveId, taskKey);
  }

  /** The open task of that kind of the process with that business key, waited for. */
  private Task openTask(String businessKey, String taskKey) {
    Task[] task = new Task[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                (task[0] =
                        taskService
                            .createTaskQuery()
                            .processInstanceBusinessKey(businessKey)
                            .taskDefinitionKey(taskKey)
                            .singleResult())
                    != null);
    return task[0];
  }

  private void complete(Task task, Map<String, Object> variables) {
    taskService.complete(task.getId(), variables);
  }

  private String status(String memberId) {
    return jdbc.sql(
            "select status from evaluation.member_evaluation where year = :y and member_id = :m")
        .param("y", YEAR)
        .param("m", memberId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private int collectiveInstances() {
    return jdbc.sql(
            """
            select count(*) from public.act_ru_execution
            where business_key_ = :org and parent_id_ is null""")
        .param("org", YEAR + ":collective:" + WARD)
        .query(Integer.class)
        .single();
  }

  private long finalizeTasks() {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(YEAR + ":" + WARD)
        .taskDefinitionKey("finalize-results")
        .count();
  }

  private JsonNode timeline(String memberId, String kind) {
    return json(
        jdbc.sql(
                """
            select json_build_object('details', details)::text from evaluation.timeline_entry
            where year = :y and member_id = :m and kind = :k order by id desc limit 1""")
            .param("y", YEAR)
            .param("m", memberId)
            .param("k", kind)
            .query(String.class)
            .single());
  }

  private List<String> collectiveLevels() {
    return jdbc.sql(
            """
            select collective_id || '=' || coalesce(decided_level, 'null') from evaluation.collective_evaluation
            where year = :y and organization_id = :o""")
        .param("y", YEAR)
        .param("o", WARD)
        .query(String.class)
        .list();
  }
}
