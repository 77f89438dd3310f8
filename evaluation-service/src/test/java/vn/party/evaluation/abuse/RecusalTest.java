package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Nobody decides their own case (issue 12, outsider's finding): once seated on their branch's committee and on the
 * organization's committee — the normal case, committees are members who are themselves evaluated — member4 claimed
 * and completed the branch review of their own evaluation through the domain API, and completed their own
 * committee-decision through {@code /engine-rest/engine/default/task/{id}/complete} (APPROVE, EXCELLENT): 204 each,
 * DECIDED EXCELLENT by themselves, and they were notified to do so. Now the engine refuses at every door — with the
 * answer for a task that does not exist, since they may not see it (outsider's re-attack L3); whoever hands it to them
 * is told why — the task is in none of their lists, and their notices leave them out; the others on the committee
 * work as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecusalTest extends EvaluationFlowSupport {

  /** A year no other test uses. */
  private static final int YEAR = 2052;

  private static final String CB1 = ORG + "-cb1";
  private static final String SELF = "member4";
  private static final List<String> DOORS = List.of("/engine-rest", "/engine-rest/engine/default");
  private static final String WEBAPP_DOOR = "/camunda/api/engine/engine/default";
  private static final String REASON_VI = "Không tự quyết định việc của mình";
  private static final String REASON_EN = "You cannot decide your own evaluation";

  private Http http;

  @BeforeAll
  void campaignAndSeats() {
    http = new Http(port);
    launchedCampaign(YEAR);
    for (String unit : List.of(CB1, ORG)) {
      ResponseEntity<String> seated =
          as("committee")
              .put()
              .uri("/api/v1/units/{u}/committee", unit)
              .contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("personId", SELF, "body", "COMMITTEE", "role", "MEMBER", "reason", "r"))
              .retrieve()
              .toEntity(String.class);
      assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
    }
    for (String member : List.of(SELF, "member5")) {
      completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
      sendResidenceFeedback(member, YEAR, "Tốt");
    }
  }

  @AfterAll
  void seatsAsInTheDemo() {
    for (String unit : List.of(CB1, ORG)) {
      as("admin")
          .delete()
          .uri("/api/v1/units/{u}/committee/{p}?body=COMMITTEE&reason=r", unit, SELF)
          .retrieve()
          .toEntity(String.class);
    }
  }

  @Test
  @Order(1)
  void aBranchCommitteeMemberNeitherSeesNorTakesNorCompletesTheirOwnBranchReview()
      throws Exception {
    String own = taskOf("secretary1", "branch-review", SELF, YEAR);
    // seated: member4 works on the branch's other reviews...
    String other = taskOf(SELF, "branch-review", "member5", YEAR);
    // ...but their own is in none of their lists: the domain API, the engine REST API, Tasklist's
    // filters, the page
    assertThat(taskIds(as(SELF).get().uri("/api/v1/tasks").retrieve().body(String.class)))
        .contains(other)
        .doesNotContain(own);
    for (String door : DOORS) {
      HttpResponse<String> listed = http.get(door + "/task?maxResults=500", SELF);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains(other).doesNotContain(own);
      for (JsonNode filter : json(http.get(door + "/filter", SELF).body())) {
        HttpResponse<String> filtered =
            http.send(
                "POST",
                door + "/filter/" + filter.get("id").asText() + "/list?maxResults=500",
                SELF,
                "application/json",
                "{}");
        assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);
        assertThat(filtered.body()).as(filter.get("name").asText()).doesNotContain(own);
      }
    }
    PageSession page = PageSession.of(port, SELF);
    assertThat(page.get("/app/tasks").body()).contains(other).doesNotContain(own);
    HttpResponse<String> ownPage = page.get("/app/tasks/" + own);
    assertThat(ownPage.statusCode()).isEqualTo(403);
    assertThat(ownPage.body()).doesNotContain(REASON_VI);
    assertThat(page.get("/app/tasks/00000000-0000-0000-0000-000000000000").statusCode())
        .as("as for a task that does not exist")
        .isEqualTo(403);

    // the domain API: the 403 for a task one may not see, in Vietnamese and in English
    assertAnsweredAsNoTask(
        as(SELF).post().uri("/api/v1/tasks/{id}/claim", own).retrieve().toEntity(String.class),
        REASON_VI);
    assertAnsweredAsNoTask(
        as(SELF)
            .post()
            .uri("/api/v1/tasks/{id}/claim", own)
            .header("Accept-Language", "en")
            .retrieve()
            .toEntity(String.class),
        "your own evaluation");
    assertAnsweredAsNoTask(complete(SELF, own, branchProposes("EXCELLENT")), REASON_VI);

    // the engine REST API, both path forms: claim, complete, submit-form, resolve
    String votes = variables(branchProposes("EXCELLENT"));
    for (String door : DOORS) {
      assertEngineAnsweredAsNoTask(
          http.send(
              "POST",
              door + "/task/" + own + "/claim",
              SELF,
              "application/json",
              "{\"userId\":\"" + SELF + "\"}"),
          door + " claim");
      for (String action : List.of("complete", "submit-form", "resolve")) {
        assertEngineAnsweredAsNoTask(
            http.send(
                "POST", door + "/task/" + own + "/" + action, SELF, "application/json", votes),
            door + " " + action);
      }
      // nor may anyone hand it to them, the administrator included
      assertEngineHandedToSubject(
          http.send(
              "POST",
              door + "/task/" + own + "/assignee",
              "admin",
              "application/json",
              "{\"userId\":\"" + SELF + "\"}"),
          door + " assignee");
      assertEngineHandedToSubject(
          http.send(
              "POST",
              door + "/task/" + own + "/delegate",
              "admin",
              "application/json",
              "{\"userId\":\"" + SELF + "\"}"),
          door + " delegate");
      assertEngineHandedToSubject(
          http.send(
              "POST",
              door + "/task/" + own + "/identity-links",
              "admin",
              "application/json",
              "{\"userId\":\"" + SELF + "\",\"type\":\"candidate\"}"),
          door + " candidate");
    }
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.signIn(SELF, "tasklist")).isEqualTo(200);
    assertEngineAnsweredAsNoTask(
        tasklist.send(
            "POST", WEBAPP_DOOR + "/task/" + own + "/complete", "application/json", votes),
        "Tasklist complete");

    assertThat(
            jdbc.sql("select count(*) from act_ru_task where id_ = :id and assignee_ is null")
                .param("id", own)
                .query(Integer.class)
                .single())
        .as("still open, nobody's")
        .isEqualTo(1);
    // the notice of the branch review went to the branch committee, not to the member it is about
    assertThat(recipientsOf("branch-review", SELF)).contains("secretary1").doesNotContain(SELF);
    assertThat(recipientsOf("branch-review", "member5")).contains("secretary1", SELF);

    // the others on the committee work as before
    completeOk("secretary1", own, branchProposes("GOOD"));
    completeOk(SELF, other, branchProposes("GOOD"));
  }

  @Test
  @Order(2)
  void aGrassrootsCommitteeMemberCannotDecideTheirOwnEvaluationThroughTheEngineRestApi() {
    String own = taskOf("committee", "committee-decision", SELF, YEAR);
    String other = taskOf(SELF, "committee-decision", "member5", YEAR);
    assertThat(taskIds(as(SELF).get().uri("/api/v1/tasks").retrieve().body(String.class)))
        .contains(other)
        .doesNotContain(own);
    String approve = variables(approves("EXCELLENT"));
    for (String door : DOORS) {
      for (String action : List.of("complete", "submit-form", "resolve")) {
        assertEngineAnsweredAsNoTask(
            http.send(
                "POST", door + "/task/" + own + "/" + action, SELF, "application/json", approve),
            door + " " + action);
      }
      assertEngineAnsweredAsNoTask(
          http.send(
              "POST",
              door + "/task/" + own + "/claim",
              SELF,
              "application/json",
              "{\"userId\":\"" + SELF + "\"}"),
          door + " claim");
    }
    assertAnsweredAsNoTask(complete(SELF, own, approves("EXCELLENT")), REASON_VI);
    assertThat(evaluation("committee", YEAR, SELF).path("status").asText()).isNotEqualTo("DECIDED");
    assertThat(recipientsOf("committee-decision", SELF)).contains("committee").doesNotContain(SELF);

    completeOk("committee", own, Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    JsonNode decided = evaluation("committee", YEAR, SELF);
    assertThat(decided.at("/decision/level").asText()).isEqualTo("GOOD");
    assertThat(decided.at("/decision/by").asText()).isEqualTo("committee");
  }

  /**
   * The member a task is about may not see it, so they get the answer for a task that does not exist, which does not
   * tell them the task is there (outsider's re-attack of 2026-12-06, L3): 403 without the recusal's reason.
   */
  private void assertAnsweredAsNoTask(ResponseEntity<String> response, String reasonNotShown) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
    assertThat(response.getBody()).doesNotContain(reasonNotShown).doesNotContain("về chính bạn");
  }

  /** The same at the engine REST API: its one answer for what one may not see and what does not exist. */
  private static void assertEngineAnsweredAsNoTask(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
    assertThat(response.body())
        .as(what)
        .contains("Không có quyền, hoặc không có đối tượng này")
        .doesNotContain(REASON_VI)
        .doesNotContain(REASON_EN);
  }

  /** Someone else handing the member their own task is told so, not as if it were their own case. */
  private static void assertEngineHandedToSubject(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
    assertThat(response.body())
        .as(what)
        .contains(
            "Không giao việc này cho chính người được kiểm điểm",
            "This task cannot be handed to the member it is about")
        .doesNotContain("về chính bạn");
  }

  private List<String> recipientsOf(String taskKey, String memberId) {
    return outboxEvents("vn.party.evaluation.task.assigned", YEAR).stream()
        .map(event -> event.get("data"))
        .filter(
            data ->
                taskKey.equals(data.path("taskKey").asText())
                    && memberId.equals(data.path("memberId").asText()))
        .flatMap(data -> StreamSupport.stream(data.get("recipients").spliterator(), false))
        .map(recipient -> recipient.get("userId").asText())
        .toList();
  }

  private static List<String> taskIds(String body) {
    return StreamSupport.stream(json(body).spliterator(), false)
        .map(t -> t.get("id").asText())
        .toList();
  }

  private static String variables(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
