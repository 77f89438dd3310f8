package vn.party.evaluation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.abuse.WebappSession;
import vn.party.evaluation.pages.PageSession;
import vn.party.evaluation.process.Groups;

/**
 * Outsider's finding (HIGH): a browser session's rights were read once at sign-in and kept — a secretary removed
 * from the branch committee still decided with an old page session, an old Tasklist session still submitted after an
 * administrator's reset, old sessions survived a password change. Each request of a session now reads the account
 * afresh ({@link SessionRights}, {@code account.WebappSessionFilter}). No campaign: the seat is a group membership.
 */
class SessionRightsTest extends IntegrationTestSupport {

  private static final String BRANCH = "thanh-khe-tay-cb3";
  private static final String STRONG = "Sông-Hàn-chiều-đông-42";

  @Autowired IdentityService identityService;

  private void account(String id) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("Thử");
      user.setLastName("Phiên");
      user.setPassword(STRONG);
      identityService.saveUser(user);
    }
  }

  private void resetByAdministrator(String id) {
    int status =
        as("admin")
            .post()
            .uri("/api/v1/accounts/{id}/password-reset", id)
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"mustChange\":true}")
            .retrieve()
            .toBodilessEntity()
            .getStatusCode()
            .value();
    assertThat(status).isEqualTo(200);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private WebappSession tasklist(String user, String password) {
    WebappSession tasklist = new WebappSession(port);
    tasklist.send("GET", "/camunda/app/tasklist/default/", null, null);
    var login =
        tasklist.send(
            "POST",
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "application/x-www-form-urlencoded",
            "username=" + user + "&password=" + enc(password));
    assertThat(login.statusCode()).as("tasklist sign-in of " + user).isEqualTo(200);
    tasklist.send("GET", "/camunda/api/engine/engine/", null, null);
    return tasklist;
  }

  @Test
  void aPageSessionLosesTheBranchCommitteesRightWhenTheSeatIsRemoved() throws Exception {
    String user = "session-seat-probe";
    account(user);
    jdbc.sql("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (:u, :g)")
        .param("u", user)
        .param("g", Groups.branchCommittee(BRANCH))
        .update();
    PageSession page = PageSession.of(port, user, STRONG);
    assertThat(page.get("/app/members?branch=" + BRANCH).statusCode()).isEqualTo(200);

    jdbc.sql("delete from ACT_ID_MEMBERSHIP where USER_ID_ = :u and GROUP_ID_ = :g")
        .param("u", user)
        .param("g", Groups.branchCommittee(BRANCH))
        .update();
    assertThat(page.get("/app/members?branch=" + BRANCH).statusCode())
        .as("the same session, its next request, without the seat")
        .isEqualTo(403);
  }

  @Test
  void aPageSessionEndsWhenAnAdministratorResetsThePassword() throws Exception {
    String user = "session-reset-probe";
    account(user);
    PageSession page = PageSession.of(port, user, STRONG);
    assertThat(page.get("/app/tasks").statusCode()).isEqualTo(200);

    resetByAdministrator(user);
    HttpResponse<String> after = page.get("/app/tasks");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
  }

  @Test
  void thePersonsOwnChangeKeepsTheirSessionAndEndsTheOthers() throws Exception {
    String user = "session-own-probe";
    account(user);
    PageSession mine = PageSession.of(port, user, STRONG);
    PageSession other = PageSession.of(port, user, STRONG);
    WebappSession tasklist = tasklist(user, STRONG);
    assertThat(other.get("/app/tasks").statusCode()).isEqualTo(200);
    assertThat(
            tasklist
                .send("GET", "/camunda/api/engine/engine/default/task", null, null)
                .statusCode())
        .isEqualTo(200);

    String next = "Hoa-phượng-đỏ-" + System.nanoTime();
    HttpResponse<String> form = mine.get("/app/password");
    HttpResponse<String> changed =
        mine.post(
            "/app/password",
            "currentPassword="
                + enc(STRONG)
                + "&newPassword="
                + enc(next)
                + "&confirmPassword="
                + enc(next)
                + "&_csrf="
                + enc(mine.csrf(form.body())));
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(changed.headers().firstValue("Location").orElse("")).endsWith("/app/password");
    assertThat(mine.get("/app/tasks").statusCode())
        .as("the session that changed it")
        .isEqualTo(200);

    HttpResponse<String> elsewhere = other.get("/app/tasks");
    assertThat(elsewhere.statusCode()).as("another session of the old password").isEqualTo(302);
    assertThat(elsewhere.headers().firstValue("Location").orElse("")).contains("/login");
    assertThat(
            tasklist
                .send("GET", "/camunda/api/engine/engine/default/task", null, null)
                .statusCode())
        .as("a Tasklist session of the old password")
        .isEqualTo(401);
  }

  @Test
  void aTasklistSessionMustChangeThePasswordAfterAnAdministratorsReset() {
    String user = "session-tasklist-probe";
    account(user);
    WebappSession tasklist = tasklist(user, STRONG);
    assertThat(
            tasklist
                .send("GET", "/camunda/api/engine/engine/default/task", null, null)
                .statusCode())
        .isEqualTo(200);

    resetByAdministrator(user);
    HttpResponse<String> after =
        tasklist.send("GET", "/camunda/api/engine/engine/default/task", null, null);
    assertThat(after.statusCode()).isEqualTo(403);
    assertThat(after.body())
        .contains("\"reason\":\"password-change-required\"")
        .contains("/api/v1/me/password");
  }
}
