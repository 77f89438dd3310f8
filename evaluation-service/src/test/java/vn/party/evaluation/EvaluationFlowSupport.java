package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Steps of the evaluation as its users take them over HTTP. */
public abstract class EvaluationFlowSupport extends IntegrationTestSupport {

  protected static final String ORG = "thanh-khe-tay";

  @Autowired
  protected ManagementService managementService;
  @Autowired
  protected RuntimeService runtimeService;

  protected ResponseEntity<String> openCampaign(String user, int year, OffsetDateTime residenceFeedbackDue) {
    OffsetDateTime now = OffsetDateTime.now();
    Map<String, Object> body = Map.of(
        "organizationId", ORG, "year", year, "regulation", "QD-366-2025",
        "selfReviewDue", now.plusDays(10).toString(),
        "residenceFeedbackDue", residenceFeedbackDue.toString(),
        "branchReviewDue", now.plusDays(40).toString(),
        "decisionDue", now.plusDays(50).toString());
    return as(user).post().uri("/api/v1/campaigns").contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().toEntity(String.class);
  }

  /** Opens the campaign as the grassroots committee and waits until every member's evaluation has started. */
  protected String launchedCampaign(int year) {
    ResponseEntity<String> created = openCampaign("committee", year, OffsetDateTime.now().plusDays(30));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String id = json(created.getBody()).get("id").asText();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonNode campaign = json(as("committee").get().uri("/api/v1/campaigns/" + id).retrieve().body(String.class));
      assertThat(campaign.at("/progress/membersStarted").asInt()).isEqualTo(15);
      assertThat(campaign.get("status").asText()).isEqualTo("RUNNING");
    });
    return id;
  }

  /** The id of the open task of that kind for the member, as the given user sees it; waits for it to appear. */
  protected String taskOf(String user, String taskKey, String memberId, int year) {
    String[] id = new String[1];
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      ResponseEntity<String> response = as(user).get().uri("/api/v1/tasks").retrieve().toEntity(String.class);
      assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
      JsonNode tasks = json(response.getBody());
      id[0] = StreamSupport.stream(tasks.spliterator(), false)
          .filter(t -> t.get("taskKey").asText().equals(taskKey) && t.get("memberId").asText().equals(memberId)
              && t.get("year").asInt() == year)
          .map(t -> t.get("id").asText()).findFirst().orElse(null);
      assertThat(id[0]).as("%s task of %s in %s visible to %s", taskKey, memberId, year, user).isNotNull();
    });
    return id[0];
  }

  /** The id of the organization's open finalize-results task of the year, as the grassroots committee sees it. */
  protected String finalizeResultsTask(int year) {
    String[] id = new String[1];
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode tasks = json(as("committee").get().uri("/api/v1/tasks").retrieve().body(String.class));
      id[0] = StreamSupport.stream(tasks.spliterator(), false)
          .filter(t -> t.get("taskKey").asText().equals("finalize-results") && t.get("year").asInt() == year)
          .map(t -> t.get("id").asText()).findFirst().orElse(null);
      assertThat(id[0]).as("finalize-results task of %s", year).isNotNull();
    });
    return id[0];
  }

  /**
   * Phase "finalize-results" of the campaign (after every member is decided): the grassroots committee finalizes
   * its members' results. Succeeds only within the EXCELLENT quota; see FinalizationTest for adjusting first.
   */
  protected void finalizeResults(int year) {
    completeOk("committee", finalizeResultsTask(year), Map.of());
  }

  protected ResponseEntity<String> complete(String user, String taskId, Map<String, ?> values) {
    return as(user).post().uri("/api/v1/tasks/" + taskId + "/complete").contentType(MediaType.APPLICATION_JSON)
        .body(values).retrieve().toEntity(String.class);
  }

  protected void completeOk(String user, String taskId, Map<String, ?> values) {
    ResponseEntity<String> response = complete(user, taskId, values);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(204);
  }

  // --- collective ratings (after every member is decided: the campaign's rate-branches, then rate-organization) ---

  /** The three demo branches, in the order the campaign lists them. */
  protected static final java.util.List<String> BRANCHES = java.util.List.of(ORG + "-cb1", ORG + "-cb2", ORG + "-cb3");

  /**
   * The campaign's collective-rating phase, all approved: each branch's committee reviews the branch proposing
   * {@code level} and the grassroots committee approves it, then the grassroots committee reviews the organization and
   * the committee above (district) approves it. Call once every member is decided.
   */
  protected void rateCollectives(int year, String level) {
    for (int b = 1; b <= BRANCHES.size(); b++) {
      String branch = BRANCHES.get(b - 1);
      completeOk("secretary" + b, collectiveTaskOf("secretary" + b, "collective-self-review", branch, year),
          collectiveSelfReview(level));
      completeOk("committee", collectiveTaskOf("committee", "collective-decision", branch, year),
          Map.of("decision", "APPROVE", "decidedLevel", level));
    }
    completeOk("committee", collectiveTaskOf("committee", "collective-self-review", ORG, year),
        collectiveSelfReview(level));
    completeOk("district", collectiveTaskOf("district", "collective-decision", ORG, year),
        Map.of("decision", "APPROVE", "decidedLevel", level));
  }

  /** A complete Mẫu 01 self-review proposing {@code level}. */
  protected static Map<String, Object> collectiveSelfReview(String level) {
    return Map.of("selfProposedLevel", level, "strengths", "Lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm.",
        "limitations", "Sinh hoạt chuyên đề chưa đều; nguyên nhân: chưa chủ động.",
        "remedialMeasures", "Xây dựng kế hoạch sinh hoạt chuyên đề hằng quý.");
  }

  /** The open task of that kind in the collective's rating, as the given user sees it; waits for it to appear. */
  protected String collectiveTaskOf(String user, String taskKey, String collectiveId, int year) {
    String[] id = new String[1];
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      java.util.List<String> instances = jdbc.sql("""
              select id_ from public.act_ru_execution where business_key_ = :key and parent_id_ is null""")
          .param("key", year + ":collective:" + collectiveId).query(String.class).list();
      assertThat(instances).as("collective rating of %s in %s", collectiveId, year).hasSize(1);
      JsonNode tasks = json(as(user).get().uri("/api/v1/tasks").retrieve().body(String.class));
      id[0] = StreamSupport.stream(tasks.spliterator(), false)
          .filter(t -> t.get("taskKey").asText().equals(taskKey)
              && t.get("processInstanceId").asText().equals(instances.get(0)))
          .map(t -> t.get("id").asText()).findFirst().orElse(null);
      assertThat(id[0]).as("%s task of %s in %s visible to %s", taskKey, collectiveId, year, user).isNotNull();
    });
    return id[0];
  }

  protected JsonNode collective(String user, int year, String collectiveId) {
    return json(as(user).get().uri("/api/v1/collectives/{y}/{c}", year, collectiveId).retrieve().body(String.class));
  }

  protected JsonNode evaluation(String user, int year, String memberId) {
    return json(as(user).get().uri("/api/v1/evaluations/{y}/{m}", year, memberId).retrieve().body(String.class));
  }

  /**
   * Every member through self-review, residence comment, branch review and the committee's approval, at the level
   * {@code levels} gives for member n (1–15).
   */
  protected void decideAllMembers(int year, java.util.function.IntFunction<String> levels) {
    for (int n = 1; n <= 15; n++) {
      String member = "member" + n;
      String secretary = "secretary" + ((n - 1) / 5 + 1);
      completeOk(member, taskOf(member, "self-review", member, year), Map.of("selfProposedLevel", "GOOD"));
      sendResidenceFeedback(member, year, "Tốt");
      completeOk(secretary, taskOf(secretary, "branch-review", member, year),
          Map.of("branchProposedLevel", levels.apply(n)));
      completeOk("committee", taskOf("committee", "committee-decision", member, year),
          Map.of("decision", "APPROVE", "decidedLevel", levels.apply(n)));
    }
  }

  /**
   * The announcement-and-complaints phase of the campaign (issue 3): waits until the results are announced, then
   * closes the complaint window now, as its timer would at the window's end. With no re-appraisal open the campaign
   * then goes on; otherwise it waits for them.
   */
  protected void closeComplaintWindow(int year) {
    Job[] timer = new Job[1];
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var campaign = runtimeService.createProcessInstanceQuery().processDefinitionKey("evaluation-campaign")
          .processInstanceBusinessKey(year + ":" + ORG).singleResult();
      timer[0] = campaign == null ? null : managementService.createJobQuery().timers()
          .activityId("complaint-window-closed").processInstanceId(campaign.getId()).singleResult();
      assertThat(timer[0]).as("the complaint window of %s is open", year).isNotNull();
    });
    managementService.executeJob(timer[0].getId());
  }
}
