package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * The people's pages over plain HTTP: sign-in with a session and CSRF token, each role only its own scope, and an
 * auditor who cannot change anything even by sending the request a button would send.
 */
class PeoplesPagesAccessTest extends EvaluationFlowSupport {

  private static final int YEAR = 2072;
  private static boolean launched;

  private final HttpClient anonymous =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void reset() {
    launched = false;
  }

  private void launchOnce() {
    if (!launched) {
      launchedCampaign(YEAR);
      launched = true;
    }
  }

  @Test
  void anonymousRequestsAreSentToTheLoginPage() throws Exception {
    for (String path : new String[] {"/app", "/app/tasks", "/app/audit", "/app/evaluations"}) {
      HttpResponse<String> response =
          anonymous.send(get(path), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
    }
    HttpResponse<String> login =
        anonymous.send(get("/login"), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("Đăng nhập").contains("name=\"_csrf\"");
  }

  @Test
  void aWrongPasswordIsRefusedWithoutASession() throws Exception {
    PageSession session = new PageSession(port);
    HttpResponse<String> response = session.login("no-such-user", "wrong");
    assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    assertThat(session.get("/app/tasks").statusCode()).isEqualTo(302);
  }

  @Test
  void eachRoleSeesOnlyItsOwnScope() throws Exception {
    launchOnce();
    PageSession member2 = PageSession.of(port, "member2");
    assertThat(member2.get("/app/evaluations/" + YEAR + "/member1").statusCode()).isEqualTo(403);
    assertThat(member2.get("/app/evaluations/" + YEAR + "/member2").statusCode()).isEqualTo(200);
    assertThat(member2.get("/app/audit").statusCode()).isEqualTo(403);
    String member1Task = taskOf("member1", "self-review", "member1", YEAR);
    assertThat(member2.get("/app/tasks/" + member1Task).statusCode()).isEqualTo(403);
    assertThat(member2.get("/app/tasks").body()).doesNotContain(member1Task);

    PageSession otherBranch = PageSession.of(port, "secretary2");
    assertThat(otherBranch.get("/app/evaluations/" + YEAR + "/member1").statusCode())
        .isEqualTo(403);
    PageSession ownBranch = PageSession.of(port, "secretary1");
    assertThat(ownBranch.get("/app/evaluations/" + YEAR + "/member1").statusCode()).isEqualTo(200);
    assertThat(ownBranch.get("/app/audit").statusCode()).isEqualTo(403);
    assertThat(PageSession.of(port, "auditor").get("/app/audit?year=" + YEAR).body())
        .contains("data-member=\"member1\"");
  }

  @Test
  void anAuditorGetsNoButtonAndCannotSaveOrSubmit() throws Exception {
    launchOnce();
    String task = taskOf("member1", "self-review", "member1", YEAR);
    PageSession auditor = PageSession.of(port, "auditor");
    // the list says the open tasks are there to read, not to do: "Xem", never "Mở"
    String list = auditor.get("/app/tasks").body();
    assertThat(list)
        .contains("Các việc đang mở")
        .contains("id=\"read-only\"")
        .contains(">Xem</a>")
        .doesNotContain("Công việc của tôi")
        .doesNotContain(">Mở</a>");
    assertThat(PageSession.of(port, "member1").get("/app/tasks").body())
        .contains("Công việc của tôi")
        .contains(">Mở</a>");
    HttpResponse<String> page = auditor.get("/app/tasks/" + task);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"read-only\"")
        .doesNotContain("id=\"submit\"")
        .doesNotContain("id=\"save-draft\"")
        .doesNotContain("id=\"claim\"");
    for (String action : new String[] {"draft", "submit"}) {
      HttpResponse<String> refused =
          auditor.post(
              "/app/tasks/" + task,
              "action=" + action + "&selfProposedLevel=GOOD&_csrf=" + auditor.csrf(page.body()));
      assertThat(refused.statusCode()).as(action).isEqualTo(403);
    }
    assertThat(evaluation("member1", YEAR, "member1").get("status").asText())
        .isEqualTo("SELF_REVIEW");
    assertThat(
            jdbc.sql("select count(*) from evaluation.task_draft where task_id = :t")
                .param("t", task)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
    launchOnce();
    String task = taskOf("member1", "self-review", "member1", YEAR);
    PageSession member1 = PageSession.of(port, "member1");
    HttpResponse<String> refused =
        member1.post("/app/tasks/" + task, "action=draft&selfProposedLevel=GOOD");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql("select count(*) from evaluation.task_draft where task_id = :t")
                .param("t", task)
                .query(Integer.class)
                .single())
        .isZero();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
  }
}
