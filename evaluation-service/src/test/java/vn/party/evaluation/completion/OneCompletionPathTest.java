package vn.party.evaluation.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.abuse.WebappSession;
import vn.party.evaluation.pages.PageSession;
import vn.party.evaluation.process.validation.CompletionCheck;

/**
 * Issue 15: one completion path. Whatever the door — the domain API, the people's pages, the engine REST API in both
 * path forms and Tasklist's own door — a completion runs the completion rules once, computes what a self-review's
 * grades give once (the rules compute it, the keeper takes it), records a refusal above a cap once, keeps the
 * self-review once and writes its record entry and event once. The rule evaluations and the outcomes are counted by
 * the rules' own hook ({@link CompletionCheck#observe}); the keeps, timeline entries and events by their rows.
 */
class OneCompletionPathTest extends EvaluationFlowSupport {

  private static final int YEAR = 2085;
  private static final int CAPPED_YEAR = 2086;

  private final Map<String, AtomicInteger> evaluations = new ConcurrentHashMap<>();

  /** Computations of a self-review's outcome, per member (SelfReviewRules.outcome). */
  private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

  @BeforeEach
  void countEvaluations() {
    CompletionCheck.observe(
        new CompletionCheck.Observer() {
          @Override
          public void evaluated(String taskId, String taskKey) {
            evaluations.computeIfAbsent(taskId, id -> new AtomicInteger()).incrementAndGet();
          }

          @Override
          public void outcomeComputed(Map<String, ?> variables) {
            if (variables.get("memberId") instanceof String memberId) {
              outcomes.computeIfAbsent(memberId, id -> new AtomicInteger()).incrementAndGet();
            }
          }
        });
  }

  @AfterEach
  void stopCounting() {
    CompletionCheck.observe(null);
  }

  @Test
  void aSelfReviewIsCheckedKeptRecordedAndToldOnceThroughEveryDoor() throws Exception {
    launchedCampaign(YEAR);

    String viaApi = taskOf("member4", "self-review", "member4", YEAR);
    completeOk("member4", viaApi, selfCriticism("GOOD"));
    assertOnce(viaApi, "member4");

    String viaEngineRest = taskOf("member5", "self-review", "member5", YEAR);
    assertThat(
            engineComplete("member5", viaEngineRest, selfCriticism("GOOD")).getStatusCode().value())
        .isEqualTo(204);
    assertOnce(viaEngineRest, "member5");

    String viaNamedEngine = taskOf("member6", "self-review", "member6", YEAR);
    assertThat(
            engineCompleteAt(
                    "/engine-rest/engine/default/task/{id}/complete",
                    "member6",
                    viaNamedEngine,
                    selfCriticism("GOOD"))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertOnce(viaNamedEngine, "member6");

    String viaPages = taskOf("member7", "self-review", "member7", YEAR);
    PageSession member7 = PageSession.of(port, "member7");
    String page = member7.get("/app/tasks/" + viaPages).body();
    outcomes.remove("member7"); // what the form shows so far, not the submission
    Map<String, Object> form = new LinkedHashMap<>(selfCriticism("GOOD"));
    form.put("action", "submit");
    form.put("similarityAcknowledged", "true");
    form.put("_csrf", member7.csrf(page));
    int status = member7.post("/app/tasks/" + viaPages, encoded(form)).statusCode();
    assertThat(status).as("redirected to the task list").isEqualTo(302);
    assertOnce(viaPages, "member7");

    // Tasklist: its own session and XSRF token, the engine REST API under /camunda/api
    String viaTasklist = taskOf("member9", "self-review", "member9", YEAR);
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.signIn("member9", "tasklist")).isEqualTo(200);
    Map<String, Object> variables = new LinkedHashMap<>();
    selfCriticism("GOOD").forEach((name, value) -> variables.put(name, Map.of("value", value)));
    HttpResponse<String> submitted =
        tasklist.send(
            "POST",
            "/camunda/api/engine/engine/default/task/" + viaTasklist + "/submit-form",
            "application/json",
            new ObjectMapper().writeValueAsString(Map.of("variables", variables)));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertOnce(viaTasklist, "member9");
  }

