package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;
import vn.party.evaluation.process.Groups;

/**
 * The outsider's recheck (issue 12): the administrator, holding no committee seat, claimed and completed committee
 * decisions through {@code /api/v1} and both engine REST path forms, and granted task rights with {@code POST
 * /engine-rest/authorization/create} to {@code district} and {@code secretary3}, who then decided. Now a task of the
 * application's processes is worked on and handed only by and to a person in one of its candidate groups (the member
 * themselves for their self-review), whatever engine authorizations or {@code camunda-admin} say; the auditor adds no
 * comment or attachment; no seat group is renamed; and a person who may not act on a task gets the same answer
 * whether it exists or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeatOnlyTaskCommandsTest extends EvaluationFlowSupport {

  private static final int YEAR = 2091;
  private static final List<String> DOORS = List.of("/engine-rest", "/engine-rest/engine/default");
  private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";
  private static final String DECIDE =
      "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"decidedLevel\":{\"value\":\"GOOD\"}}}";
  private static final String SEAT_ONLY_VI = "Chỉ người trong cấp ủy";

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  private Http http;
  private String decision;
  private String decisionInstance;
  private String selfReview;

  @BeforeAll
  void aCommitteeDecisionIsOpen() {
    http = new Http(port);
    launchedCampaign(YEAR);
    selfReview = taskOf("member10", "self-review", "member10", YEAR);
    completeOk("member5", taskOf("member5", "self-review", "member5", YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback("member5", YEAR, "Tốt");
    completeOk(
        "secretary1",
        taskOf("secretary1", "branch-review", "member5", YEAR),
        branchProposes("GOOD"));
    decision = taskOf("committee", "committee-decision", "member5", YEAR);
    decisionInstance =
        taskService.createTaskQuery().taskId(decision).singleResult().getProcessInstanceId();
  }

  @AfterAll
  void theCommitteeDecides() {
    completeOk("committee", decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
  }

  @Test
  void theAdministratorHoldsNoSeatAtAnyDoor() {
    ResponseEntity<String> claimed =
        as("admin")
            .post()
            .uri("/api/v1/tasks/{id}/claim", decision)
            .retrieve()
            .toEntity(String.class);
    assertRefused(claimed.getStatusCode().value(), claimed.getBody(), SEAT_ONLY_VI);
    ResponseEntity<String> completed =
        complete("admin", decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
    assertRefused(completed.getStatusCode().value(), completed.getBody(), SEAT_ONLY_VI);
    for (String door : DOORS) {
      for (String[] command :
          new String[][] {
            {"/claim", "{\"userId\":\"admin\"}"},
            {"/complete", DECIDE},
            {"/submit-form", DECIDE},
            {"/resolve", DECIDE},
            {"/delegate", "{\"userId\":\"admin\"}"},
            {"/assignee", "{\"userId\":\"committee\"}"},
            {"/identity-links", "{\"userId\":\"admin\",\"type\":\"candidate\"}"},
            {"/identity-links", "{\"groupId\":\"camunda-admin\",\"type\":\"candidate\"}"},
            {"/comment/create", "{\"message\":\"Quản trị quyết thay\"}"}
          }) {
        HttpResponse<String> answer = taskCommand(door, decision, command[0], "admin", command[1]);
        assertThat(answer.statusCode()).as(door + command[0] + ": " + answer.body()).isEqualTo(403);
      }
      // the member's own self-review is theirs alone
      HttpResponse<String> own =
          taskCommand(door, selfReview, "/complete", "admin", "{\"variables\":{}}");
      assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
    }
    assertUntouched();
    assertThat(taskService.createTaskQuery().taskId(selfReview).count()).isEqualTo(1);
  }

  /**
   * Grants on a task made outside the guard (the engine's Java API without a person, an authorization left from before
   * the seventh session, when the administrator could still make one at {@code POST /authorization/create}, now
   * refused: {@code EngineCommandListTest.nobodyGrantsAHiddenReaderOfTheEvaluations}) are no seat either.
   */
  @Test
  void engineAuthorizationsGrantedByTheAdministratorAreNoSeat() throws Exception {
    List<String> created = new ArrayList<>();
    try {
      for (String user : List.of("district", "secretary3")) {
        created.add(grant(user, Resources.TASK, decision, Permissions.ALL));
      }
      for (String user : List.of("district", "secretary3")) {
        for (String door : DOORS) {
          assertThat(
                  taskCommand(door, decision, "/claim", user, "{\"userId\":\"" + user + "\"}")
                      .statusCode())
              .as(user + " claims at " + door)
              .isEqualTo(403);
          assertThat(taskCommand(door, decision, "/complete", user, DECIDE).statusCode())
              .as(user + " completes at " + door)
              .isEqualTo(403);
        }
        ResponseEntity<String> claimed =
            as(user)
                .post()
                .uri("/api/v1/tasks/{id}/claim", decision)
                .retrieve()
                .toEntity(String.class);
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(403);
        ResponseEntity<String> completed =
            complete(user, decision, Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(403);
      }
    } finally {
      created.forEach(authorizationService::deleteAuthorization);
    }
    assertUntouched();
  }

  @Test
  void theCommitteeHandsItsTaskOnlyToItsOwnMembers() {
    for (String door : DOORS) {
      HttpResponse<String> toDistrict =
          taskCommand(door, decision, "/assignee", "committee", "{\"userId\":\"district\"}");
      assertThat(toDistrict.statusCode()).as(toDistrict.body()).isEqualTo(403);
      assertThat(toDistrict.body()).contains("Chỉ giao việc này cho người trong cấp ủy");
      for (String link :
          List.of(
              "{\"userId\":\"secretary3\",\"type\":\"candidate\"}",
              "{\"groupId\":\"members\",\"type\":\"candidate\"}")) {
        HttpResponse<String> added =
            taskCommand(door, decision, "/identity-links", "committee", link);
        assertThat(added.statusCode()).as(link + ": " + added.body()).isEqualTo(403);
      }
      HttpResponse<String> delegated =
          taskCommand(door, decision, "/delegate", "committee", "{\"userId\":\"admin\"}");
      assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(403);
    }
    assertUntouched();
    // a seat claims and gives back (as the pages do: the engine's unclaim needs TASK_ASSIGN)
    HttpResponse<String> claimed =
        taskCommand("/engine-rest", decision, "/claim", "committee", "{\"userId\":\"committee\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    asPerson("committee", () -> taskService.claim(decision, null));
    assertUntouched();
  }

  /**
   * Eighth session's outsider (LOW 5, second part): the auditor writing an existing process variable through the
   * engine REST API got 400 {@code unknown-field}, as if a better-named variable would have been taken. The inspection
   * committee changes nothing: 403 before any variable is judged, at every door; nothing is written. Anyone else's
   * write outside a task's form keeps its 400 naming the variable.
   */
  @Test
  void theAuditorWritesNoVariableAndIsToldSoBeforeTheVariablesAreJudged() {
    String variable = "/process-instance/" + decisionInstance + "/variables/memberId";
    String value = "{\"value\":\"auditor\",\"type\":\"String\"}";
    String[][] writes = {
      {"PUT", variable, value},
      {"DELETE", variable, null},
      {
        "POST",
        "/process-instance/" + decisionInstance + "/variables",
        "{\"modifications\":{\"memberId\":" + value + "}}"
      },
      {"PUT", "/task/" + decision + "/variables/memberId", value},
      {"PUT", "/task/" + decision + "/localVariables/ghiChu", value}
    };
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.signIn("auditor", "cockpit")).isEqualTo(200);
    for (String[] write : writes) {
      for (String door : DOORS) {
        HttpResponse<String> answer =
            http.send(write[0], door + write[1], "auditor", "application/json", write[2]);
        assertRefused(
            answer.statusCode(), door + write[1] + ": " + answer.body(), "Ủy ban kiểm tra");
        assertThat(answer.body()).doesNotContain("unknown-field");
      }
      HttpResponse<String> webapp =
          cockpit.send(
              write[0],
              "/camunda/api/engine/engine/default" + write[1],
              "application/json",
              write[2]);
      assertRefused(webapp.statusCode(), write[1] + ": " + webapp.body(), "Ủy ban kiểm tra");
    }
    assertThat(runtimeService.getVariable(decisionInstance, "memberId")).isEqualTo("member5");
    // another person's write outside the form is still named, as before
    HttpResponse<String> committee =
        http.send("PUT", "/engine-rest" + variable, "committee", "application/json", value);
    assertThat(committee.statusCode()).as(committee.body()).isEqualTo(400);
    assertThat(committee.body())
        .contains("\"field\":\"memberId\",\"reason\":\"written-by-completion-only\"");
    assertUntouched();
  }

  /**
   * Tenth session's outsider, LOW 8: a variable write the guard refuses answered in English with the raw reason
   * ({@code memberId: unknown-field}) and {@code code: null}. Now, at both engine REST path forms and Tasklist's copy,
   * the refusal the other doors give: 400, the field, a stable reason, and a sentence naming the field in Vietnamese
   * first, then English; nothing written. Twelfth session's outsider, MEDIUM 5: the sentence said "not a field of this
   * form" of a form's own fields (strengths, decidedLevel), and named levelCap by its key: a write outside a
   * completion now has its own reason ({@code written-by-completion-only}), every variable its label.
   */
  @Test
  void aRefusedVariableWriteIsToldInWordsAtEveryEngineDoor() {
    String value = "{\"value\":\"committee\",\"type\":\"String\"}";
    String level = "{\"value\":\"EXCELLENT\",\"type\":\"String\"}";
    // method, path, body, the variable, its label (Vietnamese, English): a form's fields
    // (strengths, decidedLevel), a value the form shows (levelCap) and a process variable
    // (memberId), each written outside a completion
    String[][] writes = {
      {
        "PUT",
        "/process-instance/" + decisionInstance + "/variables/memberId",
        value,
        "memberId",
        "Đảng viên",
        "Member"
      },
      {
        "POST",
        "/process-instance/" + decisionInstance + "/variables",
        "{\"modifications\":{\"decidedLevel\":" + level + "}}",
        "decidedLevel",
        "Mức xếp loại",
        "Level"
      },
      {
        "POST",
        "/task/" + decision + "/variables",
        "{\"modifications\":{\"strengths\":" + value + "}}",
        "strengths",
        "Ưu điểm, kết quả đạt được",
        "Strengths and results"
      },
      {
        "PUT",
        "/task/" + decision + "/variables/levelCap",
        level,
        "levelCap",
        "Mức cao nhất được xếp",
        "Highest level allowed"
      }
    };
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.signIn("committee", "tasklist")).isEqualTo(200);
    for (String[] write : writes) {
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (String door : DOORS) {
        answers.add(
            http.send(write[0], door + write[1], "committee", "application/json", write[2]));
      }
      answers.add(
          tasklist.send(
              write[0],
              "/camunda/api/engine/engine/default" + write[1],
              "application/json",
              write[2]));
      for (HttpResponse<String> answer : answers) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        var problem = json(answer.body());
        var error = problem.path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(write[3]);
        assertThat(error.path("reason").asText())
            .as("a write outside a completion, not a field foreign to the form")
            .isEqualTo("written-by-completion-only");
        assertThat(error.path("message").asText())
            .as("Vietnamese first, then English, the field by its label")
            .isEqualTo(
                "Trường "
                    + write[4]
                    + " chỉ được ghi khi hoàn thành công việc (qua biểu mẫu của công việc),"
                    + " không ghi riêng được. / "
                    + write[5]
                    + " is written only by completing the task (through its form), not on its"
                    + " own.");
        assertThat(problem.path("detail").asText()).startsWith("Biến không được ghi");
        assertThat(answer.body())
            .doesNotContain("không thuộc biểu mẫu này")
            .doesNotContain(": unknown-field")
            .doesNotContain("\"code\"");
      }
    }
    assertThat(runtimeService.getVariable(decisionInstance, "memberId")).isEqualTo("member5");
    assertThat(runtimeService.getVariable(decisionInstance, "decidedLevel"))
        .isNotEqualTo("EXCELLENT");
    assertThat(taskService.getVariable(decision, "strengths")).isNotEqualTo("committee");
    assertThat(taskService.getVariable(decision, "levelCap")).isNotEqualTo("EXCELLENT");
    assertUntouched();
  }

  @Test
  void theAuditorAddsNoCommentNorAttachment() {
    for (String door : DOORS) {
      HttpResponse<String> comment =
          taskCommand(
              door, decision, "/comment/create", "auditor", "{\"message\":\"Kiểm tra ghi chú\"}");
      assertThat(comment.statusCode()).as(comment.body()).isEqualTo(403);
      String boundary = "b0undary";
      String multipart =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nbien-ban\r\n--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttp://example.invalid/x\r\n--"
              + boundary
              + "--\r\n";
      HttpResponse<String> attachment =
          http.send(
              "POST",
              door + "/task/" + decision + "/attachment/create",
              "auditor",
              "multipart/form-data; boundary=" + boundary,
              multipart);
      assertThat(attachment.statusCode()).as(attachment.body()).isEqualTo(403);
    }
    assertThat(taskService.getTaskComments(decision)).isEmpty();
    assertThat(taskService.getTaskAttachments(decision)).isEmpty();
  }

  /**
   * The outsider's re-attack (L3): {@code comment/create} on one's own task answered "No task found". Comments and
   * attachments are no one's (what is said about a case goes in its step's form, checked and kept on the record): a
   * seat holder is told so at every door, anyone else gets the answer for no task.
   */
  @Test
  void aSeatHolderIsToldThatCommentsAndAttachmentsGoInTheStepsForm() {
    for (String door : DOORS) {
      for (String[] asked : new String[][] {{"member10", selfReview}, {"committee", decision}}) {
        HttpResponse<String> comment =
            taskCommand(
                door, asked[1], "/comment/create", asked[0], "{\"message\":\"Đã xem hồ sơ\"}");
        assertThat(comment.statusCode()).as(asked[0] + " " + comment.body()).isEqualTo(403);
        assertThat(comment.body()).contains("được ghi trong biểu mẫu của bước");
      }
      HttpResponse<String> unknown =
          taskCommand(
              door, UNKNOWN, "/comment/create", "member10", "{\"message\":\"Đã xem hồ sơ\"}");
      assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(403);
      assertThat(unknown.body()).contains("Không có quyền, hoặc không có đối tượng này");
      HttpResponse<String> others =
          taskCommand(
              door, decision, "/comment/create", "member10", "{\"message\":\"Đã xem hồ sơ\"}");
      assertThat(others.statusCode()).as(others.body()).isEqualTo(403);
      assertThat(others.body()).isEqualTo(unknown.body());
    }
    // the Java door, as the committee whose task it is
    assertThatThrownBy(
            () ->
                asPerson(
                    "committee", () -> taskService.createComment(decision, null, "Đã xem hồ sơ")))
        .hasMessageContaining("goes in its step's form");
    assertThat(taskService.getTaskComments(decision)).isEmpty();
    assertThat(taskService.getTaskComments(selfReview)).isEmpty();
  }

  /** Runs as the person (their engine groups), as the domain API and the pages do. */
  /**
   * The outsider's re-attack of 2026-12-06 (fifth session), finding 1: a seat holder — the member on their own
   * self-review, the committee on its decision — ended the evaluation's process by throwing a BPMN error (or an
   * escalation) from the task; no process has a boundary for one, so the engine ended the execution silently and the
   * evaluation stayed in its step for good. No person throws one, at any door.
   */
  @Test
  void noSeatEndsAnEvaluationByThrowingFromItsTask() {
    String selfReviewInstance =
        taskService.createTaskQuery().taskId(selfReview).singleResult().getProcessInstanceId();
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.signIn("member10", "tasklist")).isEqualTo(200);
    for (String throwing : List.of("/bpmnError", "/bpmnEscalation")) {
      String body =
          throwing.equals("/bpmnError") ? "{\"errorCode\":\"x\"}" : "{\"escalationCode\":\"x\"}";
      for (String door : DOORS) {
        for (String[] seat : new String[][] {{"member10", selfReview}, {"committee", decision}}) {
          HttpResponse<String> answer = taskCommand(door, seat[1], throwing, seat[0], body);
          assertThat(answer.statusCode())
              .as(seat[0] + " " + door + throwing + ": " + answer.body())
              .isEqualTo(403);
        }
      }
      HttpResponse<String> webapp =
          tasklist.send(
              "POST",
              "/camunda/api/engine/engine/default/task/" + selfReview + throwing,
              "application/json",
              body);
      assertThat(webapp.statusCode())
          .as("Tasklist " + throwing + ": " + webapp.body())
          .isEqualTo(403);
    }
    for (String instance : List.of(selfReviewInstance, decisionInstance)) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
          .as("the evaluation runs on")
          .isEqualTo(1);
    }
    assertThat(taskService.createTaskQuery().taskId(selfReview).count()).isEqualTo(1);
    assertUntouched();
  }

  /**
   * Fifth session, findings 3, 5, 7 and 10: setting a job's retries to 0 took a deadline's timer out of the job
   * executor's hands (the evaluation waited for good), {@code submit-form} on a start form started a process that
   * {@code /start} may not, and the administrator (or a granted user) forged an incident on an evaluation and annotated
   * the operation log and incidents the auditors read. Refused at every door, with one answer whether the job or
   * execution exists or not; a positive retry count (an incident's retry) is still the administrator's.
   */
  @Test
  void nobodyStallsStartsOrForgesAnEvaluationThroughJobsFormsOrIncidents() throws Exception {
    // a deadline's timer: member6's residence comment, awaited once their self-review is in
    List<String> before =
        managementService.createJobQuery().list().stream().map(Job::getId).toList();
    completeOk("member6", taskOf("member6", "self-review", "member6", YEAR), selfCriticism("GOOD"));
    Job job =
        managementService.createJobQuery().timers().list().stream()
            .filter(timer -> !before.contains(timer.getId()))
            .findFirst()
            .orElseThrow();
    String jobDefinition = job.getJobDefinitionId();
    long incidents = runtimeService.createIncidentQuery().count();
    long instances = runtimeService.createProcessInstanceQuery().count();
    List<String> created = new ArrayList<>();
    try {
      // definitions, instances, historic instances
      created.addAll(grantAllToDistrict(6, 8, 14));
      assertEveryDoorRefuses(
          new String[][] {
            {"PUT", "/job/" + job.getId() + "/retries", "{\"retries\":0}"},
            {"PUT", "/job/" + UNKNOWN + "/retries", "{\"retries\":0}"},
            {"PUT", "/job-definition/" + jobDefinition + "/retries", "{\"retries\":0}"},
            {"POST", "/job/retries", "{\"jobIds\":[\"" + job.getId() + "\"],\"retries\":0}"},
            {
              "POST",
              "/process-instance/job-retries",
              "{\"processInstances\":[\"" + decisionInstance + "\"],\"retries\":0}"
            },
            {"POST", "/process-definition/key/evaluation-campaign/submit-form", "{}"},
            {"POST", "/process-definition/key/member-evaluation/submit-form", "{}"},
            {
              "POST",
              "/execution/" + decisionInstance + "/create-incident",
              "{\"incidentType\":\"failedJob\",\"message\":\"forged\"}"
            },
            {
              "POST",
              "/execution/" + UNKNOWN + "/create-incident",
              "{\"incidentType\":\"failedJob\",\"message\":\"forged\"}"
            },
            {
              "PUT",
              "/history/user-operation/" + UNKNOWN + "/set-annotation",
              "{\"annotation\":\"approved by the inspection committee\"}"
            },
            {"PUT", "/history/user-operation/" + UNKNOWN + "/clear-annotation", null},
            {"PUT", "/incident/" + UNKNOWN + "/annotation", "{\"annotation\":\"x\"}"},
            {"DELETE", "/incident/" + UNKNOWN + "/annotation", null}
          });
    } finally {
      created.forEach(authorizationService::deleteAuthorization);
    }
    // a negative count is the engine's own 400, before it looks for the job: alike for a real one
    // and none
    HttpResponse<String> negative = setRetries(job.getId(), "district", -1);
    HttpResponse<String> negativeNone = setRetries(UNKNOWN, "district", -1);
    assertThat(negative.statusCode()).as(negative.body()).isEqualTo(400);
    assertThat(negative.body()).isEqualTo(negativeNone.body());
    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getRetries()).as("the job is still the executor's").isPositive();
    assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(incidents);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    // retrying a job (an incident's retry) stays the administrator's
    HttpResponse<String> retry = setRetries(job.getId(), "admin", after.getRetries());
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(204);
  }

  /**
   * Fifth session, finding 6: the committee completed its decision with transient values ({@code
   * "valueInfo":{"transient":true}}); the domain record got them, the engine's variables and history did not. A person's
   * value is never transient: 400 naming the variable, at every door and for complete, submit-form and resolve.
   */
  @Test
  void noSeatCompletesWithValuesKeptOutOfTheProcess() {
    String transientDecision =
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"valueInfo\":{\"transient\":true}},"
            + "\"decidedLevel\":{\"value\":\"GOOD\"}}}";
    for (String door : DOORS) {
      for (String command : List.of("/complete", "/submit-form", "/resolve")) {
        HttpResponse<String> answer =
            taskCommand(door, decision, command, "committee", transientDecision);
        assertThat(answer.statusCode()).as(door + command + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).as(door + command).contains("decision").contains("transient");
      }
    }
    assertUntouched();
  }

  /**
   * Fifth session, finding 13: before the self-review was submitted the member read "Chưa có bản tự kiểm điểm đã nộp
   * của member1 năm 2.026" — the year with a thousands separator, the member by account. Now the year as written and
   * the member by name.
   */
  @Test
  void aSelfReviewNotYetSubmittedIsNamedByYearAsWrittenAndByTheMembersName() {
    HttpResponse<String> answer =
        http.send(
            "GET",
            "/api/v1/evaluations/" + YEAR + "/member10/self-review",
            "member10",
            null,
            (String) null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
    assertThat(answer.body())
        .contains("năm " + YEAR)
        .doesNotContain("2.091")
        .doesNotContain("2,091")
        .doesNotContain("của member10");
  }

  /**
   * Fifth session, finding 8: the administrator created a standalone task ({@code POST /engine-rest/task/create}) named
   * like a self-review, with a link to another site, and it showed in the member's {@code /api/v1/tasks}. The product
   * has no standalone tasks: no person creates one, and the list shows the application's processes' tasks only.
   */
  @Test
  void noPersonCreatesAStandaloneTaskAndNoneIsListed() {
    for (String door : DOORS) {
      for (String body :
          List.of(
              "{\"name\":\"Tự kiểm điểm (bổ sung)\",\"assignee\":\"member10\","
                  + "\"description\":\"http://evil.example/login\"}",
              "{\"id\":\"forged-task\",\"name\":\"x\",\"assignee\":\"member10\"}")) {
        HttpResponse<String> answer =
            http.send("POST", door + "/task/create", "admin", "application/json", body);
        assertThat(answer.statusCode()).as(door + " " + body + ": " + answer.body()).isEqualTo(403);
      }
    }
    assertThat(taskService.createTaskQuery().taskAssignee("member10").list())
        .allMatch(task -> task.getProcessInstanceId() != null);
    // one made anyway (by the engine's own hand) is not the member's work
    Task standalone = taskService.newTask();
    standalone.setName("Tự kiểm điểm (bổ sung)");
    standalone.setAssignee("member10");
    taskService.saveTask(standalone);
    try {
      HttpResponse<String> listed =
          http.send("GET", "/api/v1/tasks", "member10", null, (String) null);
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      assertThat(listed.body()).contains(selfReview).doesNotContain(standalone.getId());
    } finally {
      taskService.deleteTask(standalone.getId(), true);
    }
  }

  private void asPerson(String user, Runnable work) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList();
    identityService.setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void noSeatGroupIsRenamed() {
    String group = Groups.organizationCommittee(ORG);
    String name = identityService.createGroupQuery().groupId(group).singleResult().getName();
    for (String door : DOORS) {
      HttpResponse<String> renamed =
          http.send(
              "PUT",
              door + "/group/" + group,
              "admin",
              "application/json",
              "{\"id\":\"" + group + "\",\"name\":\"Ban đổi tên\",\"type\":\"WORKFLOW\"}");
      assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(403);
      assertThat(renamed.body()).contains("trang của đơn vị");
    }
    assertThat(identityService.createGroupQuery().groupId(group).singleResult().getName())
        .isEqualTo(name);
  }

  /**
   * The recheck's oracles: as someone who may not act on the task, a real task and an unknown id got different
   * answers (a bad value: {@code unknown-field} against 403; delete, the deployed form, a suspension).
   */
  @Test
  void whoMayNotActGetsOneAnswerForARealTaskAndForNone() {
    for (String door : DOORS) {
      for (String user : List.of("member3", "district", "admin")) {
        samePair(
            door,
            user,
            "POST",
            "/task/{id}/complete",
            "application/json",
            "{\"variables\":{\"nonsense\":{\"value\":\"x\"},\"decidedLevel\":{\"value\":\"SUPREME\"}}}",
            decision);
        samePair(
            door,
            user,
            "POST",
            "/task/{id}/claim",
            "application/json",
            "{\"userId\":\"" + user + "\"}",
            decision);
      }
      for (String user : List.of("member3", "district")) {
        samePair(door, user, "DELETE", "/task/{id}", null, null, decision);
        samePair(door, user, "GET", "/task/{id}/deployed-form", null, null, decision);
        samePair(door, user, "GET", "/task/{id}/form", null, null, decision);
        samePair(
            door,
            user,
            "PUT",
            "/process-instance/{id}/suspended",
            "application/json",
            "{\"suspended\":true}",
            decisionInstance);
      }
    }
    assertUntouched();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(decisionInstance)
                .suspended()
                .count())
        .isZero();
  }

  private void samePair(
      String door, String user, String method, String path, String type, String body, String real) {
    HttpResponse<String> there =
        http.send(method, door + path.replace("{id}", real), user, type, body);
    HttpResponse<String> none =
        http.send(method, door + path.replace("{id}", UNKNOWN), user, type, body);
    String what = user + " " + method + " " + door + path;
    assertThat(there.statusCode()).as(what + ": " + there.body()).isEqualTo(403);
    assertThat(none.statusCode()).as(what + " (unknown): " + none.body()).isEqualTo(403);
    assertThat(there.body()).as(what).isEqualTo(none.body()).doesNotContain(real);
  }

  /**
   * The outsider's re-attack: with the engine's process commands the administrator (or anyone granted engine rights)
   * moved an evaluation past its self-review and branch review, recorded a decision by starting its last step, and
   * suspended or deleted evaluations and their history. No person gives those, at any door, granted or not.
   */
  @Test
  void nobodySteersStopsOrDeletesAnEvaluationFromOutsideItsSteps() throws Exception {
    List<String> created = new ArrayList<>();
    try {
      // process definitions, instances, deployments
      created.addAll(grantAllToDistrict(6, 8, 9));
      assertEveryDoorRefuses(
          new String[][] {
            {
              "POST",
              "/process-instance/" + decisionInstance + "/modification",
              "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"record-decision\"}]}"
            },
            {
              "POST",
              "/process-instance/" + decisionInstance + "/modification",
              "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"committee-decision\"}]}"
            },
            {"PUT", "/process-instance/" + decisionInstance + "/suspended", "{\"suspended\":true}"},
            {"DELETE", "/process-instance/" + decisionInstance, null},
            {
              "POST",
              "/process-instance/delete",
              "{\"processInstanceIds\":[\"" + decisionInstance + "\"],\"deleteReason\":\"x\"}"
            },
            {"DELETE", "/history/process-instance/" + decisionInstance, null},
            {
              "POST",
              "/message",
              "{\"messageName\":\"residence-feedback-received\",\"businessKey\":\""
                  + YEAR
                  + ":member5\"}"
            },
            {"POST", "/process-definition/key/member-evaluation/start", "{\"businessKey\":\"x\"}"}
          });
    } finally {
      created.forEach(authorizationService::deleteAuthorization);
    }
    // the Java door: a deployment over the processes, given as a person
    identityService.setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(
              () ->
                  repositoryService
                      .createDeployment()
                      .addModelInstance(
                          "member-evaluation.bpmn",
                          Bpmn.createExecutableProcess("member-evaluation")
                              .startEvent()
                              .endEvent()
                              .done())
                      .deploy())
          .hasMessageContaining("An evaluation moves only through its steps");
    } finally {
      identityService.clearAuthentication();
    }
    assertUntouched();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(decisionInstance)
                .active()
                .count())
        .as("the evaluation runs on, not suspended")
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(decisionInstance)
                .count())
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(decisionInstance)
                .activityId("record-decision")
                .count())
        .as("no step was started from outside")
        .isZero();
  }

  /**
   * The outsider's re-attack (the timer-job door): the administrator, or a user granted engine rights, ran an
   * evaluation's timer before its time ({@code POST /job/{id}/execute}: the complaint window, the deadline for the
   * residence comment) or moved its due date; or shortened a definition's history time to live for the cleanup to
   * delete the auditors' history. The timer waits for its time; setting retries (an incident's retry) stays.
   */
  @Test
  void nobodyRunsAnEvaluationsTimerBeforeItsTimeNorShortensItsHistory() throws Exception {
    completeOk("member7", taskOf("member7", "self-review", "member7", YEAR), selfCriticism("GOOD"));
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(YEAR + ":member7")
            .singleResult()
            .getId();
    Job[] found = new Job[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                (found[0] =
                        managementService
                            .createJobQuery()
                            .timers()
                            .activityId("residence-feedback-deadline")
                            .processInstanceId(instance)
                            .singleResult())
                    != null);
    Job timer = found[0];
    String definition = timer.getProcessDefinitionId();
    String now = "\"2020-01-01T00:00:00.000+0000\"";
    List<String> created = new ArrayList<>();
    try {
      // process definitions, instances
      created.addAll(grantAllToDistrict(6, 8));
      assertEveryDoorRefuses(
          new String[][] {
            {"POST", "/job/" + timer.getId() + "/execute", null},
            {"PUT", "/job/" + timer.getId() + "/duedate", "{\"duedate\":" + now + "}"},
            {"POST", "/job/" + timer.getId() + "/duedate/recalculate", null},
            {
              "PUT", "/job/" + timer.getId() + "/retries", "{\"retries\":3,\"dueDate\":" + now + "}"
            },
            {
              "PUT",
              "/process-definition/" + definition + "/history-time-to-live",
              "{\"historyTimeToLive\":0}"
            },
            {
              "PUT",
              "/process-definition/key/member-evaluation/history-time-to-live",
              "{\"historyTimeToLive\":0}"
            }
          });
      // an incident's retry stays the administrator's
      HttpResponse<String> retries = setRetries(timer.getId(), "admin", 3);
      assertThat(retries.statusCode()).as(retries.body()).isEqualTo(204);
    } finally {
      created.forEach(authorizationService::deleteAuthorization);
    }
    // the Java door, as a person
    identityService.setAuthentication("admin", List.of(Groups.ADMINS));
    try {
      assertThatThrownBy(() -> managementService.executeJob(timer.getId()))
          .hasStackTraceContaining("An evaluation moves only through its steps");
      assertThatThrownBy(() -> managementService.setJobDuedate(timer.getId(), new Date()))
          .hasStackTraceContaining("An evaluation moves only through its steps");
      assertThatThrownBy(
              () -> repositoryService.updateProcessDefinitionHistoryTimeToLive(definition, 0))
          .hasStackTraceContaining("An evaluation moves only through its steps");
    } finally {
      identityService.clearAuthentication();
    }
    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after).as("the timer still waits").isNotNull();
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(after.getRetries()).as("no refusal counted as a failure").isEqualTo(3);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId("record-missing-feedback")
                .count())
        .as("the deadline did not pass early")
        .isZero();
    assertThat(repositoryService.getProcessDefinition(definition).getHistoryTimeToLive())
        .isEqualTo(3650);
  }

  /**
   * The outsider's re-attack (L1): a user the administrator granted engine read rights on another member's task saw
   * its page read-only ({@code /app/tasks/{id}}) while the API refused. The page answers as for a task that does not
   * exist.
   */
  @Test
  void engineReadRightsShowNoTaskPage() throws Exception {
    String authorization = grant("member3", Resources.TASK, selfReview, Permissions.READ);
    try {
      PageSession page = PageSession.of(port, "member3");
      HttpResponse<String> others = page.get("/app/tasks/" + selfReview);
      HttpResponse<String> none = page.get("/app/tasks/" + UNKNOWN);
      assertThat(none.statusCode()).isEqualTo(403);
      assertThat(others.statusCode()).as(others.body()).isEqualTo(none.statusCode());
      assertThat(others.body()).doesNotContain(selfReview).doesNotContain("member10");
      // the owner still opens it
      assertThat(PageSession.of(port, "member10").get("/app/tasks/" + selfReview).statusCode())
          .isEqualTo(200);
    } finally {
      authorizationService.deleteAuthorization(authorization);
    }
  }

  /**
   * The outsider's re-attack of 2026-12-07 (sixth session), finding 3: with an UPDATE grant from the administrator, a
   * seat holder saved their task whole ({@code PUT /task/{id}}) with another member's task as its parent; completing
   * that one deleted theirs (the process waited in a step without a task), and the same PUT cleared the due date. No
   * person sets a task's parent nor changes what the process set on its task (dates, name…), at any door; sending the
   * task back unchanged (what Tasklist's own update does when nothing changed) still passes.
   */
  @Test
  void noPersonReparentsRedatesOrRenamesATaskOfTheProcesses() {
    Task before = taskService.createTaskQuery().taskId(selfReview).singleResult();
    // what the outsider did: the administrator adds UPDATE to the member's own authorization on it
    withUpdateGrant(
        () -> {
          String name = before.getName();
          String due = restDate(before.getDueDate());
          for (String door : DOORS) {
            for (String[] change :
                new String[][] {
                  {name, due, decision}, {name, "null", null}, {"Đã xong", due, null}
                }) {
              if (change[1].equals(due) && change[2] == null && change[0].equals(name)) {
                continue; // no due date to clear
              }
              HttpResponse<String> answer =
                  http.send(
                      "PUT",
                      door + "/task/" + selfReview,
                      "member10",
                      "application/json",
                      taskBody(before, change[0], change[1], change[2]));
              assertThat(answer.statusCode())
                  .as(
                      door
                          + " "
                          + String.join(", ", String.valueOf(change[2]))
                          + ": "
                          + answer.body())
                  .isEqualTo(403);
            }
            assertUnchangedSaveStands(door);
          }
        });
    Task after = taskService.createTaskQuery().taskId(selfReview).singleResult();
    assertThat(after.getParentTaskId()).isNull();
    assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
    assertThat(after.getName()).isEqualTo(before.getName());
    assertThat(taskService.createTaskQuery().taskId(decision).count()).isEqualTo(1);
  }

  /**
   * Open question D of 2026-12-07 (the unchanged save above answered 204 alone and 403 in the whole suite): a member
   * with an open case about them — their branch review of another year, say — holds the engine's revocation on that
   * task ({@code OwnCaseAuthorizations}), so the engine checks revokes for them; the global base on process
   * definitions ({@code AccessSetup}) then revoked TASK_ASSIGN on every definition, and the engine's save check asks
   * that before the member's UPDATE on their task. The unchanged save stands whatever else is open about the member.
   */
  @Test
  void anUnchangedSaveStandsWhileACaseAboutTheMemberIsOpen() {
    // what OwnCaseAuthorizations leaves on a task about member10 while it is open
    Authorization aboutMember =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    aboutMember.setUserId("member10");
    aboutMember.setResource(Resources.TASK);
    aboutMember.setResourceId(UNKNOWN);
    aboutMember.setPermissions(new Permission[] {Permissions.ALL});
    authorizationService.saveAuthorization(aboutMember);
    try {
      Task before = taskService.createTaskQuery().taskId(selfReview).singleResult();
      withUpdateGrant(
          () -> {
            for (String door : DOORS) {
              assertUnchangedSaveStands(door);
            }
          });
      Task after = taskService.createTaskQuery().taskId(selfReview).singleResult();
      assertThat(after.getName()).isEqualTo(before.getName());
      assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
      assertThat(after.getFollowUpDate()).isEqualTo(before.getFollowUpDate());
      assertThat(after.getPriority()).isEqualTo(before.getPriority());
      assertThat(after.getAssignee()).isEqualTo(before.getAssignee());
      assertThat(after.getParentTaskId()).isNull();
      // the process definitions are read by each group's grant, not by a global authorization
      // (whose revocations answered first): the member and a seat account still read them
      assertThat(
              authorizationService
                  .createAuthorizationQuery()
                  .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                  .resourceType(Resources.PROCESS_DEFINITION)
                  .count())
          .isZero();
      for (String user : List.of("member10", "secretary1")) {
        HttpResponse<String> definitions =
            http.send(
                "GET",
                "/engine-rest/process-definition?key=member-evaluation&latestVersion=true",
                user,
                null,
                (byte[]) null);
        assertThat(definitions.statusCode()).as(user + ": " + definitions.body()).isEqualTo(200);
        assertThat(definitions.body()).as(user).contains("\"key\":\"member-evaluation\"");
      }
    } finally {
      authorizationService.deleteAuthorization(aboutMember.getId());
    }
  }

  /** The member sends their self-review back as it stands now (what Tasklist does on an unchanged save): 204. */
  private void assertUnchangedSaveStands(String door) {
    Task now = taskService.createTaskQuery().taskId(selfReview).singleResult();
    String body = taskBody(now, now.getName(), restDate(now.getDueDate()), now.getParentTaskId());
    HttpResponse<String> unchanged =
        http.send("PUT", door + "/task/" + selfReview, "member10", "application/json", body);
    assertThat(unchanged.statusCode())
        .as(door + " unchanged " + body + ": " + unchanged.body())
        .isEqualTo(204);
    Task after = taskService.createTaskQuery().taskId(selfReview).singleResult();
    assertThat(after.getName()).isEqualTo(now.getName());
    assertThat(after.getDescription()).isEqualTo(now.getDescription());
    assertThat(after.getPriority()).isEqualTo(now.getPriority());
    assertThat(after.getAssignee()).isEqualTo(now.getAssignee());
    assertThat(after.getOwner()).isEqualTo(now.getOwner());
    assertThat(after.getDueDate()).isEqualTo(now.getDueDate());
    assertThat(after.getFollowUpDate()).isEqualTo(now.getFollowUpDate());
    assertThat(after.getParentTaskId()).isEqualTo(now.getParentTaskId());
  }

  /** Runs the work while member10 holds READ, UPDATE and TASK_WORK on their self-review, as the outsider's grant. */
  private void withUpdateGrant(Runnable work) {
    Authorization grant =
        authorizationService
            .createAuthorizationQuery()
            .userIdIn("member10")
            .resourceType(Resources.TASK)
            .resourceId(selfReview)
            .singleResult();
    boolean made = grant == null;
    if (made) {
      grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId("member10");
      grant.setResource(Resources.TASK);
      grant.setResourceId(selfReview);
    }
    Permission[] held = grant.getPermissions(Permissions.values());
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.UPDATE);
    grant.addPermission(Permissions.TASK_WORK);
    authorizationService.saveAuthorization(grant);
    try {
      work.run();
    } finally {
      if (made) {
        authorizationService.deleteAuthorization(grant.getId());
      } else {
        grant.setPermissions(held);
        authorizationService.saveAuthorization(grant);
      }
    }
  }

  private static String restDate(Date date) {
    return date == null
        ? "null"
        : "\"" + new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date) + "\"";
  }

  private static String taskBody(Task task, String name, String due, String parent) {
    return "{\"name\":"
        + quoted(name)
        + ",\"description\":"
        + quoted(task.getDescription())
        + ",\"priority\":"
        + task.getPriority()
        + ",\"assignee\":"
        + quoted(task.getAssignee())
        + ",\"owner\":"
        + quoted(task.getOwner())
        + ",\"due\":"
        + due
        + ",\"followUp\":"
        + restDate(task.getFollowUpDate())
        + ",\"parentTaskId\":"
        + quoted(parent)
        + ",\"tenantId\":"
        + quoted(task.getTenantId())
        + "}";
  }

  private static String quoted(String text) {
    return text == null ? "null" : "\"" + text.replace("\"", "\\\"") + "\"";
  }

  /**
   * Each command (method, path below the door, JSON body or null) at every door, as the administrator and as the
   * district granted engine rights: 403; the administrator is told why, anyone else gets the answer for what does not
   * exist.
   */
  private void assertEveryDoorRefuses(String[][] commands) {
    for (String user : List.of("admin", "district")) {
      for (String door : DOORS) {
        for (String[] command : commands) {
          HttpResponse<String> answer =
              http.send(
                  command[0],
                  door + command[1],
                  user,
                  command[2] == null ? null : "application/json",
                  command[2]);
          assertThat(answer.statusCode())
              .as(user + " " + command[0] + " " + door + command[1] + ": " + answer.body())
              .isEqualTo(403);
          assertThat(answer.body())
              .as(user + " " + command[0] + " " + door + command[1])
              .contains(
                  user.equals("admin")
                      ? "Việc đánh giá chỉ đi theo các bước của quy trình"
                      : "Không có quyền, hoặc không có đối tượng này");
        }
      }
    }
  }

  private void assertUntouched() {
    Task task = taskService.createTaskQuery().taskId(decision).singleResult();
    assertThat(task).as("the committee's decision is still open").isNotNull();
    assertThat(task.getAssignee()).isNull();
    assertThat(task.getOwner()).isNull();
    assertThat(taskService.getIdentityLinksForTask(decision))
        .allMatch(link -> Groups.organizationCommittee(ORG).equals(link.getGroupId()));
  }

  /** Sets a job's retries through the engine REST API, as the user. */
  private HttpResponse<String> setRetries(String jobId, String user, int retries) {
    return http.send(
        "PUT",
        "/engine-rest/job/" + jobId + "/retries",
        user,
        "application/json",
        "{\"retries\":" + retries + "}");
  }

  /** A command on a task through the engine REST door ({@code command}: "/claim", "/complete"…), as JSON. */
  private HttpResponse<String> taskCommand(
      String door, String taskId, String command, String user, String body) {
    return http.send("POST", door + "/task/" + taskId + command, user, "application/json", body);
  }

  private static void assertRefused(int status, String body, String reason) {
    assertThat(status).as(body).isEqualTo(403);
    assertThat(body).contains(reason);
  }

  /**
   * {@code district} holds every permission on every resource of these types (granted outside the guard: a person may
   * no longer grant one, see {@link #engineAuthorizationsGrantedByTheAdministratorAreNoSeat()}); the ids of the
   * authorizations made, for the test to delete.
   */
  private List<String> grantAllToDistrict(int... resourceTypes) {
    List<String> ids = new ArrayList<>();
    for (int resourceType : resourceTypes) {
      Resources resource =
          Arrays.stream(Resources.values())
              .filter(r -> r.resourceType() == resourceType)
              .findFirst()
              .orElseThrow();
      ids.add(grant("district", resource, "*", Permissions.ALL));
    }
    return ids;
  }

  /** A grant made through the engine's Java API, without a person (no guard judges it); its id. */
  private String grant(
      String userId, Resources resource, String resourceId, Permission permission) {
    Authorization authorization =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    return authorizationService.saveAuthorization(authorization).getId();
  }
}
