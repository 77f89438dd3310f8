package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.process.Groups;

/**
 * Tenth session's outsider, finding 1 (the Tasklist part) and 3: a Tasklist session kept the user and groups it read
 * at sign-in for up to five minutes (Camunda's cache of the session's authentication), so a deleted account's session
 * still answered, and a person taken off a committee still decided through it. The session now reads them again with
 * each request ({@code camunda.bpm.webapp.auth.cache.time-to-live: 0}); the deleted account shows it here, the groups
 * are read again by the same step.
 */
class WebappSessionRevalidationTest extends IntegrationTestSupport {

  private static final String USER = "wsr-leaver";
  private static final String PASSWORD = "Kiem-diem-2026!";

  @Autowired private IdentityService identityService;

  @Test
  void aTasklistSessionEndsWithItsAccountAtOnce() {
    User user = identityService.newUser(USER);
    user.setFirstName("Người");
    user.setLastName("Rời đi");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(USER, Groups.MEMBERS);
    try {
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.signIn(USER, PASSWORD, "tasklist")).isEqualTo(200);
      assertThat(appsOf(tasklist)).contains("tasklist");

      identityService.deleteUser(USER);
      HttpResponse<String> after =
          tasklist.send("GET", "/camunda/api/admin/auth/user/default", null, null);
      assertThat(after.statusCode()).as(after.body()).isNotEqualTo(200);
    } finally {
      if (identityService.createUserQuery().userId(USER).count() > 0) {
        identityService.deleteUser(USER);
      }
    }
  }

  /** The applications the session may open, as the webapp reports them (from the user's groups' grants). */
  private static String appsOf(WebappSession session) {
    HttpResponse<String> user =
        session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
    return user.body();
  }
}
