package vn.party.evaluation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * Issue 12, item 5: wrong passwords slow the guesser down, per account and per client address, on every door, and
 * never lock an account for good (the engine's lock did after ten: admin could be locked by anyone, for ever).
 * Failures are sent from their own loopback addresses (127.0.0.x), so the other tests' 127.0.0.1 never waits.
 */
class SignInThrottleTest extends IntegrationTestSupport {

  private static final String RIGHT = "Mưa-rào-tháng-Chạp-42";

  @Autowired
  IdentityService identityService;

  private void account(String id) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName("Thử");
      user.setLastName("Nghiệm");
      user.setPassword(RIGHT);
      identityService.saveUser(user);
    }
  }

  private RawHttp.Response me(String from, String user, String password) throws Exception {
    return RawHttp.send(from, port, "GET", "/api/v1/me", Map.of("Authorization", RawHttp.basic(user, password),
        "Accept", "application/json"), null);
  }

  @Test
  void after_a_few_wrong_passwords_the_account_waits_on_every_door_and_then_signs_in() throws Exception {
    String id = "throttle-probe-a";
    account(id);
    for (int i = 1; i <= 6; i++) {
      // six addresses: the account's count, not an address's, makes it wait
      assertThat(me("127.0.0." + (10 + i), id, "wrong-" + i).status()).as("failure " + i).isEqualTo(401);
    }
    // each further failure, once the wait is over, doubles the wait: 1 s, 2 s, 4 s
    Thread.sleep(1100);
    assertThat(me("127.0.0.17", id, "wrong-7").status()).isEqualTo(401);
    Thread.sleep(2100);
    assertThat(me("127.0.0.18", id, "wrong-8").status()).isEqualTo(401);
    RawHttp.Response refused = me("127.0.0.20", id, RIGHT);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(3, 4);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body()).contains("\"status\":429").contains("Đăng nhập sai quá nhiều lần");

    // the engine REST API, the webapps' sign-in and the pages' form are the same door for the throttle
    assertThat(RawHttp.send("127.0.0.20", port, "GET", "/engine-rest/task",
        Map.of("Authorization", RawHttp.basic(id, RIGHT)), null).status()).isEqualTo(429);
    assertThat(RawHttp.send("127.0.0.20", port, "POST", "/camunda/api/admin/auth/user/default/login/cockpit",
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "username=" + id + "&password=" + RIGHT)
        .status()).isEqualTo(429);
    RawHttp.Response form = RawHttp.send("127.0.0.20", port, "POST", "/login",
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "username=" + id + "&password=x");
    assertThat(form.status()).isEqualTo(302);
    assertThat(form.header("Location")).contains("/login?throttled=");

    Thread.sleep(1000L * Integer.parseInt(refused.header("Retry-After")) + 200);
    RawHttp.Response signedIn = me("127.0.0.20", id, RIGHT);
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.body()).contains("\"userId\":\"" + id + "\"");
  }

  @Test
  void no_number_of_wrong_passwords_locks_an_account_for_good() throws Exception {
    String id = "throttle-probe-b";
    account(id);
    for (int i = 1; i <= 15; i++) {
      assertThat(me("127.0.0." + (30 + i), id, "wrong-" + i).status()).as("failure " + i).isEqualTo(401);
      if (i % 5 == 0) {
        // an administrator lifts the wait (it would end by itself): the failures go on past the engine's old ten
        assertThat(as("admin").delete().uri("/api/v1/admin/sign-in-throttles/accounts/" + id).retrieve()
            .toBodilessEntity().getStatusCode().value()).isEqualTo(204);
      }
    }
    assertThat(me("127.0.0.50", id, RIGHT).status()).isEqualTo(200);
    assertThat(jdbc.sql("select coalesce(attempts_, 0) from act_id_user where id_ = ?").param(id)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void many_wrong_passwords_from_one_address_make_that_address_wait_not_the_accounts() throws Exception {
    String address = "127.0.0.60";
    for (int i = 1; i <= 21; i++) {
      assertThat(me(address, "nobody-" + i, "wrong").status()).as("failure " + i).isEqualTo(401);
    }
    // a real account with its right password, from that address: it waits too (nobody learns whether it was right)
    assertThat(me(address, "member13", "demo").status()).isEqualTo(429);
    // from anywhere else member13 signs in: its own count was never touched
    assertThat(me("127.0.0.61", "member13", "demo").status()).isEqualTo(200);
    // a forged X-Forwarded-For from an address that is not a configured proxy changes nothing
    assertThat(RawHttp.send(address, port, "GET", "/api/v1/me", Map.of("Authorization",
        RawHttp.basic("member13", "demo"), "X-Forwarded-For", "10.9.8.7"), null).status()).isEqualTo(429);
  }

  @Test
  void administrators_see_each_account_that_started_to_wait_and_nobody_else_does() throws Exception {
    String id = "throttle-probe-c";
    account(id);
    for (int i = 1; i <= 6; i++) {
      me("127.0.0." + (70 + i), id, "wrong-" + i);
    }
    String notices = as("admin").get().uri("/api/v1/admin/sign-in-throttles").retrieve().body(String.class);
    assertThat(notices).contains("\"subject\":\"" + id + "\"").contains("\"kind\":\"ACCOUNT\"");
    assertThat(as("committee").get().uri("/api/v1/admin/sign-in-throttles").retrieve().toBodilessEntity()
        .getStatusCode().value()).isEqualTo(403);
  }
}
