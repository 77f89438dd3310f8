package vn.party.evaluation.security.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.SqlStatements;
import vn.party.evaluation.SqlStatements.Recorded;

/**
 * Issue 15: an API client's sign-in reads the account, its groups and the must-change flag with one statement
 * ({@link PersonSignIn}; before: two engine commands and three queries), and refuses what the engine's own password
 * check refuses. Nothing is remembered across requests: a password changed, a group joined or left, a flag set or an
 * account disabled counts from the next request on. Its own accounts ({@code sign-in-*}), no campaign.
 */
class PersonSignInTest extends IntegrationTestSupport {

  private static final String PASSWORD = "Kiem-diem-2026!a";
  private static final String OTHER_PASSWORD = "Kiem-diem-2026!b";

  @Autowired IdentityService identityService;

  private void account(String id, String password) {
    User user = identityService.newUser(id);
    user.setFirstName("Thử");
    user.setLastName("Đăng nhập");
    user.setPassword(password);
    identityService.saveUser(user);
  }

  private ResponseEntity<String> me(String id, String password) {
    return as(id, password).get().uri("/api/v1/me").retrieve().toEntity(String.class);
  }

  private List<String> groupsOf(ResponseEntity<String> me) {
    assertThat(me.getStatusCode().value()).as(me.getBody()).isEqualTo(200);
    List<String> groups = new ArrayList<>();
    JsonNode node = json(me.getBody()).get("groups");
    node.forEach(g -> groups.add(g.isTextual() ? g.asText() : g.path("id").asText()));
    return groups;
  }

  @Test
  void oneStatementSignsInAndTheEnginesRefusalsStand() {
    String id = "sign-in-one";
    account(id, PASSWORD);
    identityService.createMembership(id, "members");

    Recorded<ResponseEntity<String>> signedIn = SqlStatements.ofRequests(() -> me(id, PASSWORD));
    assertThat(groupsOf(signedIn.value())).containsExactly("members");
    // before: the password and the groups in two engine commands (two transactions), the flag apart
    assertThat(SqlStatements.signIns(signedIn))
        .as("the sign-in's statements:%n%s", signedIn.byText())
        .isEqualTo(1);

    assertThat(me(id, OTHER_PASSWORD).getStatusCode().value()).isEqualTo(401);
    assertThat(me(id, "").getStatusCode().value()).isEqualTo(401);
    assertThat(me("sign-in-nobody", PASSWORD).getStatusCode().value()).isEqualTo(401);
    // the engine's user ids are case-sensitive, and so is this sign-in
    assertThat(me("SIGN-IN-ONE", PASSWORD).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aChangeCountsFromTheNextRequestOn() {
    String id = "sign-in-changes";
    account(id, PASSWORD);
    assertThat(groupsOf(me(id, PASSWORD))).isEmpty();

    // a group joined, then left
    identityService.createMembership(id, "members");
    assertThat(groupsOf(me(id, PASSWORD))).containsExactly("members");
    identityService.deleteMembership(id, "members");
    assertThat(groupsOf(me(id, PASSWORD))).isEmpty();

    // a password set by someone else: nothing but changing it, from the next request on
    jdbc.sql(
            "insert into evaluation.account_password (user_id, must_change, set_by, set_at)"
                + " values (:id, true, 'admin', now())")
        .param("id", id)
        .update();
    ResponseEntity<String> refused = me(id, PASSWORD);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody()).contains("password-change-required");
    jdbc.sql("delete from evaluation.account_password where user_id = :id")
        .param("id", id)
        .update();
    assertThat(me(id, PASSWORD).getStatusCode().value()).isEqualTo(200);

    // a new password: the old one no longer signs in
    User user = identityService.createUserQuery().userId(id).singleResult();
    user.setPassword(OTHER_PASSWORD);
    identityService.saveUser(user);
    assertThat(me(id, PASSWORD).getStatusCode().value()).isEqualTo(401);
    assertThat(me(id, OTHER_PASSWORD).getStatusCode().value()).isEqualTo(200);

    // the account deleted
    identityService.deleteUser(id);
    assertThat(me(id, OTHER_PASSWORD).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void anAccountTheOldLockMarkedSignsInThroughTheEngineWhichClearsTheMark() {
    String id = "sign-in-marked";
    account(id, PASSWORD);
    jdbc.sql("update act_id_user set attempts_ = 3 where id_ = :id").param("id", id).update();

    assertThat(me(id, OTHER_PASSWORD).getStatusCode().value()).isEqualTo(401);
    assertThat(me(id, PASSWORD).getStatusCode().value()).isEqualTo(200);
    assertThat(
            jdbc.sql("select attempts_ from act_id_user where id_ = :id")
                .param("id", id)
                .query(Integer.class)
                .single())
        .isZero();
  }
}