  @Test
  void aRefusalAboveTheCapIsCheckedAndRecordedOnceAndTheAcceptedReviewToldOnce() {
    launchedCampaign(CAPPED_YEAR);
    sendDiscipline("member8", CAPPED_YEAR, "KL-member8", "WARNING", false);
    String instance = instanceOf("member8");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Boolean.TRUE.equals(runtimeService.getVariable(instance, "disciplined")));
    completeOk(
        "member8", taskOf("member8", "self-review", "member8", CAPPED_YEAR), selfCriticism("GOOD"));
    assertThat(outcomes.remove("member8")).as("self-review outcomes").hasValue(1);
    sendResidenceFeedback("member8", CAPPED_YEAR, "Tốt");
    String secretary = secretaryOf(8);
    String review = taskOf(secretary, "branch-review", "member8", CAPPED_YEAR);

    ResponseEntity<String> viaApi = complete(secretary, review, branchProposes("EXCELLENT"));
    assertThat(viaApi.getStatusCode().value()).as(viaApi.getBody()).isEqualTo(400);
    assertThat(evaluations.remove(review)).as("rule evaluations").hasValue(1);
    assertThat(count("member8", CAPPED_YEAR, "ABOVE_CAP_REFUSED")).isEqualTo(1);

    ResponseEntity<String> aboveCap =
        engineComplete(secretary, review, branchProposes("EXCELLENT"));
    assertThat(aboveCap.getStatusCode().value()).as(aboveCap.getBody()).isEqualTo(400);
    assertThat(aboveCap.getBody()).contains("above-cap");
    assertThat(evaluations.remove(review)).as("rule evaluations").hasValue(1);
    assertThat(count("member8", CAPPED_YEAR, "ABOVE_CAP_REFUSED")).isEqualTo(2);

    ResponseEntity<String> accepted =
        engineComplete(secretary, review, branchProposes("NOT_COMPLETED"));
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);
    assertThat(evaluations.remove(review)).as("rule evaluations").hasValue(1);
    assertThat(count("member8", CAPPED_YEAR, "ABOVE_CAP_REFUSED")).isEqualTo(2);
    assertThat(
            timelineOf("member8", CAPPED_YEAR).stream()
                .filter(kind -> kind.equals("TASK_COMPLETED"))
                .count())
        .as("the self-review and the branch review")
        .isEqualTo(2);
    assertThat(eventsOf("vn.party.evaluation.branch-review.completed", CAPPED_YEAR, "member8"))
        .isEqualTo(1);
  }

  /** One evaluation of the rules, one outcome, one kept review, one timeline entry of each kind, one event. */
  private void assertOnce(String taskId, String memberId) {
    assertThat(evaluations.remove(taskId)).as("rule evaluations of " + memberId).hasValue(1);
    assertThat(outcomes.remove(memberId)).as("self-review outcomes of " + memberId).hasValue(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.self_review where year = :y and member_id = :m")
                .param("y", YEAR)
                .param("m", memberId)
                .query(Integer.class)
                .single())
        .as("kept reviews of " + memberId)
        .isEqualTo(1);
    assertThat(count(memberId, YEAR, "SELF_REVIEW_KEPT")).isEqualTo(1);
    assertThat(count(memberId, YEAR, "TASK_COMPLETED")).isEqualTo(1);
    assertThat(eventsOf("vn.party.evaluation.self-review.submitted", YEAR, memberId)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select self_proposed_level from evaluation.member_evaluation where year = :y and member_id = :m")
                .param("y", YEAR)
                .param("m", memberId)
                .query(String.class)
                .single())
        .isEqualTo("GOOD");
  }

  private long count(String memberId, int year, String kind) {
    return timelineOf(memberId, year).stream().filter(kind::equals).count();
  }

  private List<String> timelineOf(String memberId, int year) {
    return timelineKinds(year, memberId);
  }

  private long eventsOf(String type, int year, String memberId) {
    return outboxEvents(type, year).stream()
        .filter(event -> memberId.equals(event.at("/data/memberId").asText()))
        .count();
  }

  private ResponseEntity<String> engineCompleteAt(
      String path, String user, String taskId, Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return as(user)
        .post()
        .uri(path, taskId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", variables))
        .retrieve()
        .toEntity(String.class);
  }

  private String instanceOf(String memberId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(CAPPED_YEAR + ":" + memberId)
        .processDefinitionKey("member-evaluation")
        .singleResult()
        .getId();
  }

  private static String encoded(Map<String, Object> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
