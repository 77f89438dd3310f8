package vn.party.evaluation.rosterimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.UnitFixture;
import vn.party.evaluation.account.PasswordFlags;
import vn.party.evaluation.pages.PageSession;
import vn.party.evaluation.process.Groups;

/**
 * The sign-ins of the roster import (seventh session's outsider, 5a and 5b), on an organization of its own
 * ({@link #WARD}, branch {@code sg12-cb1}): an account the administrator made and the import adopts is signed in as
 * a new member's is; a member's address changed by the import, and then on the account, is told to the address it
 * was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterImportSignInsTest extends IntegrationTestSupport {

  static final String WARD = "sg12-ward";
  private static final String BRANCH = "sg12-cb1";
  private static final String STRONG = "Đèo-Hải-Vân-mây-trắng-9";

  /** The event type, spelled out: the contract, not the constant ({@code EmailChanges.ACCOUNT_EMAIL_CHANGED}). */
  private static final String EMAIL_CHANGED = "vn.party.evaluation.account.email-changed";

  @Autowired IdentityService identityService;
  @Autowired PasswordFlags flags;

  @BeforeAll
  void ward() {
    // unchecked, as a set-up that runs again meets its units taken
    UnitFixture units = new UnitFixture(this::as, jdbc);
    units.post(
        "ORGANIZATION", UnitFixture.ABOVE, "Đảng bộ phường Thử Đăng Nhập", WARD, "2001-01-01");
    units.post("BRANCH", WARD, "Chi bộ Thử Đăng Nhập 1", BRANCH, null);
  }

  /**
   * 5a: the administrator made an account (their own address, their own password) and the import adopted it as a new
   * member's sign-in, which kept both and sat in no group — the administrator could sign in as the member. Now the
   * adopted sign-in gets the roster's name and address, a one-time password in the commit's answer (to be changed at
   * first sign-in, as a new account's) and the members' group; the administrator's password no longer works.
   */
  @Test
  void anAccountTheAdministratorMadeIsAdoptedAsANewMembersSignInIs() {
    String id = "sg12-adopted";
    String adminsAddress = "quan-tri-rieng@outside.example.com";
    assertThat(createEngineUser(id, "Tài khoản", "Ẩn", adminsAddress, STRONG)).isEqualTo(204);
    assertThat(identityService.checkPassword(id, STRONG)).isTrue();

    List<String> row = RosterFiles.row("Phan Văn Nhận", "SG120001", BRANCH);
    row.add(id);
    JsonNode result = importFile("nhan-tai-khoan.csv", row);

    JsonNode account = null;
    for (JsonNode a : result.get("accounts")) {
      if (id.equals(a.get("memberId").asText())) {
        account = a;
      }
    }
    assertThat(account).as("the commit's answer lists the adopted sign-in: " + result).isNotNull();
    String oneTime = account.get("oneTimePassword").asText();
    assertThat(oneTime).isNotBlank();
    assertThat(identityService.checkPassword(id, STRONG))
        .as("the administrator's password no longer signs in")
        .isFalse();
    assertThat(identityService.checkPassword(id, oneTime)).isTrue();
    assertThat(flags.mustChange(id)).as("changed at first sign-in, as a new account's").isTrue();
    User user = identityService.createUserQuery().userId(id).singleResult();
    assertThat(user.getEmail()).isEqualTo("sg120001@example.vn");
    assertThat(user.getFirstName() + " " + user.getLastName()).isEqualTo("Phan Văn Nhận");
    assertThat(identityService.createGroupQuery().groupMember(id).groupId(Groups.MEMBERS).count())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.password_reset where user_id = :id "
                        + "and door = 'ROSTER_IMPORT'")
                .param("id", id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // the address the administrator gave it is told that it changed (5b, the account's side)
    assertThat(emailChangedEvents(id))
        .anySatisfy(
            data -> assertThat(data).contains("\"previousEmail\":\"" + adminsAddress + "\""));
    // and the member signs in with the one-time password (and must change it first)
    var me = as(id, oneTime).get().uri("/api/v1/me").retrieve().toEntity(String.class);
    assertThat(me.getStatusCode().value()).isEqualTo(403);
    assertThat(me.getBody()).contains("password-change-required");
    assertThat(as(id, STRONG).get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode())
        .matches(status -> status.value() == 401);
  }

  /**
   * Eighth session's outsider, 3a and 3b: when the import adopted a sign-in, the notice to its previous address said
   * it was changed "by the system" and (the account already renamed) could only greet the name the importer wrote; the
   * auditors' page recorded the one-time password as the system's. Now the change names the administrator who
   * committed the import and carries the name the account had ({@code previousName}), and the reset is recorded as
   * theirs — in the table, the API and the auditors' page.
   */
  @Test
  void anAdoptionIsToldAndRecordedAsTheImportersNamingTheAccountsFormerName() throws Exception {
    String id = "sg12-adopt-named";
    String formerAddress = "tai-khoan-cu@outside.example.com";
    assertThat(createEngineUser(id, "Tài khoản", "Cũ", formerAddress, STRONG)).isEqualTo(204);
    List<String> row = RosterFiles.row("Võ Thị Tiếp", "SG120004", BRANCH);
    row.add(id);

    importFile("tiep-nhan-ten-cu.csv", row);

    assertThat(emailChangedEvents(id))
        .singleElement()
        .asString()
        .contains("\"previousEmail\":\"" + formerAddress + "\"")
        .contains("\"changedBy\":\"admin\"")
        .contains("\"previousName\":\"Tài khoản Cũ\"")
        .doesNotContain("sg120004@example.vn");
    assertThat(
            jdbc.sql(
                    "select reset_by || ' ' || door from evaluation.password_reset "
                        + "where user_id = :id order by id")
                .param("id", id)
                .query(String.class)
                .list())
        .as("the administrator's password through the engine, then the import's one-time password")
        .containsExactly("admin ENGINE", "admin ROSTER_IMPORT");
    String page = PageSession.of(port, "auditor").get("/app/audit/password-resets?lang=vi").body();
    int at = page.indexOf("data-user=\"" + id + "\"");
    assertThat(at).as(page).isPositive();
    String line = page.substring(at, page.indexOf("</tr>", at));
    assertThat(line).contains("data-by=\"admin\"").doesNotContain("Hệ thống (nhập danh sách)");
    // the password set before the import took the account over was "Tài khoản Cũ"'s: not shown as
    // the new holder's (ninth session's outsider, finding 12)
    int older = page.indexOf("data-user=\"" + id + "\"", at + 1);
    assertThat(older).as(page).isPositive();
    String olderLine = page.substring(older, page.indexOf("</tr>", older));
    assertThat(olderLine)
        .contains("data-door=\"ENGINE\"")
        .contains(
            id
                + " — trước khi nhập danh sách đảng viên giao tài khoản này cho Võ Thị Tiếp (tên người"
                + " giữ tài khoản khi đó không được ghi lại)")
        .doesNotContain("Võ Thị Tiếp (" + id + ")");
    assertThat(line).contains("Võ Thị Tiếp (" + id + ")");
    String english =
        PageSession.of(port, "auditor").get("/app/audit/password-resets?lang=en").body();
    assertThat(english)
        .contains(id + " — before the roster import gave this account to Võ Thị Tiếp")
        .doesNotContain("trước khi nhập danh sách");
    // and the holder's notice of the one-time password names the importer too (ninth session's
    // outsider, finding 4: "set by the system when the account was made", for an adopted account)
    assertThat(
            jdbc.sql(
                    "select convert_from(payload, 'UTF8') from evaluation.outbox where event_type = "
                        + "'vn.party.evaluation.account.changed' and message_key = :key order by id")
                .param("key", id)
                .query(String.class)
                .list())
        .last()
        .asString()
        .contains("\"change\":\"ONE_TIME_PASSWORD\"")
        .contains("\"changedBy\":\"admin\"");
  }

  /**
   * 5b: a member's address changed by the roster import (recorded on the roster), then the same address on the
   * account by the administrator, then a password reset: the notice went only to the new address, and the member
   * never knew. Each change is now told to the address it was ({@code account.email-changed} through the outbox, the
   * channel of the password notices), naming who changed it.
   */
  @Test
  void anEmailChangeIsToldToTheAddressItWas() {
    List<String> row = RosterFiles.row("Trương Thị Đổi", "SG120002", BRANCH);
    String memberId = importNewMember("doi-dia-chi-1.csv", row);
    String before = "sg120002@example.vn";
    assertThat(emailChangedEvents(memberId)).isEmpty();

    String taken = "nguoi-khac@outside.example.com";
    importAgainWithEmail("doi-dia-chi-2.csv", row, taken);

    assertThat(emailChangedEvents(memberId))
        .singleElement()
        .asString()
        .contains("\"userId\":\"" + memberId + "\"")
        .contains("\"previousEmail\":\"" + before + "\"")
        .contains("\"changedBy\":\"admin\"")
        .doesNotContain(taken);

    // the sign-in already has the roster's new address (told above, once): the administrator saving
    // the profile with it, or in other letter case, tells nobody
    assertThat(identityService.createUserQuery().userId(memberId).singleResult().getEmail())
        .isEqualTo(taken);
    for (String email : List.of(taken, taken.toUpperCase())) {
      assertThat(
              as("admin")
                  .put()
                  .uri("/engine-rest/user/{id}/profile", memberId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(
                      Map.of(
                          "id",
                          memberId,
                          "firstName",
                          "Trương Thị",
                          "lastName",
                          "Đổi",
                          "email",
                          email))
                  .retrieve()
                  .toBodilessEntity()
                  .getStatusCode()
                  .value())
          .isEqualTo(204);
    }
    assertThat(emailChangedEvents(memberId)).hasSize(1);
  }

  /**
   * 5b, the sign-in's side: the import changed the roster's address but the member's sign-in kept the old one, so
   * notices kept going there until an administrator saved the profile. Now the commit sets the sign-in's address too,
   * and the change is told once — not again by the engine's save.
   */
  @Test
  void theImportSetsTheSignInsAddress() {
    List<String> row = RosterFiles.row("Lê Văn Theo", "SG120003", BRANCH);
    String memberId = importNewMember("theo-dia-chi-1.csv", row);
    String before = "sg120003@example.vn";
    assertThat(identityService.createUserQuery().userId(memberId).singleResult().getEmail())
        .isEqualTo(before);

    String now = "le-van-theo@moi.example.vn";
    importAgainWithEmail("theo-dia-chi-2.csv", row, now);

    assertThat(identityService.createUserQuery().userId(memberId).singleResult().getEmail())
        .as("the sign-in's address is the roster's new one")
        .isEqualTo(now);
    assertThat(emailChangedEvents(memberId))
        .as("one notice per change, to the address it was")
        .singleElement()
        .asString()
        .contains("\"previousEmail\":\"" + before + "\"")
        .contains("\"changedBy\":\"admin\"")
        .doesNotContain(now);
  }

  /** The data of the member's {@code account.email-changed} events, oldest first. */
  private List<String> emailChangedEvents(String userId) {
    return jdbc.sql(
            "select convert_from(payload, 'UTF8') from evaluation.outbox where event_type = :type "
                + "and message_key = :key order by id")
        .param("type", EMAIL_CHANGED)
        .param("key", userId)
        .query(String.class)
        .list();
  }

  /** Imports the row of a member new to the roster; answers the member's id. */
  private String importNewMember(String name, List<String> row) {
    importFile(name, row);
    return jdbc.sql("select id from evaluation.party_member where card_number = :card")
        .param("card", row.get(ImportColumn.CARD_NUMBER.ordinal()))
        .query(String.class)
        .single();
  }

  /** Imports the member's row again with another e-mail address. */
  private void importAgainWithEmail(String name, List<String> row, String email) {
    row.set(ImportColumn.EMAIL.ordinal(), email);
    importFile(name, row);
  }

  /** A roster file of the one row, previewed without a problem and committed; answers the commit's answer. */
  private JsonNode importFile(String name, List<String> row) {
    List<List<String>> rows = List.of(RosterFiles.heading(), row);
    ResponseEntity<String> preview =
        as("admin")
            .post()
            .uri("/api/v1/organizations/{o}/roster-imports?fileName={n}", WARD, name)
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
            .body(RosterFiles.csv(rows, ';', true, StandardCharsets.UTF_8))
            .retrieve()
            .toEntity(String.class);
    assertThat(preview.getStatusCode().value()).as(preview.getBody()).isEqualTo(201);
    JsonNode previewed = json(preview.getBody());
    assertThat(previewed.get("problemsTotal").asInt()).as(preview.getBody()).isZero();
    ResponseEntity<String> committed =
        as("admin")
            .post()
            .uri("/api/v1/roster-imports/{id}/commit", previewed.get("id").asText())
            .retrieve()
            .toEntity(String.class);
    assertThat(committed.getStatusCode().value()).as(committed.getBody()).isEqualTo(200);
    return json(committed.getBody());
  }
}
