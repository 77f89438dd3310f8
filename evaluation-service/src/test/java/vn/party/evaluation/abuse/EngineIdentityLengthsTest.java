package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * A value longer than the engine's column in a user's profile, a group, a tenant or a filter, sent to the engine REST
 * API at its three doors (both URL forms, and the webapps' copy Camunda Admin calls): PostgreSQL refused it and the
 * answer was a 400 naming nothing. Now the problem naming the field, {@code too-long} and the column's length
 * ({@code IdentityLengths}); an empty or blank id is {@code required}; a value at the limit is saved whole, one past
 * it writes nothing (no new user, group, tenant or filter; an existing one unchanged). The same problem, naming the
 * field, for an id outside the engine's pattern, a password longer than the policy takes and an id in the body other
 * than the path's (seventh session's outsider, finding 6).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineIdentityLengthsTest extends IntegrationTestSupport {

  private static final String WEBAPP = "/camunda/api/engine/engine/default";
  private static final String VIETNAMESE_INVALID =
      "Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được nêu.";

  /** Characters of one code point each (PostgreSQL's varchar counts these): Vietnamese, and one outside the BMP. */
  private static final String VI = "ệ";

  private static final String WIDE = "😀";

  /** A test run at each of the engine REST API's doors: both URL forms, and the webapps' copy. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest", "/engine-rest/engine/default", WEBAPP})
  @interface AtEveryDoor {}

  @Autowired private IdentityService identityService;
  @Autowired private FilterService filterService;

  private Http http;
  private WebappSession camundaAdmin;

  @BeforeAll
  void doors() {
    http = new Http(port);
    camundaAdmin = new WebappSession(port);
    assertThat(camundaAdmin.signIn("admin", "admin")).isEqualTo(200);
  }

  @AtEveryDoor
  void aUsersProfileLongerThanItsColumnsIsRefusedNamingTheField(String door) {
    String id = fill("probe-len-u" + door.length() + "-", 'i', 64);
    String email = fill("probe@", 'e', 255 - ".invalid".length()) + ".invalid";
    for (String[] past :
        new String[][] {
          {fill("", 'x', 65), "Thử", "Người", "p@example.invalid", "id"},
          {id, VI.repeat(256), "Người", "p@example.invalid", "firstName"},
          {id, "Thử", "y".repeat(300_000), "p@example.invalid", "lastName"},
          {id, "Thử", "Người", email + "x", "email"},
        }) {
      assertRefused(
          send(door, "POST", "/user/create", newUser(past[0], past[1], past[2], past[3])),
          past[4],
          past[4].equals("id") ? 64 : 255);
      assertThat(identityService.createUserQuery().userId(past[0]).count()).isZero();
    }
    for (String blank : new String[] {"", "   "}) {
      assertRequired(
          send(door, "POST", "/user/create", newUser(blank, "Thử", "Người", "p@example.invalid")));
      assertThat(identityService.createUserQuery().userId(blank).count()).isZero();
    }

    // at the limit: saved whole
    HttpResponse<String> created =
        send(door, "POST", "/user/create", newUser(id, VI.repeat(255), WIDE.repeat(255), email));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    try {
      assertUser(id, VI.repeat(255), WIDE.repeat(255), email);
      // an update one past the limit changes nothing
      assertRefused(
          send(
              door,
              "PUT",
              "/user/" + id + "/profile",
              body(profile(id, "Thử", "Người", email + "x"))),
          "email",
          255);
      assertRefused(
          send(
              door,
              "PUT",
              "/user/" + id + "/profile",
              body(profile(id, "z".repeat(300_000), "Người", email))),
          "firstName",
          255);
      assertRequired(
          send(door, "PUT", "/user/" + id + "/profile", body(profile(" ", "Thử", "Người", email))));
      assertUser(id, VI.repeat(255), WIDE.repeat(255), email);
    } finally {
      identityService.deleteUser(id);
    }
  }

  @AtEveryDoor
  void aGroupLongerThanItsColumnsIsRefusedNamingTheField(String door) {
    String id = fill("probe-len-g" + door.length() + "-", 'i', 64);
    for (String[] past :
        new String[][] {
          {fill("", 'x', 65), "Nhóm thử", "TEST", "id"},
          {id, VI.repeat(256), "TEST", "name"},
          {id, "Nhóm thử", "t".repeat(300_000), "type"},
        }) {
      assertRefused(
          send(door, "POST", "/group/create", body(group(past[0], past[1], past[2]))),
          past[3],
          past[3].equals("id") ? 64 : 255);
      assertThat(identityService.createGroupQuery().groupId(past[0]).count()).isZero();
    }
    for (String blank : new String[] {"", "   "}) {
      assertRequired(send(door, "POST", "/group/create", body(group(blank, "Nhóm thử", "TEST"))));
      assertThat(identityService.createGroupQuery().groupId(blank).count()).isZero();
    }

    HttpResponse<String> created =
        send(door, "POST", "/group/create", body(group(id, WIDE.repeat(255), VI.repeat(255))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    try {
      assertGroup(id, WIDE.repeat(255), VI.repeat(255));
      assertRefused(
          send(door, "PUT", "/group/" + id, body(group(id, "n".repeat(256), "TEST"))), "name", 255);
      assertRefused(
          send(door, "PUT", "/group/" + id, body(group(id, "Nhóm thử", VI.repeat(256)))),
          "type",
          255);
      assertGroup(id, WIDE.repeat(255), VI.repeat(255));
    } finally {
      identityService.deleteGroup(id);
    }
  }

  @AtEveryDoor
  void aTenantLongerThanItsColumnsIsRefusedNamingTheField(String door) {
    String id = fill("probe-len-t" + door.length() + "-", 'i', 64);
    for (String[] past :
        new String[][] {
          {fill("", 'x', 65), "Đơn vị thử", "id"},
          {id, "n".repeat(300_000), "name"},
        }) {
      assertRefused(
          send(door, "POST", "/tenant/create", body(tenant(past[0], past[1]))),
          past[2],
          past[2].equals("id") ? 64 : 255);
      assertThat(identityService.createTenantQuery().tenantId(past[0]).count()).isZero();
    }
    for (String blank : new String[] {"", "   "}) {
      assertRequired(send(door, "POST", "/tenant/create", body(tenant(blank, "Đơn vị thử"))));
      assertThat(identityService.createTenantQuery().tenantId(blank).count()).isZero();
    }

    HttpResponse<String> created =
        send(door, "POST", "/tenant/create", body(tenant(id, VI.repeat(255))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    try {
      assertThat(tenantName(id)).isEqualTo(VI.repeat(255));
      assertRefused(
          send(door, "PUT", "/tenant/" + id, body(tenant(id, VI.repeat(256)))), "name", 255);
      assertThat(tenantName(id)).isEqualTo(VI.repeat(255));
    } finally {
      identityService.deleteTenant(id);
    }
  }

  @AtEveryDoor
  void aFilterLongerThanItsColumnsIsRefusedNamingTheField(String door) {
    String name = fill("probe-len-f" + door.length() + "-", 'n', 255);
    long before = filterService.createFilterQuery().count();
    assertRefused(
        send(door, "POST", "/filter/create", body(filter(name + "x", "admin"))), "name", 255);
    assertRefused(
        send(door, "POST", "/filter/create", body(filter("Bộ lọc thử", "o".repeat(300_000)))),
        "owner",
        255);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(before);

    HttpResponse<String> created =
        send(door, "POST", "/filter/create", body(filter(name, WIDE.repeat(255))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = json(created.body()).path("id").asText();
    try {
      assertFilter(id, name, WIDE.repeat(255));
      assertRefused(
          send(door, "PUT", "/filter/" + id, body(filter(VI.repeat(256), "admin"))), "name", 255);
      assertRefused(
          send(door, "PUT", "/filter/" + id, body(filter("Bộ lọc thử", "o".repeat(256)))),
          "owner",
          255);
      assertFilter(id, name, WIDE.repeat(255));
      assertThat(filterService.createFilterQuery().count()).isEqualTo(before + 1);
    } finally {
      filterService.deleteFilter(id);
    }
  }

  /**
   * Seventh session's outsider (finding 8's edges): a blank filter name answered the engine's "invalid content" naming
   * nothing, a blank owner was stored (with an authorization for user "   "), a NUL in a name reached PostgreSQL, and
   * an e-mail address with a line break was stored as sent. Each is a 400 naming the field; nothing is written.
   */
  @AtEveryDoor
  void blankNamesAndControlCharactersAreRefusedNamingTheField(String door) {
    long filters = filterService.createFilterQuery().count();
    assertProblem(
        send(door, "POST", "/filter/create", body(filter("   ", "admin"))), "name", "required");
    assertProblem(
        send(door, "POST", "/filter/create", body(filter("Bộ lọc thử", "   "))),
        "owner",
        "required");
    assertProblem(
        send(door, "POST", "/filter/create", body(filter("Bộ\u0000lọc", "admin"))),
        "name",
        "control-characters");
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    String id = "probe-ctl-" + door.length();
    assertProblem(
        send(
            door,
            "POST",
            "/user/create",
            newUser(id, "Văn", "An", "an@example.vn\nBcc: other@example.org")),
        "email",
        "control-characters");
    assertProblem(
        send(door, "POST", "/user/create", newUser(id, "V\u0000n", "An", "an@example.vn")),
        "firstName",
        "control-characters");
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();
  }

  /**
   * Eighth session's outsider (LOW 1): an e-mail address carrying a second recipient (after a line separator U+2028,
   * a comma, a semicolon, a space) or not one address was saved (204), and notices to it failed. Now 400 naming
   * {@code email}, {@code invalid-email}; the stored address is unchanged. An empty one stays allowed.
   */
  @AtEveryDoor
  void anEmailThatIsNotOneAddressIsRefusedNamingTheEmail(String door) {
    String id = "probe-mail-" + door.length();
    for (String bad :
        new String[] {
          "a@x.vn\u2028bcc@evil.vn",
          "victim1@x.vn, attacker@evil.vn",
          "victim1@x.vn;attacker@evil.vn",
          "a@x.vn\u00a0b@y.vn",
          "a\u200b@x.vn",
          "a@x.vn\u2029",
          "no-at.example.vn",
          "two@@x.vn",
          "@x.vn",
          "a@",
        }) {
      JsonNode error =
          assertProblem(
              send(door, "POST", "/user/create", newUser(id, "Thử", "Người", bad)),
              "email",
              "invalid-email");
      assertThat(error.path("message").asText())
          .startsWith("Trường Thư điện tử (email) phải là đúng một");
      assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }
    HttpResponse<String> created =
        send(door, "POST", "/user/create", newUser(id, "Thử", "Người", "p@example.invalid"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    try {
      assertProblem(
          send(
              door,
              "PUT",
              "/user/" + id + "/profile",
              body(profile(id, "Thử", "Người", "a@x.vn\u2028bcc@evil.vn"))),
          "email",
          "invalid-email");
      assertProblem(
          send(
              door,
              "PUT",
              "/user/" + id + "/profile",
              body(profile(id, "Thử", "Người", "victim1@x.vn, attacker@evil.vn"))),
          "email",
          "invalid-email");
      assertUser(id, "Thử", "Người", "p@example.invalid");
      HttpResponse<String> emptied =
          send(door, "PUT", "/user/" + id + "/profile", body(profile(id, "Thử", "Người", "")));
      assertThat(emptied.statusCode()).as(emptied.body()).isEqualTo(204);
    } finally {
      identityService.deleteUser(id);
    }
  }

  /** Eighth session's outsider (LOW 2): a group with a blank name was saved; now 400 naming {@code name}. */
  @AtEveryDoor
  void aGroupWithABlankNameIsRefusedNamingTheName(String door) {
    String id = "probe-gname-" + door.length();
    for (String blank : new String[] {"", "   "}) {
      assertProblem(
          send(door, "POST", "/group/create", body(group(id, blank, "x"))), "name", "required");
      assertThat(identityService.createGroupQuery().groupId(id).count()).isZero();
    }
  }

  /**
   * Eighth session's outsider (LOW 3): a membership call with an id outside the engine's pattern was answered 204 (a
   * removal) or with the engine's text. Now 400 naming {@code groupId} or {@code userId}, as a creation names its id.
   */
  @AtEveryDoor
  void aMembershipWithAnIdOutsideTheEnginesPatternIsRefusedNamingTheId(String door) {
    assertProblem(send(door, "PUT", "/group/a%20b/members/member3", ""), "groupId", "invalid-id");
    assertProblem(
        send(door, "DELETE", "/group/auditors/members/a%20b", ""), "userId", "invalid-id");
    assertProblem(
        send(door, "PUT", "/group/auditors/members/" + "u".repeat(300), ""), "userId", "too-long");
  }

  /**
   * Eighth session's outsider (LOW 4, the tenants' part): a tenant's membership with an id outside the engine's
   * pattern was answered with the engine's text, or 204 for a removal. Now 400 naming {@code tenantId}, {@code userId}
   * or {@code groupId}, as a group's membership does.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest", "/engine-rest/engine/default", WEBAPP})
  void aTenantMembershipWithAnIdOutsideTheEnginesPatternIsRefusedNamingTheId(String door) {
    String tenant = "probe-tm-" + door.length();
    for (String method : new String[] {"PUT", "DELETE"}) {
      assertProblem(
          send(door, method, "/tenant/" + tenant + "/user-members/a%20b", ""),
          "userId",
          "invalid-id");
      assertProblem(
          send(door, method, "/tenant/" + tenant + "/group-members/a%20b", ""),
          "groupId",
          "invalid-id");
      assertProblem(
          send(door, method, "/tenant/a%20b/user-members/member3", ""), "tenantId", "invalid-id");
      assertProblem(
          send(door, method, "/tenant/a%20b/group-members/members", ""), "tenantId", "invalid-id");
    }
    assertProblem(
        send(door, "PUT", "/tenant/" + tenant + "/user-members/" + "u".repeat(300), ""),
        "userId",
        "too-long");
  }

  /**
   * Seventh session's outsider (finding 6): an id the engine's id pattern refuses was answered with the engine's "has
   * an invalid id" naming no field. Now 400 naming {@code id}, {@code invalid-id}, in Vietnamese unless asked
   * otherwise; nothing is saved.
   */
  @AtEveryDoor
  void idsOutsideTheEnginesPatternAreRefusedNamingTheId(String door) {
    for (String id : new String[] {"probe id", "probe/x", "đảng-viên", "probe*", "probe@x"}) {
      assertInvalidId(
          send(door, "POST", "/user/create", newUser(id, "Thử", "Người", "p@example.invalid")));
      assertThat(identityService.createUserQuery().userId(id).count()).isZero();
      assertInvalidId(send(door, "POST", "/group/create", body(group(id, "Nhóm thử", "TEST"))));
      assertThat(identityService.createGroupQuery().groupId(id).count()).isZero();
      assertInvalidId(send(door, "POST", "/tenant/create", body(tenant(id, "Đơn vị thử"))));
      assertThat(identityService.createTenantQuery().tenantId(id).count()).isZero();
    }
  }

  /**
   * Seventh session's outsider (finding 6): a 300,000-character password was answered with the engine's "does not
   * match policy", naming neither the field nor the limit. Now 400 naming {@code password}, {@code too-long} and the
   * policy's maximum, for a new user and for new credentials (a password too short: {@code password-too-short});
   * nothing is saved.
   */
  @AtEveryDoor
  void aPasswordLongerThanThePolicyTakesIsRefusedNamingTheLimit(String door) {
    String id = "probe-pwd-" + door.length();
    String tooLong = "Kx7-qPz2mW".repeat(30_000);
    assertRefused(
        send(
            door,
            "POST",
            "/user/create",
            body(
                Map.of(
                    "profile",
                    profile(id, "Thử", "Người", "p@example.invalid"),
                    "credentials",
                    Map.of("password", tooLong)))),
        "password",
        128);
    // the policy's other rules are named too, with the reason the application's own pages give
    HttpResponse<String> tooShort =
        send(
            door,
            "POST",
            "/user/create",
            body(
                Map.of(
                    "profile",
                    profile(id, "Thử", "Người", "p@example.invalid"),
                    "credentials",
                    Map.of("password", "Kx7-q"))));
    assertThat(tooShort.statusCode()).as(tooShort.body()).isEqualTo(400);
    JsonNode shortError = json(tooShort.body()).path("errors").get(0);
    assertThat(shortError.path("field").asText()).as(tooShort.body()).isEqualTo("password");
    assertThat(shortError.path("reason").asText())
        .as(tooShort.body())
        .isEqualTo("password-too-short");
    assertThat(shortError.path("message").asText()).isEqualTo("Mật khẩu phải có ít nhất 10 ký tự.");
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();

    User user = identityService.newUser(id);
    user.setFirstName("Thử");
    user.setLastName("Người");
    user.setPassword("a-long-passphrase-pwd");
    identityService.saveUser(user);
    try {
      assertRefused(
          send(
              door,
              "PUT",
              "/user/" + id + "/credentials",
              body(Map.of("password", tooLong, "authenticatedUserPassword", "admin"))),
          "password",
          128);
      assertThat(identityService.checkPassword(id, "a-long-passphrase-pwd")).isTrue();
    } finally {
      identityService.deleteUser(id);
    }
  }

  /**
   * Seventh session's outsider (finding 6): {@code PUT /group/{id}} with another id in the body answered 409 (the
   * engine loads the path's group and saves it under the body's id). Now 400 naming {@code id}, {@code
   * differs-from-path}, for a group, a tenant and a user's profile — a new id or another existing one's; neither is
   * changed. The same id in both still saves.
   */
  @AtEveryDoor
  void anIdInTheBodyOtherThanThePathsIsRefusedNamingTheId(String door) {
    String a = "probe-path-a" + door.length();
    String b = "probe-path-b" + door.length();
    for (String id : List.of(a, b)) {
      Group group = identityService.newGroup(id);
      group.setName("Nhóm " + id);
      group.setType("TEST");
      identityService.saveGroup(group);
      identityService.saveTenant(named(identityService.newTenant(id), "Đơn vị " + id));
      User user = identityService.newUser(id);
      user.setFirstName("Tên " + id);
      user.setLastName("Họ");
      user.setPassword("a-long-passphrase-path");
      identityService.saveUser(user);
    }
    try {
      for (String other : List.of(a + "-new", b)) {
        assertDiffers(send(door, "PUT", "/group/" + a, body(group(other, "Đổi tên", "TEST"))));
        assertDiffers(send(door, "PUT", "/tenant/" + a, body(tenant(other, "Đổi tên"))));
        assertDiffers(
            send(
                door,
                "PUT",
                "/user/" + a + "/profile",
                body(profile(other, "Đổi tên", "Họ", "p@example.invalid"))));
      }
      for (String id : List.of(a, b)) {
        assertGroup(id, "Nhóm " + id, "TEST");
        assertThat(tenantName(id)).isEqualTo("Đơn vị " + id);
        assertThat(identityService.createUserQuery().userId(id).singleResult().getFirstName())
            .isEqualTo("Tên " + id);
      }
      assertThat(identityService.createGroupQuery().groupId(a + "-new").count()).isZero();

      HttpResponse<String> same =
          send(door, "PUT", "/group/" + a, body(group(a, "Nhóm mới", "TEST")));
      assertThat(same.statusCode()).as(same.body()).isEqualTo(204);
      assertGroup(a, "Nhóm mới", "TEST");
    } finally {
      for (String id : List.of(a, b)) {
        identityService.deleteGroup(id);
        identityService.deleteTenant(id);
        identityService.deleteUser(id);
      }
    }
  }

  private static Tenant named(Tenant tenant, String name) {
    tenant.setName(name);
    return tenant;
  }

  private static void assertInvalidId(HttpResponse<String> answer) {
    JsonNode error = assertProblem(answer, "id", "invalid-id");
    assertThat(error.path("message").asText())
        .as(answer.body())
        .isEqualTo(
            "Trường Mã (id) chỉ được gồm chữ cái không dấu (a–z, A–Z), chữ số và các dấu gạch ngang (-),"
                + " gạch dưới (_), chấm (.).");
  }

  private static void assertDiffers(HttpResponse<String> answer) {
    JsonNode error = assertProblem(answer, "id", "differs-from-path");
    assertThat(error.path("message").asText())
        .as(answer.body())
        .startsWith("Trường Mã (id) khác với mã trong đường dẫn");
  }

  /** Asked in English, the same problem in English, naming the field and the limit. */
  @Test
  void theRefusalIsInTheRequestsLanguage() {
    HttpResponse<String> english =
        http.send(
            "POST",
            "/engine-rest/group/create",
            "admin",
            "application/json",
            utf8(body(group("probe-len-en", "n".repeat(256), "TEST"))),
            "en");
    assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
    JsonNode problem = json(english.body());
    assertThat(problem.path("detail").asText()).isNotEqualTo(VIETNAMESE_INVALID);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("name");
    assertThat(problem.at("/errors/0/message").asText())
        .isEqualTo("Name (name) is too long: at most 255 characters.");
    assertThat(identityService.createGroupQuery().groupId("probe-len-en").count()).isZero();
  }

  /** The problem: 400, Vietnamese detail, the field named with {@code too-long} and the column's length. */
  private static void assertRefused(HttpResponse<String> answer, String field, int maxLength) {
    JsonNode error = assertProblem(answer, field, "too-long");
    assertThat(error.path("maxLength").asInt()).as(answer.body()).isEqualTo(maxLength);
    assertThat(error.path("message").asText())
        .as(answer.body())
        // the field by its label, its name after it as a developer writes it
        .matches("Trường [^(]+ \\(" + field + "\\) quá dài: tối đa " + maxLength + " ký tự\\.");
  }

  private static void assertRequired(HttpResponse<String> answer) {
    JsonNode error = assertProblem(answer, "id", "required");
    assertThat(error.path("message").asText())
        .as(answer.body())
        .isEqualTo("Trường Mã (id) là bắt buộc.");
  }

  private static JsonNode assertProblem(HttpResponse<String> answer, String field, String reason) {
    String what = answer.request().method() + " " + answer.uri() + ": " + answer.body();
    assertThat(answer.statusCode()).as(what).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .as(what)
        .startsWith("application/problem+json");
    // the value sent is not repeated, nor the engine's or the database's text
    assertThat(answer.body().length()).as(what).isLessThan(2_000);
    assertThat(EngineRestAnswersTest.INTERNALS.matcher(answer.body()).find()).as(what).isFalse();
    JsonNode problem = json(answer.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
    assertThat(problem.path("detail").asText()).as(what).isEqualTo(VIETNAMESE_INVALID);
    assertThat(problem.path("message").asText()).as(what).contains(field);
    assertThat(problem.path("errors")).as(what).hasSize(1);
    JsonNode error = problem.path("errors").get(0);
    assertThat(error.path("field").asText()).as(what).isEqualTo(field);
    assertThat(error.path("reason").asText()).as(what).isEqualTo(reason);
    return error;
  }

  private void assertUser(String id, String firstName, String lastName, String email) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    assertThat(user).isNotNull();
    assertThat(user.getFirstName()).isEqualTo(firstName);
    assertThat(user.getLastName()).isEqualTo(lastName);
    assertThat(user.getEmail()).isEqualTo(email);
  }

  private void assertGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    assertThat(group).isNotNull();
    assertThat(group.getName()).isEqualTo(name);
    assertThat(group.getType()).isEqualTo(type);
  }

  private String tenantName(String id) {
    Tenant tenant = identityService.createTenantQuery().tenantId(id).singleResult();
    assertThat(tenant).isNotNull();
    return tenant.getName();
  }

  private void assertFilter(String id, String name, String owner) {
    Filter filter = filterService.getFilter(id);
    assertThat(filter).isNotNull();
    assertThat(filter.getName()).isEqualTo(name);
    assertThat(filter.getOwner()).isEqualTo(owner);
  }

  private HttpResponse<String> send(String door, String method, String path, String body) {
    return door.equals(WEBAPP)
        ? camundaAdmin.send(method, door + path, "application/json", body)
        : http.send(method, door + path, "admin", "application/json", body);
  }

  /** {@code prefix} filled up to {@code length} characters with {@code c}. */
  private static String fill(String prefix, char c, int length) {
    return prefix + String.valueOf(c).repeat(length - prefix.length());
  }

  private static String newUser(String id, String firstName, String lastName, String email) {
    return body(
        Map.of(
            "profile",
            profile(id, firstName, lastName, email),
            "credentials",
            Map.of("password", UUID.randomUUID().toString())));
  }

  private static Map<String, Object> profile(
      String id, String firstName, String lastName, String email) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("id", id);
    profile.put("firstName", firstName);
    profile.put("lastName", lastName);
    profile.put("email", email);
    return profile;
  }

  private static Map<String, Object> group(String id, String name, String type) {
    return Map.of("id", id, "name", name, "type", type);
  }

  private static Map<String, Object> tenant(String id, String name) {
    return Map.of("id", id, "name", name);
  }

  private static Map<String, Object> filter(String name, String owner) {
    return Map.of(
        "resourceType",
        "Task",
        "name",
        name,
        "owner",
        owner,
        "query",
        Map.of(),
        "properties",
        Map.of("description", "Bộ lọc thử"));
  }

  private static String body(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
