package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.ProcessKeys;

/**
 * The outsider's re-attack of 2026-12-07 (sixth session), run from the engine's list of commands: the commands no
 * guard named — deleting a process definition by id, deleting one's own or a known person's account, the built-in
 * groups, evaluating a decision, job priorities and the batches' history — sent as the outsider sent them, in both
 * engine REST path forms and through the webapps where the outsider used them. Each is refused and nothing changes.
 */
class EngineCommandListTest extends EvaluationFlowSupport {

  private static final List<String> DOORS = List.of("/engine-rest", "/engine-rest/engine/default");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  /**
   * Finding 1: {@code DELETE /process-definition/{id}?cascade=true} (also {@code /key/{key}}, which the engine REST API
   * resolves to ids, and Cockpit's copy) deleted four of the five definitions and with them every running evaluation
   * and its history.
   */
  @Test
  void nobodyDeletesAProcessDefinitionAtAnyDoor() {
    Http http = new Http(port);
    Map<String, String> before = definitions();
    assertThat(before.keySet()).containsAll(ProcessKeys.APPLICATION_PROCESSES);
    long instances = runtimeService.createProcessInstanceQuery().count();
    for (String door : DOORS) {
      for (Map.Entry<String, String> definition : before.entrySet()) {
        for (String path :
            List.of(
                "/process-definition/" + definition.getValue() + "?cascade=true",
                "/process-definition/" + definition.getValue(),
                "/process-definition/key/" + definition.getKey() + "?cascade=true",
                "/process-definition/key/" + definition.getKey())) {
          HttpResponse<String> answer =
              http.send("DELETE", door + path, "admin", null, (String) null);
          assertThat(answer.statusCode()).as(door + path + ": " + answer.body()).isEqualTo(403);
        }
      }
    }
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.signIn("admin", "cockpit")).isEqualTo(200);
    for (String id : before.values()) {
      HttpResponse<String> answer =
          cockpit.send(
              "DELETE",
              "/camunda/api/engine/engine/default/process-definition/"
                  + id
                  + "?cascade=true&skipCustomListeners=true",
              null,
              null);
      assertThat(answer.statusCode()).as("Cockpit: " + answer.body()).isEqualTo(403);
    }
    assertThat(definitions()).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  /**
   * Findings 2 and 5: a member and a branch secretary deleted their own accounts (owners hold ALL on their user), and
   * the administrator deleted {@code member5} to re-create the id with their own e-mail address. The accounts the
   * application knows stay, at every door (Camunda Admin included); an account nobody depends on is still the
   * administrator's to delete.
   */
  @Test
  void nobodyDeletesTheirOwnAccountNorOneTheApplicationKnows() {
    Http http = new Http(port);
    Map<String, List<String>> before = groupsOf("member15", "secretary3", "member5", "committee");
    for (String door : DOORS) {
      for (String[] deletion :
          new String[][] {
            {"member15", "member15"},
            {"secretary3", "secretary3"},
            {"admin", "member5"},
            {"admin", "secretary3"},
            {"admin", "committee"}
          }) {
        HttpResponse<String> answer =
            http.send("DELETE", door + "/user/" + deletion[1], deletion[0], null, (String) null);
        assertThat(answer.statusCode())
            .as(deletion[0] + " deletes " + deletion[1] + " at " + door + ": " + answer.body())
            .isEqualTo(403);
      }
    }
    WebappSession admin = new WebappSession(port);
    assertThat(admin.signIn("admin", "admin")).isEqualTo(200);
    HttpResponse<String> camundaAdmin =
        admin.send("DELETE", "/camunda/api/engine/engine/default/user/member5", null, null);
    assertThat(camundaAdmin.statusCode()).as(camundaAdmin.body()).isEqualTo(403);
    assertThat(groupsOf("member15", "secretary3", "member5", "committee")).isEqualTo(before);
    User member5 = identityService.createUserQuery().userId("member5").singleResult();
    assertThat(member5.getEmail()).doesNotContain("admin");

    // an account made by mistake, which nothing names, is still the administrator's to delete
    for (String door : DOORS) {
      User mistake = identityService.newUser("mistake12");
      mistake.setFirstName("Nhầm");
      mistake.setLastName("Tạo");
      mistake.setPassword("a-long-passphrase-12");
      identityService.saveUser(mistake);
      HttpResponse<String> answer =
          http.send("DELETE", door + "/user/mistake12", "admin", null, (String) null);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
      assertThat(identityService.createUserQuery().userId("mistake12").count()).isZero();
    }
  }

