package vn.party.evaluation.selfreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * Issue 14: the sections a self-criticism requires (strengths, limitations and causes, remedies of earlier
 * shortcomings, direction) are refused empty or too short at every door — the domain API and the engine REST API (as
 * Tasklist submits) here, the people's pages in SelfCriticismBrowserTest — by the one rule of the completion rules,
 * with the minimum length the application put on the task from its setting.
 */
class SelfCriticismDoorsTest extends EvaluationFlowSupport {

  private static final int YEAR = 2031;

  private static final int UNGRADED_YEAR = 2090;

  @Autowired TaskService taskService;

  @Test
  void theDomainApiAndEngineRestRefuseAnEmptyOrTooShortSectionNamingTheField() {
    launchedCampaign(YEAR);
    String task = taskOf("member4", "self-review", "member4", YEAR);
    // the setting's minimum (evaluation.self-review.min-length.default, 20) is the rule's own
    // default: not put on the task (issue 15), the rule applies it to a task without the variable
    assertThat(taskService.getVariableLocal(task, "limitationsMinLength")).isNull();

    // the domain API: 400, the field, the reason, the Vietnamese sentence
    ResponseEntity<String> empty =
        complete("member4", task, selfCriticism("GOOD", "limitations", " "));
    assertThat(refused(empty)).containsExactly("limitations:required");
    ResponseEntity<String> levelAlone =
        complete("member4", task, Map.of("selfProposedLevel", "GOOD"));
    assertThat(refused(levelAlone))
        .containsExactly(
            "strengths:required",
            "limitations:required",
            "shortcomingsFixed:required",
            "remedialMeasures:required");
    ResponseEntity<String> tooShort =
        complete("member4", task, selfCriticism("GOOD", "remedialMeasures", "Cố gắng."));
    assertThat(refused(tooShort)).containsExactly("remedialMeasures:section-too-short");
    assertThat(tooShort.getBody()).contains("cần ít nhất 20 ký tự");

    // engine REST, as Tasklist submits the form: 400 naming the field
    for (String action : List.of("complete", "submit-form")) {
      Map<String, Object> variables = new LinkedHashMap<>();
      selfCriticism("GOOD", "strengths", "")
          .forEach((name, value) -> variables.put(name, Map.of("value", value)));
      ResponseEntity<String> viaEngine =
          as("member4")
              .post()
              .uri("/engine-rest/task/{id}/" + action, task)
              .contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("variables", variables))
              .retrieve()
              .toEntity(String.class);
      assertThat(viaEngine.getStatusCode().value()).as(viaEngine.getBody()).isEqualTo(400);
      assertThat(viaEngine.getBody()).contains("strengths: required");
    }
    assertThat(taskOf("member4", "self-review", "member4", YEAR)).as("still open").isEqualTo(task);

    // with every section said, the engine's door takes it
    Map<String, Object> variables = new LinkedHashMap<>();
    selfCriticism("GOOD").forEach((name, value) -> variables.put(name, Map.of("value", value)));
    ResponseEntity<String> accepted =
        as("member4")
            .post()
            .uri("/engine-rest/task/{id}/complete", task)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", variables))
            .retrieve()
            .toEntity(String.class);
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);
  }

  @Test
  void anUngradedExcellentIsRefusedAboveOwnAssessmentAtTheDomainApiAndEngineRestAlike() {
    launchedCampaign(UNGRADED_YEAR);
    String task = taskOf("member4", "self-review", "member4", UNGRADED_YEAR);
    Map<String, Object> ungraded = selfCriticism("GOOD", "selfProposedLevel", "EXCELLENT");

    // the domain API: the proposal is above what the member's own grading supports, and each
    // grade and (under 366) points of section I is named required
    ResponseEntity<String> viaApi = complete("member4", task, ungraded);
    assertThat(refused(viaApi))
        .contains(
            "selfProposedLevel:above-own-assessment",
            "dutiesResultsGrade:required",
            "dutiesResultsPoints:required",
            "politicalIdeologyGrade:required");
    assertThat(viaApi.getBody()).contains("không được cao hơn mức suy ra");

    // engine REST, as Tasklist submits: the same rule, the same refusal
    Map<String, Object> variables = new LinkedHashMap<>();
    ungraded.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    for (String action : List.of("complete", "submit-form")) {
      ResponseEntity<String> viaEngine =
          as("member4")
              .post()
              .uri("/engine-rest/task/{id}/" + action, task)
              .contentType(MediaType.APPLICATION_JSON)
              .body(Map.of("variables", variables))
              .retrieve()
              .toEntity(String.class);
      assertThat(viaEngine.getStatusCode().value()).as(viaEngine.getBody()).isEqualTo(400);
      assertThat(viaEngine.getBody())
          .contains("selfProposedLevel: above-own-assessment", "dutiesResultsGrade: required");
    }
    assertThat(taskOf("member4", "self-review", "member4", UNGRADED_YEAR))
        .as("still open")
        .isEqualTo(task);

    // GOOD without grades stays possible (the branch's vote and the committee decide) ...
    completeOk(
        "member5",
        taskOf("member5", "self-review", "member5", UNGRADED_YEAR),
        selfCriticism("GOOD"));
    // ... and EXCELLENT with section I graded to 95 points passes the engine's door
    Map<String, Object> graded = new LinkedHashMap<>();
    selfCriticism("EXCELLENT").forEach((name, value) -> graded.put(name, Map.of("value", value)));
    ResponseEntity<String> accepted =
        as("member4")
            .post()
            .uri("/engine-rest/task/{id}/complete", task)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", graded))
            .retrieve()
            .toEntity(String.class);
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);
  }

  private static List<String> refused(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    JsonNode errors = json(response.getBody()).get("errors");
    return StreamSupport.stream(errors.spliterator(), false)
        .map(e -> e.get("field").asText() + ":" + e.get("reason").asText())
        .toList();
  }
}
