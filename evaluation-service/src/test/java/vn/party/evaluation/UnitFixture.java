package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * An organization of a test's own, set up as its people would: units made through {@code POST /api/v1/units} (an
 * organization under the demo's committee above, its sub-committees and branches), persons on its roster, seats on
 * its committees through {@code PUT /api/v1/units/{unit}/committee}, and the engine groups those give. Tests that
 * change units use one of these rather than the demo organization, which every other test expects as it is.
 */
public final class UnitFixture {

  /** The demo's committee above (Đảng ủy quận Thanh Khê), under which a test's organization opens. */
  public static final String ABOVE = "thanh-khe";

  private final Function<String, RestClient> as;
  private final JdbcClient jdbc;

  /**
   * @param as an HTTP client signed in as the given demo user (the test support's {@code as})
   */
  public UnitFixture(Function<String, RestClient> as, JdbcClient jdbc) {
    this.as = as;
    this.jdbc = jdbc;
  }

  /** {@code POST /api/v1/units} as that user with that body; the answer as it comes. */
  public ResponseEntity<String> post(String user, Map<String, ?> body) {
    return sendJson(as.apply(user).post().uri("/api/v1/units"), body);
  }

  /**
   * A unit as the administrator makes it; the opening date only where one is given (null: the API's default). The
   * answer as it comes: a set-up that runs again (shared by classes, or before each test) meets its unit taken.
   */
  public ResponseEntity<String> post(
      String kind, String parent, String name, String code, String openedOn) {
    return post("admin", body(kind, parent, name, code, openedOn));
  }

  /** The same, checked: the unit is made (201). */
  public void create(String kind, String parent, String name, String code, String openedOn) {
    ResponseEntity<String> created = post(kind, parent, name, code, openedOn);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
  }

  /** The same without an opening date. */
  public void create(String kind, String parent, String name, String code) {
    create(kind, parent, name, code, null);
  }

  /** A unit's request: kind, parent, name, code and opening date, each left out where it is null. */
  public static Map<String, Object> body(
      String kind, String parent, String name, String code, String openedOn) {
    Map<String, Object> body = new LinkedHashMap<>();
    String[] keys = {"kind", "parentId", "name", "code", "openedOn"};
    String[] values = {kind, parent, name, code, openedOn};
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        body.put(keys[i], values[i]);
      }
    }
    return body;
  }

  /**
   * A person for the organization's committees: a sign-in with the demo password (below the password policy like the
   * demo users': see DemoData, UnitHeadsTest) and a party member on the branch's roster, official since 1 January
   * 2001, with that status and suspension; the roster's full name is the first and the last name.
   */
  public void member(
      IdentityService identities,
      String id,
      String firstName,
      String lastName,
      String branch,
      String status,
      boolean suspended) {
    User account = identities.newUser(id);
    account.setFirstName(firstName);
    account.setLastName(lastName);
    account.setEmail(id + "@example.vn");
    account.setPassword("demo");
    ((IdentityServiceImpl) identities).saveUser(account, true);
    jdbc.sql(
            """
        insert into evaluation.party_member (id, full_name, branch_id, membership, status, admitted_on, suspended)
        values (:id, :name, :branch, 'OFFICIAL', :status, date '2001-01-01', :suspended)""")
        .param("id", id)
        .param("name", (firstName + " " + lastName).strip())
        .param("branch", branch)
        .param("status", status)
        .param("suspended", suspended)
        .update();
  }

  /** An active member, not suspended. */
  public void member(
      IdentityService identities, String id, String firstName, String lastName, String branch) {
    member(identities, id, firstName, lastName, branch, "ACTIVE", false);
  }

  /**
   * An organization and its branch straight into their tables, not through the API (no unit history, no committees):
   * for tests of what a campaign does with its rows. Again with the same ids: left as they are.
   */
  public void organizationRows(String organization, String name, String branch) {
    jdbc.sql(
            "insert into evaluation.organization (id, name) values (:id, :name) on conflict do nothing")
        .param("id", organization)
        .param("name", name)
        .update();
    jdbc.sql(
            "insert into evaluation.branch (id, organization_id, name) values (:id, :org, 'Chi bộ 1') on conflict do nothing")
        .param("id", branch)
        .param("org", organization)
        .update();
  }

  /**
   * A member on the branch's roster only (no sign-in), straight into the table: official since 2 March 2001, the full
   * name their id.
   */
  public void rosterRow(String id, String branch) {
    jdbc.sql(
            """
        insert into evaluation.party_member (id, full_name, branch_id, membership, admitted_on)
        values (:id, :id, :branch, 'OFFICIAL', :admitted)""")
        .param("id", id)
        .param("branch", branch)
        .param("admitted", LocalDate.of(2001, 3, 2))
        .update();
  }

  /**
   * Seats the person on the unit's committee body ({@code COMMITTEE}, {@code INSPECTION}; null: left out) in that role
   * (null: left out), as that user; the answer as it comes.
   */
  public ResponseEntity<String> seat(
      String user, String unit, String person, String body, String role) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("personId", person);
    request.put("reason", "Phân công thử");
    if (body != null) {
      request.put("body", body);
    }
    if (role != null) {
      request.put("role", role);
    }
    return sendJson(as.apply(user).put().uri("/api/v1/units/{u}/committee", unit), request);
  }

  /**
   * A test's own organization under the committee above with one branch, and its grassroots committee: an account,
   * a member of that branch, seated as the organization's secretary by the administrator.
   */
  public void organizationWithSecretary(
      IdentityService identities, Unit organization, Unit branch, Person secretary) {
    create("ORGANIZATION", ABOVE, organization.name(), organization.code(), "2000-01-01");
    create("BRANCH", organization.code(), branch.name(), branch.code(), "2000-01-01");
    member(identities, secretary.id(), secretary.firstName(), secretary.lastName(), branch.code());
    ResponseEntity<String> seated =
        seat("admin", organization.code(), secretary.id(), null, "SECRETARY");
    assertThat(seated.getStatusCode().value()).as(seated.getBody()).isEqualTo(200);
  }

  /** A unit of a test's own: its code and name. */
  public record Unit(String code, String name) {}

  /** A person of a test's own: the sign-in id, first and last name. */
  public record Person(String id, String firstName, String lastName) {}

  /** A JSON request to {@code uri} as that user; the answer as it comes. */
  public ResponseEntity<String> postJson(String user, String uri, Object body) {
    return sendJson(as.apply(user).post().uri(uri), body);
  }

  /** Whether the engine has the user in the group (what a seat gives and its removal takes). */
  public boolean memberOf(String user, String group) {
    String memberships =
        "select count(*) from public.act_id_membership where user_id_ = :u and group_id_ = :g";
    return jdbc.sql(memberships).params(Map.of("u", user, "g", group)).query(Integer.class).single()
        > 0;
  }

  private static ResponseEntity<String> sendJson(RestClient.RequestBodySpec request, Object body) {
    return request
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }
}