  /**
   * The outsider's recheck (medium A): without deleting anyone, the administrator pointed member5's sign-in at their
   * own address ({@code PUT /user/member5/profile}), reset the password — the notice went to that address — and worked
   * as member5. A party member's address is the roster's, at every door; saving the roster's own address still works.
   */
  @Test
  void aPartyMembersEmailIsTheRosters() {
    Http http = new Http(port);
    User before = identityService.createUserQuery().userId("member5").singleResult();
    for (String door : DOORS) {
      HttpResponse<String> answer =
          http.send(
              "PUT",
              door + "/user/member5/profile",
              "admin",
              "application/json",
              profile(before, "admin@localhost"));
      assertThat(answer.statusCode()).as(door + ": " + answer.body()).isEqualTo(403);
      assertThat(answer.body()).contains("roster");
    }
    assertThat(identityService.createUserQuery().userId("member5").singleResult().getEmail())
        .isEqualTo(before.getEmail());
    HttpResponse<String> same =
        http.send(
            "PUT",
            "/engine-rest/user/member5/profile",
            "admin",
            "application/json",
            profile(before, before.getEmail()));
    assertThat(same.statusCode()).as(same.body()).isEqualTo(204);
  }

  private static String profile(User user, String email) {
    return "{\"id\":\""
        + user.getId()
        + "\",\"firstName\":\""
        + user.getFirstName()
        + "\",\"lastName\":\""
        + user.getLastName()
        + "\",\"email\":\""
        + email
        + "\"}";
  }

  /**
   * Finding 4: the administrator made member3 a hidden inspector ({@code auditors}), deleted {@code auditors}, and
   * removed the last member of {@code camunda-admin}, after which anyone on the network made themselves administrator
   * on the webapps' setup page.
   */
  @Test
  void theBuiltInGroupsStayAndTheLastAdministratorWithThem() {
    Http http = new Http(port);
    Map<String, List<String>> before = groupsOf("member3", "admin", "auditor", "member1");
    for (String door : DOORS) {
      for (String[] request :
          new String[][] {
            {"PUT", "/group/" + Groups.AUDITORS + "/members/member3"},
            {"PUT", "/group/" + Groups.AUDITORS + "/members/committee"},
            // seventh session's outsider: a party member or a seat holder made administrator
            {"PUT", "/group/" + Groups.ADMINS + "/members/member3"},
            {"PUT", "/group/" + Groups.ADMINS + "/members/secretary1"},
            {"DELETE", "/group/" + Groups.AUDITORS},
            {"DELETE", "/group/" + Groups.MEMBERS},
            {"DELETE", "/group/" + Groups.ADMINS},
            {"DELETE", "/group/" + Groups.MEMBERS + "/members/member1"},
            {"PUT", "/group/" + Groups.MEMBERS + "/members/auditor"},
            {"DELETE", "/group/" + Groups.ADMINS + "/members/admin"},
            {"DELETE", "/user/admin"}
          }) {
        HttpResponse<String> answer =
            http.send(request[0], door + request[1], "admin", null, (String) null);
        assertThat(answer.statusCode())
            .as(request[0] + " " + door + request[1] + ": " + answer.body())
            .isEqualTo(403);
      }
      HttpResponse<String> rename =
          http.send(
              "PUT",
              door + "/group/" + Groups.AUDITORS,
              "admin",
              "application/json",
              "{\"id\":\"auditors\",\"name\":\"Ai cũng đọc\",\"type\":\"WORKFLOW\"}");
      assertThat(rename.statusCode()).as(rename.body()).isEqualTo(403);
    }
    assertThat(groupsOf("member3", "admin", "auditor", "member1")).isEqualTo(before);
    assertThat(identityService.createGroupQuery().groupId(Groups.AUDITORS).singleResult().getName())
        .isNotEqualTo("Ai cũng đọc");
    WebappSession anonymous = new WebappSession(port);
    anonymous.send("GET", "/camunda/app/admin/default/", null, null);
    HttpResponse<String> setup =
        anonymous.send(
            "POST",
            "/camunda/api/admin/setup/default/user/create",
            "application/json",
            "{\"profile\":{\"id\":\"evil\",\"firstName\":\"E\",\"lastName\":\"V\"},"
                + "\"credentials\":{\"password\":\"a-long-passphrase-12\"}}");
    assertThat(setup.statusCode()).as(setup.body()).isGreaterThanOrEqualTo(400);
    assertThat(identityService.createUserQuery().userId("evil").count()).isZero();

    // a national inspection account is still added and taken out by the administrators
    User inspector = identityService.newUser("inspector12");
    inspector.setFirstName("Kiểm");
    inspector.setLastName("Tra");
    inspector.setPassword("a-long-passphrase-12");
    identityService.saveUser(inspector);
    try {
      for (String door : DOORS) {
        String path = door + "/group/" + Groups.AUDITORS + "/members/inspector12";
        assertThat(http.send("PUT", path, "admin", null, (String) null).statusCode())
            .isEqualTo(204);
        assertThat(http.send("DELETE", path, "admin", null, (String) null).statusCode())
            .isEqualTo(204);
      }
    } finally {
      identityService.deleteUser("inspector12");
    }
  }

