package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.security.engine.VariableRefusedException;

/**
 * Issue 12, item 1, as reproduced: the checks are the engine's, so every door reaches them. Before, a URL filter
 * guarded {@code /engine-rest/task/{id}/complete} only; through {@code /engine-rest/engine/default/...}, {@code
 * submit-form} or {@code resolve} a member sent {@code organizationCommitteeGroup=members} with their self-review and
 * then decided their own evaluation, and the branch and the committee lifted a discipline cap with {@code
 * disciplined=false}; the administrator (and anyone the engine lets update a task) could rewrite any process variable.
 * Each case here answered 2xx (or 403 where the engine's authorizations happened to stop it) on the old code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDoorsTest extends EvaluationFlowSupport {

  /** A year no other test uses. */
  private static final int YEAR = 2087;

  /** Both path forms of the engine REST API; the webapps' copy is tried with a signed-in session. */
  private static final List<String> DOORS = List.of("/engine-rest", "/engine-rest/engine/default");

  private static final String WEBAPP_DOOR = "/camunda/api/engine/engine/default";

  @Autowired private IdentityService identityService;

  private Http http;

  @BeforeAll
  void campaign() {
    http = new Http(port);
    launchedCampaign(YEAR);
  }

  @Test
  void aMemberCannotRouteTheirOwnEvaluationToThemselvesThroughAnyDoor() {
    String task = taskOf("member1", "self-review", "member1", YEAR);
    String body =
        variables(
            selfCriticism(
                "GOOD",
                "organizationCommitteeGroup",
                "members",
                "branchCommitteeGroup",
                "members"));
    for (String door : DOORS) {
      for (String action : List.of("complete", "submit-form", "resolve")) {
        assertRefused(
            http.send(
                "POST", door + "/task/" + task + "/" + action, "member1", "application/json", body),
            door + " " + action,
            "organizationCommitteeGroup",
            "branchCommitteeGroup");
      }
    }
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.signIn("member1", "tasklist")).isEqualTo(200);
    for (String action : List.of("complete", "submit-form", "resolve")) {
      assertRefused(
          tasklist.send(
              "POST", WEBAPP_DOOR + "/task/" + task + "/" + action, "application/json", body),
          "webapp " + action,
          "organizationCommitteeGroup",
          "branchCommitteeGroup");
    }
    // the domain API refuses the same, naming the same fields
    var viaApi =
        complete("member1", task, selfCriticism("GOOD", "branchCommitteeGroup", "members"));
    assertThat(viaApi.getStatusCode().value()).isEqualTo(400);
    assertThat(viaApi.getBody()).contains("branchCommitteeGroup", "unknown-field");

    assertThat(openTasks(task)).as("the self-review is still open").isEqualTo(1);
    String instance = instanceOf("member1");
    assertThat(runtimeService.getVariable(instance, "branchCommitteeGroup"))
        .isNotEqualTo("members");
    assertThat(runtimeService.getVariable(instance, "organizationCommitteeGroup"))
        .isNotEqualTo("members");
    // and the form's own fields still go through the named-engine door
    assertThat(
            http.send(
                    "POST",
                    "/engine-rest/engine/default/task/" + task + "/complete",
                    "member1",
                    "application/json",
                    variables(selfCriticism("GOOD")))
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void branchAndCommitteeCannotLiftADisciplineCapWithDisciplinedFalse() {
    for (String member : List.of("member4", "member5")) {
      sendDiscipline(member, YEAR, "KL-" + member, "WARNING", false);
      String instance = instanceOf(member);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Boolean.TRUE.equals(runtimeService.getVariable(instance, "disciplined")));
      completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
      sendResidenceFeedback(member, YEAR, "Tốt");
    }
    String review = taskOf("secretary1", "branch-review", "member4", YEAR);
    for (String door : DOORS) {
      for (String action : List.of("complete", "submit-form")) {
        assertRefused(
            http.send(
                "POST",
                door + "/task/" + review + "/" + action,
                "secretary1",
                "application/json",
                variables(branchProposes("EXCELLENT", "disciplined", false))),
            door + " " + action,
            "disciplined");
      }
    }
    // what the branch may send: the cap holds, and its own fields go through the named-engine door
    assertThat(
            http.send(
                    "POST",
                    "/engine-rest/engine/default/task/" + review + "/complete",
                    "secretary1",
                    "application/json",
                    variables(branchProposes("EXCELLENT")))
                .body())
        .contains("above-cap");
    assertThat(
            http.send(
                    "POST",
                    "/engine-rest/engine/default/task/" + review + "/complete",
                    "secretary1",
                    "application/json",
                    variables(branchProposes("NOT_COMPLETED")))
                .statusCode())
        .isEqualTo(204);

    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member5", YEAR),
        branchProposes("NOT_COMPLETED"));
    String decision = taskOf("committee", "committee-decision", "member5", YEAR);
    Map<String, Object> lifted =
        new LinkedHashMap<>(
            Map.of(
                "decision",
                "APPROVE",
                "decidedLevel",
                "EXCELLENT",
                "decisionComment",
                "Xuất sắc.",
                "disciplined",
                false));
    for (String door : DOORS) {
      for (String action : List.of("complete", "submit-form", "resolve")) {
        assertRefused(
            http.send(
                "POST",
                door + "/task/" + decision + "/" + action,
                "committee",
                "application/json",
                variables(lifted)),
            door + " " + action,
            "disciplined");
      }
    }
    assertThat(openTasks(decision)).as("the decision is still open").isEqualTo(1);
    assertThat(runtimeService.getVariable(instanceOf("member5"), "disciplined")).isEqualTo(true);
    assertThat(evaluation("committee", YEAR, "member5").path("status").asText())
        .isNotEqualTo("DECIDED");
  }

  @Test
  void noPersonWritesProcessVariablesOutsideATaskFormWhateverTheDoor() {
    String task = taskOf("member2", "self-review", "member2", YEAR);
    String instance = instanceOf("member2");
    String value = "{\"value\":\"members\",\"type\":\"String\"}";
    String modifications = "{\"modifications\":{\"branchCommitteeGroup\":" + value + "}}";
    String modification =
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"self-review\","
            + "\"variables\":{\"branchCommitteeGroup\":"
            + value
            + "}}]}";
    for (String door : DOORS) {
      // the member on their own task, the administrator (whom the engine's authorizations let do
      // anything) on all
      for (String user : List.of("member2", "admin")) {
        for (String scope : List.of("variables", "localVariables")) {
          assertRefused(
              http.send(
                  "PUT",
                  door + "/task/" + task + "/" + scope + "/branchCommitteeGroup",
                  user,
                  "application/json",
                  value),
              door + " PUT task " + scope + " as " + user,
              "branchCommitteeGroup");
          assertRefused(
              http.send(
                  "POST",
                  door + "/task/" + task + "/" + scope,
                  user,
                  "application/json",
                  modifications),
              door + " POST task " + scope + " as " + user,
              "branchCommitteeGroup");
        }
        assertRefused(
            http.send(
                "DELETE",
                door + "/task/" + task + "/variables/memberId",
                user,
                null,
                (byte[]) null),
            door + " DELETE task variable as " + user,
            "memberId");
      }
      assertRefused(
          http.send(
              "PUT",
              door + "/process-instance/" + instance + "/variables/branchCommitteeGroup",
              "admin",
              "application/json",
              value),
          door + " PUT process-instance variable",
          "branchCommitteeGroup");
      assertRefused(
          http.send(
              "POST",
              door + "/process-instance/" + instance + "/variables",
              "admin",
              "application/json",
              modifications),
          door + " POST process-instance variables",
          "branchCommitteeGroup");
      assertRefused(
          http.send(
              "DELETE",
              door + "/process-instance/" + instance + "/variables/memberId",
              "admin",
              null,
              (byte[]) null),
          door + " DELETE process-instance variable",
          "memberId");
      assertRefused(
          http.send(
              "PUT",
              door + "/execution/" + instance + "/localVariables/branchCommitteeGroup",
              "admin",
              "application/json",
              value),
          door + " PUT execution localVariable",
          "branchCommitteeGroup");
      assertRefused(
          http.send(
              "POST",
              door + "/execution/" + instance + "/localVariables",
              "admin",
              "application/json",
              modifications),
          door + " POST execution localVariables",
          "branchCommitteeGroup");
      assertRefused(
          http.send(
              "POST",
              door + "/process-instance/" + instance + "/modification",
              "admin",
              "application/json",
              modification),
          door + " modification",
          "branchCommitteeGroup");
      assertRefused(
          http.send(
              "POST",
              door + "/message",
              "admin",
              "application/json",
              "{\"messageName\":\"residence-feedback-received\",\"businessKey\":\""
                  + YEAR
                  + ":member2\","
                  + "\"processVariables\":{\"branchCommitteeGroup\":"
                  + value
                  + "}}"),
          door + " message",
          "branchCommitteeGroup");
    }
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.signIn("admin", "cockpit")).isEqualTo(200);
    assertRefused(
        cockpit.send(
            "PUT",
            WEBAPP_DOOR + "/process-instance/" + instance + "/variables/branchCommitteeGroup",
            "application/json",
            value),
        "webapp PUT",
        "branchCommitteeGroup");
    assertRefused(
        cockpit.send(
            "POST",
            WEBAPP_DOOR + "/process-instance/" + instance + "/modification",
            "application/json",
            modification),
        "webapp modification",
        "branchCommitteeGroup");

    assertThat(runtimeService.getVariable(instance, "branchCommitteeGroup"))
        .isNotEqualTo("members");
    assertThat(runtimeService.getVariable(instance, "memberId")).isEqualTo("member2");
    assertThat(
            jdbc.sql("select count(*) from act_ru_task where proc_inst_id_ = :p")
                .param("p", instance)
                .query(Integer.class)
                .single())
        .as("no second self-review")
        .isEqualTo(1);
  }

  @Test
  void aJavaCallerRunningAsAPersonMeetsTheSameCheckAndTheApplicationItselfDoesNot() {
    String instance = instanceOf("member3");
    identityService.setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(
              () -> runtimeService.setVariable(instance, "branchCommitteeGroup", "members"))
          .isInstanceOf(VariableRefusedException.class)
          .hasMessageContaining("branchCommitteeGroup: written-by-completion-only");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.getVariable(instance, "branchCommitteeGroup"))
        .isNotEqualTo("members");
    // the application's own writes (no person signed in to the engine) are the process at work
    runtimeService.setVariable(instance, "engineDoorsProbe", 1);
    assertThat(runtimeService.getVariable(instance, "engineDoorsProbe")).isEqualTo(1);
    runtimeService.removeVariable(instance, "engineDoorsProbe");
  }

  private String instanceOf(String member) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(YEAR + ":" + member)
        .processDefinitionKey("member-evaluation")
        .singleResult()
        .getId();
  }

  private int openTasks(String taskId) {
    return jdbc.sql("select count(*) from act_ru_task where id_ = :id")
        .param("id", taskId)
        .query(Integer.class)
        .single();
  }

  private static String variables(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void assertRefused(HttpResponse<String> response, String what, String... names) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
    for (String name : names) {
      assertThat(response.body()).as(what).contains(name);
    }
  }
}
