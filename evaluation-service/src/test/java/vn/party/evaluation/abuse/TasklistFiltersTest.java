package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * Tasklist's shared filters, as Tasklist asks for them ({@code GET …/filter?resourceType=Task&itemCount=true}, then a
 * filter's list), at both engine REST path forms and Tasklist's copy of the API (eleventh session's outsider, LOWs 7
 * and 8).
 */
class TasklistFiltersTest extends IntegrationTestSupport {

  private static final List<String> DOORS =
      List.of("/engine-rest", "/engine-rest/engine/default", "/camunda/api/engine/engine/default");
  private static final String PASSWORD = "Kiem-diem-2026!";
  private static final String COMMITTEE = "Việc của tập thể tôi / My committee's tasks";
  private static final String ALL = "Tất cả việc tôi được xem / All tasks I may see";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  @Autowired ApplicationContext context;

  /**
   * LOW 7: a secretary taken off every committee (an account in no group) got 400 from the filter list with counts,
   * so Tasklist showed an error instead of empty lists: {@code ${currentUserGroups()}} of the committee's filter was
   * the empty list, which the engine's candidate-group query refuses. Now every filter answers, the committee's with
   * nothing.
   */
  @Test
  void aPersonInNoGroupSeesEmptyFiltersNotAnError() {
    String person = "enginerest-nogroup";
    user(person);
    try {
      assertThat(identityService.createGroupQuery().groupMember(person).count()).isZero();
      for (String door : DOORS) {
        HttpResponse<String> filters =
            send(person, "GET", door + "/filter?resourceType=Task&itemCount=true", null);
        assertThat(filters.statusCode()).as(door + ": " + filters.body()).isEqualTo(200);
        JsonNode committee = byName(json(filters.body()), COMMITTEE);
        assertThat(committee.path("itemCount").asInt(-1)).as(door).isZero();
        String id = committee.get("id").asText();
        HttpResponse<String> count = send(person, "GET", door + "/filter/" + id + "/count", null);
        assertThat(count.statusCode()).as(door + ": " + count.body()).isEqualTo(200);
        assertThat(json(count.body()).get("count").asInt()).isZero();
        HttpResponse<String> list =
            send(
                person, "POST", door + "/filter/" + id + "/list?firstResult=0&maxResults=15", "{}");
        assertThat(list.statusCode()).as(door + ": " + list.body()).isEqualTo(200);
        assertThat(json(list.body()).size()).isZero();
      }
    } finally {
      identityService.deleteUser(person);
    }
  }

  /**
   * LOW 8: "Việc của tập thể tôi" counted only unclaimed tasks; a colleague's claimed task of the same committee showed
   * only under "Tất cả việc tôi được xem". Now it lists the committee's tasks whoever claimed them, as its name says
   * and the application's work list does; a database holding the filter's old query gets the new one at start-up.
   */
  @Test
  void theCommitteeFilterListsAColleaguesClaimedTask() throws Exception {
    String group = "enginerest-committee";
    String claimer = "enginerest-claimer";
    String colleague = "enginerest-colleague";
    Group committee = identityService.newGroup(group);
    committee.setName("Chi ủy thử / Test committee");
    identityService.saveGroup(committee);
    user(claimer);
    user(colleague);
    identityService.createMembership(claimer, group);
    identityService.createMembership(colleague, group);
    Task claimed = task("Việc đã nhận / Claimed task", group);
    Task open = task("Việc chưa ai nhận / Unclaimed task", group);
    taskService.claim(claimed.getId(), claimer);
    Filter filter = filterService.createFilterQuery().filterName(COMMITTEE).singleResult();
    TaskQuery query = filter.getQuery();
    try {
      assertCommitteeFilterShows(colleague, claimed.getId(), open.getId());

      // an existing database: the filter as the code before stored it, brought up to date at
      // start-up
      filterService.saveFilter(
          filter.setQuery(
              taskService
                  .createTaskQuery()
                  .taskCandidateGroupInExpression("${currentUserGroups()}")
                  .taskUnassigned()));
      assertThat(ids(colleague, "/engine-rest", filter.getId())).doesNotContain(claimed.getId());
      startUp();
      assertCommitteeFilterShows(colleague, claimed.getId(), open.getId());
    } finally {
      filterService.saveFilter(filterService.getFilter(filter.getId()).setQuery(query));
      taskService.deleteTask(claimed.getId(), true);
      taskService.deleteTask(open.getId(), true);
      identityService.deleteUser(claimer);
      identityService.deleteUser(colleague);
      identityService.deleteGroup(group);
    }
  }

  /** What the application does to the shared filters at start-up. */
  private void startUp() throws Exception {
    context.getBean("tasklistFilters", ApplicationRunner.class).run(null);
  }

  private void assertCommitteeFilterShows(String person, String claimed, String open) {
    for (String door : DOORS) {
      HttpResponse<String> filters =
          send(person, "GET", door + "/filter?resourceType=Task&itemCount=true", null);
      assertThat(filters.statusCode()).as(door + ": " + filters.body()).isEqualTo(200);
      JsonNode all = byName(json(filters.body()), ALL);
      assertThat(ids(person, door, all.get("id").asText()))
          .as("the colleague sees both tasks at all (%s)", door)
          .contains(claimed, open);
      JsonNode committee = byName(json(filters.body()), COMMITTEE);
      assertThat(ids(person, door, committee.get("id").asText()))
          .as("the committee's filter, claimed or not (%s)", door)
          .contains(claimed, open);
      assertThat(committee.path("itemCount").asInt()).as(door).isGreaterThanOrEqualTo(2);
    }
  }

  private List<String> ids(String person, String door, String filterId) {
    HttpResponse<String> list =
        send(
            person,
            "POST",
            door + "/filter/" + filterId + "/list?firstResult=0&maxResults=500",
            "{}");
    assertThat(list.statusCode()).as(door + ": " + list.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(list.body()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  /** A task of the group (the engine's own hand: people make no standalone task), which the group may read. */
  private Task task(String name, String group) {
    Task task = taskService.newTask();
    task.setName(name);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), group);
    if (authorizationService
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(Resources.TASK)
            .resourceId(task.getId())
            .count()
        == 0) {
      Authorization read =
          authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.TASK);
      read.setResourceId(task.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
    return task;
  }

  private void user(String id) {
    User user = identityService.newUser(id);
    user.setFirstName("Người");
    user.setLastName("Thử");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
  }

  private static JsonNode byName(JsonNode filters, String name) {
    return StreamSupport.stream(filters.spliterator(), false)
        .filter(f -> f.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no filter " + name + " in " + filters));
  }

  /** Engine REST with the person's password; Tasklist's copy of the API through a signed-in session. */
  private HttpResponse<String> send(String person, String method, String path, String body) {
    if (path.startsWith("/camunda/")) {
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.signIn(person, PASSWORD, "tasklist")).isEqualTo(200);
      return tasklist.send(method, path, body == null ? null : "application/json", body);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (person + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      return CLIENT.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
