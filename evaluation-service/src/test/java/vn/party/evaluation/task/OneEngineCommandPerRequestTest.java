package vn.party.evaluation.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.party.evaluation.EngineCommands.counted;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.party.evaluation.EngineCommands.Counted;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.SqlStatements;
import vn.party.evaluation.SqlStatements.Recorded;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.SystemAccess;
import vn.party.evaluation.security.engine.VariableRefusedException;
import vn.party.evaluation.task.TaskApi.TaskView;
import vn.party.evaluation.task.flow.TaskEngine;
import vn.party.evaluation.web.ApiException;

/**
 * Issue 15: a domain API request runs its engine calls in one engine command context, so the task, its execution,
 * definition and variables are read once per request, not once per call (the completion read the task seven times).
 * The engine's guard still judges each call the application makes inside it as the person's own, and the request has
 * one outcome: a refusal rolls back what the engine did in it and reaches the caller as thrown. Year 2064 is this
 * test's own (member7 to member10); the service is called on the test's thread, so the engine commands counted
 * are the request's, and over HTTP for the SQL statements of a GET + POST (counted on the web server's threads).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneEngineCommandPerRequestTest extends EvaluationFlowSupport {

  private static final int YEAR = 2064;
  private static final String MEMBER = "member7";

  /**
   * At most, per GET + POST of a member with one open task, as the bench's (before: 89; 81, then 82 since the list reads
   * one's own and one's groups' tasks in two indexed queries instead of one that read every open task).
   */
  private static final int MAX_STATEMENTS = 82;

  /**
   * What each further task in the list adds (its variables twice, its execution, links and the grant check): the
   * demo members have a task in every year other test classes launched before this one.
   */
  private static final int PER_FURTHER_TASK = 5;

  /** The two sign-ins' reads of the user, the groups and the must-change flag (before: 6). */
  private static final int MAX_SIGN_IN_STATEMENTS = 2;

  @Autowired TaskWork work;
  @Autowired TaskEngine taskEngine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired SystemAccess systemAccess;
  @Autowired ProcessEngineConfigurationImpl engine;

  @BeforeAll
  void campaign() {
    launchedCampaign(YEAR);
  }

  @Test
  void aMembersTaskListAndCompletionOpenOneEngineCommandEach() {
    String taskId = taskOf(MEMBER, "self-review", MEMBER, YEAR);
    CurrentUser member = signedIn(MEMBER);
    try {
      Counted<List<TaskView>> list = counted(engine, () -> work.visibleTasks(member));
      assertThat(list.value()).extracting(TaskView::id).contains(taskId);

      Counted<Void> completion =
          counted(
              engine,
              () -> {
                work.complete(taskId, selfCriticism("GOOD"), member);
                return null;
              });
      // before: the list three (the query, then each task's variables and links); the completion
      // six (three look-ups of the task as the engine: own case, seat, the guard's; the visibility
      // query, the variables the rules read, the completion), each a command of its own
      SoftAssertions.assertSoftly(
          softly -> {
            softly
                .assertThat(list.commands())
                .as("engine commands of the list: %s", list.byClass())
                .isOne();
            softly
                .assertThat(completion.commands())
                .as("engine commands of the completion: %s", completion.byClass())
                .isOne();
          });
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(
            jdbc.sql("select count(*) from public.act_ru_task where id_ = :id")
                .param("id", taskId)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(timelineKinds(YEAR, MEMBER)).contains("TASK_COMPLETED");
  }

  @Test
  void aTasksFormAndADraftOpenOneEngineCommandEach() {
    String member = "member10";
    String taskId = taskOf(member, "self-review", member, YEAR);
    CurrentUser signedIn = signedIn(member);
    try {
      Counted<TaskForm> form = counted(engine, () -> work.form(taskId, signedIn));
      assertThat(form.value().task().id()).isEqualTo(taskId);
      Counted<Void> draft =
          counted(
              engine,
              () -> {
                work.saveDraft(taskId, Map.of("strengths", "Bản nháp."), signedIn);
                return null;
              });
      // before: the form seven (the own-case look-up, the visibility query, the variables read
      // four times, the links), the draft six (two look-ups as the engine, the visibility query,
      // the links, the variables twice), each a command of its own
      SoftAssertions.assertSoftly(
          softly -> {
            softly
                .assertThat(form.commands())
                .as("engine commands of the form: %s", form.byClass())
                .isOne();
            softly
                .assertThat(draft.commands())
                .as("engine commands of the draft: %s", draft.byClass())
                .isOne();
          });
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(work.form(taskId, signedIn(member)).values())
        .containsEntry("strengths", "Bản nháp.");
    identityService.clearAuthentication();
  }

  /**
   * What the bench's API users cost (bench/README.md, "SQL statements per operation"): a member's {@code GET
   * /api/v1/tasks} and {@code POST /api/v1/tasks/{id}/complete}, each signed in with HTTP Basic, counted as the
   * bench's {@code pg_stat_statements} counts them (a transaction's {@code BEGIN} included), on the web server's
   * threads only. Before: 89 statements in 6 transactions, of which the two sign-ins 10 (the password, the groups
   * and the must-change flag with each request; the password and the groups in two engine commands, so two
   * transactions); after: 81 in 2, the sign-ins one statement each ({@code PersonSignIn}).
   */
  @Test
  void aMembersListAndCompletionOverHttpSendAtMostSoManyStatements() {
    String member = "member9";
    // the list once before, unrecorded, as the bench's warm-up: what a first request loads is not
    // the request's
    String taskId = taskOf(member, "self-review", member, YEAR);
    RestClient client = as(member);
    int[] listed = new int[1];
    Recorded<Integer> recorded =
        SqlStatements.ofRequests(
            () -> {
              ResponseEntity<String> list =
                  client.get().uri("/api/v1/tasks").retrieve().toEntity(String.class);
              assertThat(list.getStatusCode().value()).as(list.getBody()).isEqualTo(200);
              assertThat(list.getBody()).contains(taskId);
              listed[0] = json(list.getBody()).size();
              return complete(member, taskId, selfCriticism("GOOD")).getStatusCode().value();
            });
    assertThat(recorded.value()).isEqualTo(204);
    System.out.printf(
        "GET /api/v1/tasks + POST complete: %d statements (%d transactions)%n%s",
        recorded.count(), recorded.transactions(), recorded.byText());
    long signIn = SqlStatements.signIns(recorded);
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(recorded.count())
              .as("statements of GET + POST, %d tasks listed:%n%s", listed[0], recorded.byText())
              .isLessThanOrEqualTo(MAX_STATEMENTS + PER_FURTHER_TASK * (listed[0] - 1));
          softly
              .assertThat(recorded.transactions())
              .as("transactions of GET + POST (before: 6, the sign-ins four of them)")
              .isLessThanOrEqualTo(2);
          softly
              .assertThat(signIn)
              .as("statements of the two sign-ins (user, groups, must-change flag)")
              .isLessThanOrEqualTo(MAX_SIGN_IN_STATEMENTS);
        });
  }

  @Test
  void theGuardJudgesThePersonsCallsInsideTheRequestAndARefusalRollsItBack() {
    String taskId = taskOf("member8", "self-review", "member8", YEAR);
    signedIn("member8");
    try {
      // the person's own write of a variable their form does not own, made inside a request: the
      // guard refuses it as from any door (before: no request, no such call judged inside one)
      assertThatThrownBy(
              () ->
                  taskEngine.inOneCommand(
                      () -> {
                        taskService.setVariable(taskId, ProcessVariables.MEMBER_ID, "member9");
                        return null;
                      }))
          .isInstanceOf(VariableRefusedException.class);
      assertThat(variable(taskId, ProcessVariables.MEMBER_ID)).isEqualTo("member8");

      // the application's own write, then its refusal: nothing of the engine's is kept, and the
      // caller gets the refusal itself
      ApiException refusal = ApiException.forbidden();
      assertThatThrownBy(
              () ->
                  taskEngine.inOneCommand(
                      () -> {
                        systemAccess.call(
                            () -> {
                              taskService.setVariable(taskId, "oneRequestProbe", "written");
                              return null;
                            });
                        throw refusal;
                      }))
          .isSameAs(refusal);
      assertThat(variable(taskId, "oneRequestProbe")).isNull();
    } finally {
      identityService.clearAuthentication();
    }
    // the task is still the member's to complete, through the one request
    completeOk("member8", taskId, selfCriticism("GOOD"));
  }

  private Object variable(String taskId, String name) {
    return systemAccess.call(() -> taskService.getVariable(taskId, name));
  }

  /** The user as the web filter signs them in for the engine, and as the domain API sees them. */
  private CurrentUser signedIn(String userId) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(userId, groups);
    return new CurrentUser(userId, groups);
  }
}