  /**
   * Finding 6: {@code POST /decision-definition/key/{key}/evaluate} wrote a made-up case into the decision history the
   * auditors read. Finding 7: job priorities of the evaluations' jobs, and the batches' history, were the
   * administrator's to change.
   */
  @Test
  void nobodyEvaluatesADecisionNorReordersJobsNorDeletesBatchHistory() {
    Http http = new Http(port);
    DecisionDefinition decision =
        repositoryService.createDecisionDefinitionQuery().latestVersion().list().get(0);
    long decisions = historyService.createHistoricDecisionInstanceQuery().count();
    JobDefinition jobDefinition =
        managementService.createJobDefinitionQuery().list().stream()
            .filter(d -> ProcessKeys.APPLICATION_PROCESSES.contains(d.getProcessDefinitionKey()))
            .findFirst()
            .orElseThrow();
    for (String door : DOORS) {
      for (String path :
          List.of(
              "/decision-definition/key/" + decision.getKey() + "/evaluate",
              "/decision-definition/" + decision.getId() + "/evaluate")) {
        HttpResponse<String> answer =
            http.send("POST", door + path, "admin", "application/json", "{\"variables\":{}}");
        assertThat(answer.statusCode()).as(door + path + ": " + answer.body()).isEqualTo(403);
      }
      HttpResponse<String> priority =
          http.send(
              "PUT",
              door + "/job-definition/" + jobDefinition.getId() + "/jobPriority",
              "admin",
              "application/json",
              "{\"priority\":99,\"includeJobs\":true}");
      assertThat(priority.statusCode()).as(priority.body()).isEqualTo(403);
      HttpResponse<String> batch =
          http.send("DELETE", door + "/history/batch/" + UNKNOWN, "admin", null, (String) null);
      assertThat(batch.statusCode()).as(batch.body()).isEqualTo(403);
      HttpResponse<String> removal =
          http.send(
              "POST",
              door + "/history/batch/set-removal-time",
              "admin",
              "application/json",
              "{\"clearedRemovalTime\":true,\"historicBatchIds\":[\"" + UNKNOWN + "\"]}");
      assertThat(removal.statusCode()).as(removal.body()).isEqualTo(403);
    }
    assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisions);
    assertThat(
            managementService
                .createJobDefinitionQuery()
                .jobDefinitionId(jobDefinition.getId())
                .singleResult()
                .getOverridingJobPriority())
        .isNull();
  }

  /**
   * Outsider's recheck of the sixth session, B: the administrator granted member5 READ and READ_HISTORY on every
   * process instance and definition ({@code POST /authorization/create}, resource types 8 and 6): a reader of every
   * evaluation outside {@code auditors}. No person grants, changes or removes an authorization on the evaluations, at
   * any door; authorizations on accounts and the webapps stay the administrators'.
   */
  @Test
  void nobodyGrantsAHiddenReaderOfTheEvaluations() throws Exception {
    Http http = new Http(port);
    Authorization auditorsInstances =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(Groups.AUDITORS)
            .resourceType(Resources.PROCESS_INSTANCE)
            .singleResult();
    List<Permission> auditorsPermissions =
        List.of(auditorsInstances.getPermissions(Permissions.values()));
    long member5s = authorizationService.createAuthorizationQuery().userIdIn("member5").count();
    long all = authorizationService.createAuthorizationQuery().count();
    WebappSession admin = new WebappSession(port);
    assertThat(admin.signIn("admin", "admin")).isEqualTo(200);
    for (String door : List.of(DOORS.get(0), DOORS.get(1), WEBAPP)) {
      for (String body :
          List.of(
              grant(1, "READ", 8, "*"),
              grant(1, "READ\",\"READ_HISTORY\",\"READ_INSTANCE", 6, "*"),
              grant(1, "READ", 7, "*"),
              grant(1, "READ", 19, "*"),
              grant(1, "READ", 20, "*"),
              grant(1, "READ", 10, "*"),
              grant(1, "READ", 17, "*"),
              grant(2, "ALL", 7, "*"))) {
        HttpResponse<String> answer =
            send(http, admin, door, "POST", "/authorization/create", body);
        assertThat(answer.statusCode()).as(door + " " + body + ": " + answer.body()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain("Exception");
      }
      String auditors = "/authorization/" + auditorsInstances.getId();
      HttpResponse<String> widened =
          send(http, admin, door, "PUT", auditors, grant(1, "ALL", 8, "*"));
      assertThat(widened.statusCode()).as(widened.body()).isEqualTo(403);
      HttpResponse<String> removed = send(http, admin, door, "DELETE", auditors, null);
      assertThat(removed.statusCode()).as(removed.body()).isEqualTo(403);

      // the webapps stay the administrators' to open to whom they choose, and not a way round
      HttpResponse<String> cockpit =
          send(
              http, admin, door, "POST", "/authorization/create", grant(1, "ACCESS", 0, "cockpit"));
      assertThat(cockpit.statusCode()).as(cockpit.body()).isEqualTo(200);
      String id = JSON.readTree(cockpit.body()).get("id").asText();
      HttpResponse<String> turned =
          send(http, admin, door, "PUT", "/authorization/" + id, grant(1, "READ", 8, "*"));
      assertThat(turned.statusCode()).as(turned.body()).isEqualTo(403);
      HttpResponse<String> gone = send(http, admin, door, "DELETE", "/authorization/" + id, null);
      assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
    }
    assertThat(authorizationService.createAuthorizationQuery().userIdIn("member5").count())
        .isEqualTo(member5s);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(all);
    Authorization after =
        authorizationService
            .createAuthorizationQuery()
            .authorizationId(auditorsInstances.getId())
            .singleResult();
    assertThat(after.getPermissions(Permissions.values()))
        .containsExactlyInAnyOrderElementsOf(auditorsPermissions);
    assertThat(after.getResourceType()).isEqualTo(Resources.PROCESS_INSTANCE.resourceType());
  }

  /**
   * Outsider's recheck of the sixth session, C: the last member of {@code auditors} could be taken out, and with them
   * every read of the evaluations' history. The last one stays (their membership and their account); one of two may
   * leave.
   */
  @Test
  void theLastAuditorStays() {
    Http http = new Http(port);
    List<String> others =
        identityService.createUserQuery().memberOfGroup(Groups.AUDITORS).list().stream()
            .map(User::getId)
            .filter(id -> !id.equals("auditor"))
            .toList();
    others.forEach(id -> identityService.deleteMembership(id, Groups.AUDITORS));
    User inspector = identityService.newUser("inspector13");
    inspector.setFirstName("Kiểm");
    inspector.setLastName("Tra");
    inspector.setPassword("a-long-passphrase-13");
    identityService.saveUser(inspector);
    try {
      for (String door : DOORS) {
        String last = door + "/group/" + Groups.AUDITORS + "/members/auditor";
        HttpResponse<String> out = http.send("DELETE", last, "admin", null, (String) null);
        assertThat(out.statusCode()).as(out.body()).isEqualTo(403);
        assertThat(out.body()).contains(Groups.AUDITORS);
        HttpResponse<String> deleted =
            http.send("DELETE", door + "/user/auditor", "admin", null, (String) null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(403);
        // with a second inspector, either may leave
        String second = door + "/group/" + Groups.AUDITORS + "/members/inspector13";
        assertThat(http.send("PUT", second, "admin", null, (String) null).statusCode())
            .isEqualTo(204);
        assertThat(http.send("DELETE", second, "admin", null, (String) null).statusCode())
            .isEqualTo(204);
      }
      assertThat(identityService.createUserQuery().memberOfGroup(Groups.AUDITORS).list())
          .extracting(User::getId)
          .containsExactly("auditor");
    } finally {
      identityService.deleteUser("inspector13");
      others.forEach(id -> identityService.createMembership(id, Groups.AUDITORS));
    }
  }

  /**
   * Seventh session's outsider, HIGH: a stored filter's expression ran the application's beans inside the engine, past
   * every guard, as whoever opened the filter ({@code ${identityService.createMembership("member3","auditors")}}: a
   * hidden reader). A filter a person saves holds only Tasklist's own expressions; anything else is a 400 naming the
   * query field, at every door, in an or-query too; nothing is saved or run.
   */
  @Test
  void noStoredFilterRunsAnExpression() throws Exception {
    Http http = new Http(port);
    WebappSession admin = new WebappSession(port);
    assertThat(admin.signIn("admin", "admin")).isEqualTo(200);
    long filters = filterService.createFilterQuery().count();
    String join = "${identityService.createMembership(\\\"member3\\\",\\\"auditors\\\")}";
    for (String door : List.of(DOORS.get(0), DOORS.get(1), WEBAPP)) {
      for (String query :
          List.of(
              "{\"assigneeExpression\":\"" + join + "x\"}",
              "{\"candidateGroupsExpression\":\"${runtimeService}\"}",
              "{\"orQueries\":[{\"assigneeExpression\":\"" + join + "\"}]}",
              "{\"dueBeforeExpression\":\"${dateTime().plusDays(1).toDate()}${currentUser()}\"}")) {
        String body =
            "{\"resourceType\":\"Task\",\"name\":\"x\",\"owner\":\"admin\",\"query\":"
                + query
                + "}";
        HttpResponse<String> created = send(http, admin, door, "POST", "/filter/create", body);
        assertThat(created.statusCode())
            .as(door + " " + body + ": " + created.body())
            .isEqualTo(400);
        assertThat(created.body()).contains("expression-not-allowed").doesNotContain("Exception");
        // a person's sentence, not the raw key (eighth session's outsider, LOW 4)
        JsonNode problem = JSON.readTree(created.body());
        assertThat(problem.path("detail").asText())
            .as(created.body())
            .isEqualTo("Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được nêu.");
        assertThat(problem.at("/errors/0/reason").asText()).isEqualTo("expression-not-allowed");
        assertThat(problem.at("/errors/0/message").asText())
            .as(created.body())
            .contains("của bộ lọc chỉ nhận các biểu thức");
        assertThat(problem.path("message").asText()).contains("của bộ lọc chỉ nhận các biểu thức");
      }
      // Tasklist's own expressions still save
      HttpResponse<String> mine =
          send(
              http,
              admin,
              door,
              "POST",
              "/filter/create",
              "{\"resourceType\":\"Task\",\"name\":\"Việc của tôi\",\"owner\":\"admin\",\"query\":"
                  + "{\"assigneeExpression\":\"${currentUser()}\","
                  + "\"dueBeforeExpression\":\"${dateTime().plusDays(3).toDate()}\"}}");
      assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
      String id = JSON.readTree(mine.body()).get("id").asText();
      HttpResponse<String> changed =
          send(
              http,
              admin,
              door,
              "PUT",
              "/filter/" + id,
              "{\"name\":\"x\",\"owner\":\"admin\",\"query\":{\"assigneeExpression\":\""
                  + join
                  + "\"}}");
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
      assertThat(send(http, admin, door, "DELETE", "/filter/" + id, null).statusCode())
          .isEqualTo(204);
    }
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(groupsOf("member3").get("member3")).doesNotContain(Groups.AUDITORS);
  }

  private static final String WEBAPP = "/camunda/api/engine/engine/default";

  /** An authorization's JSON as the engine REST API takes it, for member5. */
  private static String grant(int type, String permissions, int resourceType, String resourceId) {
    return "{\"type\":"
        + type
        + ",\"permissions\":[\""
        + permissions
        + "\"],\"userId\":\"member5\",\"resourceType\":"
        + resourceType
        + ",\"resourceId\":\""
        + resourceId
        + "\"}";
  }

  /** The request as the administrator, at an engine REST door or through the webapps' session. */
  private static HttpResponse<String> send(
      Http http, WebappSession webapp, String door, String method, String path, String body) {
    String type = body == null ? null : "application/json";
    return door.equals(WEBAPP)
        ? webapp.send(method, door + path, type, body)
        : http.send(method, door + path, "admin", type, body);
  }

  private Map<String, String> definitions() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getId));
  }

  private Map<String, List<String>> groupsOf(String... users) {
    return Arrays.stream(users)
        .collect(
            Collectors.toMap(
                u -> u,
                u ->
                    identityService.createGroupQuery().groupMember(u).list().stream()
                        .map(g -> g.getId())
                        .sorted()
                        .toList()));
  }
}
