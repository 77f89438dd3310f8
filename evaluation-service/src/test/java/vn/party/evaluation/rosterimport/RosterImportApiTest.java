package vn.party.evaluation.rosterimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * The roster import through the API, on an organization of its own (ward "ri-ward", branches ri-cb1 and ri-cb2): the
 * template in Vietnamese; a file full of problems is previewed with each by row and column in both languages and
 * cannot be committed; the fixed file is committed whole, with sign-ins and one-time passwords that work; the same
 * file again changes nothing; a changed file updates by card number with the file and time as the reason; the export
 * is the template filled in and imports again unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RosterImportApiTest extends EvaluationFlowSupport {

  static final String WARD = "ri-ward";

  @Autowired IdentityService identityService;

  @BeforeAll
  void ward() {
    RosterImportCorpusTest.setUpWard(this::as, jdbc);
  }

  @Test
  @Order(1)
  void theTemplateHasTheVietnameseHeadings() throws Exception {
    ResponseEntity<byte[]> xlsx =
        as("member1")
            .get()
            .uri("/api/v1/roster-imports/template.xlsx")
            .retrieve()
            .toEntity(byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Row heading = workbook.getSheetAt(0).getRow(0);
      assertThat(heading.getCell(0).getStringCellValue()).isEqualTo("Họ và tên");
      assertThat(heading.getCell(3).getStringCellValue()).isEqualTo("Số thẻ đảng viên");
      assertThat(heading.getCell(9).getStringCellValue())
          .isEqualTo("Cán bộ, công chức, viên chức (Có/Không)");
      assertThat(heading.getLastCellNum()).isEqualTo((short) 15);
    }
    byte[] csv =
        as("member1")
            .get()
            .uri("/api/v1/roster-imports/template.csv")
            .retrieve()
            .body(byte[].class);
    assertThat(csv[0]).isEqualTo((byte) 0xEF);
    assertThat(new String(csv, StandardCharsets.UTF_8))
        .contains("Họ và tên,Ngày sinh (dd/MM/yyyy)");
  }

  /**
   * Seventh session's outsider (HIGH): the administrator's own sign-in, adopted as a party member's through the account
   * column, left camunda-admin empty when the member left (the leaving takes the sign-in out of every group). An
   * administrator's or an inspector's sign-in is never adopted: "account-taken", nothing written.
   */
  @Test
  @Order(2)
  void anAdministratorsOrInspectorsSignInIsNeverAdopted() {
    assertNeverAdopted("tai-khoan.csv", "admin", "auditor");
  }

  /**
   * Eighth session's outsider: a row naming {@code secretary1} (the branch committee's seat) or {@code committee}
   * took the account over — its seat group kept, a one-time password in the administrator's hands, the holder's own
   * password dead. A sign-in with any role beyond {@code members} is never adopted.
   */
  @Test
  @Order(1)
  void aCommitteeSeatHoldersSignInIsNeverAdopted() {
    assertNeverAdopted("ghe-uy-vien.csv", "secretary1", "committee");
    assertThat(statusOf(as("secretary1"), "/api/v1/me"))
        .as("the seat holder still signs in with their own password")
        .isEqualTo(200);
  }

  /**
   * Eighth session's outsider, 3c: a row naming an existing sign-in that is no member's (an account an administrator
   * made in the engine) was previewed as one more new member, and the commit took the sign-in over. The preview now
   * says so for that row, in the API's answer ({@code adoptions}: the row, the sign-in, its name now and the sentence
   * in both languages) and on the page; nothing is written by the preview.
   */
  @Test
  void thePreviewSaysWhichRowTakesOverAnExistingSignIn() throws Exception {
    String id = "ri-adopt-preview";
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User made = identityService.newUser(id);
      made.setFirstName("Tài khoản");
      made.setLastName("Tạm");
      made.setEmail("tam@outside.example.com");
      made.setPassword("Đèo-Cả-gió-lộng-7");
      identityService.saveUser(made);
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(RosterFiles.heading());
    rows.add(RosterFiles.row("Hồ Văn Mới", "RI000801", "ri-cb1")); // 2: a new member, a new sign-in
    List<String> adopting = RosterFiles.row("Đặng Thị Tiếp", "RI000802", "ri-cb1");
    adopting.add(id); // 3: the existing sign-in named
    rows.add(adopting);

    ResponseEntity<String> answer =
        upload("admin", "tiep-nhan.csv", RosterFiles.csv(rows, ';', true, StandardCharsets.UTF_8));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode preview = json(answer.getBody());
    assertThat(preview.get("problemsTotal").asInt()).as(answer.getBody()).isZero();
    assertThat(preview.get("toCreate").asInt()).isEqualTo(2);
    JsonNode adoption = preview.get("adoptions");
    assertThat(adoption).as(answer.getBody()).hasSize(1);
    assertThat(adoption.get(0).get("row").asInt()).isEqualTo(3);
    assertThat(adoption.get(0).get("account").asText()).isEqualTo(id);
    assertThat(adoption.get(0).get("currentName").asText()).isEqualTo("Tài khoản Tạm");
    assertThat(adoption.get(0).get("message").asText())
        .contains(
            "Dòng 3", id, "đang mang tên Tài khoản Tạm", "tiếp nhận", "mật khẩu dùng một lần");
    assertThat(adoption.get(0).get("messageEn").asText())
        .contains("Row 3", id, "now named Tài khoản Tạm", "taken over", "one-time password");

    String page =
        PageSession.of(port, "admin", "admin")
            .get("/app/roster-import/" + preview.get("id").asText())
            .body();
    assertThat(page)
        .contains("id=\"adoptions\"")
        .contains("data-row=\"3\" data-account=\"" + id + "\"")
        .contains("1 tài khoản đăng nhập có sẵn sẽ được tiếp nhận")
        .contains("đang mang tên Tài khoản Tạm");
    // the preview wrote nothing: the sign-in is as it was
    User now = identityService.createUserQuery().userId(id).singleResult();
    assertThat(now.getFirstName() + " " + now.getLastName()).isEqualTo("Tài khoản Tạm");
    assertThat(identityService.checkPassword(id, "Đèo-Cả-gió-lộng-7")).isTrue();
  }

  /** A row per account, each on a new card: the preview says "account-taken" for each, the commit writes nothing. */
  private void assertNeverAdopted(String fileName, String... accounts) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(RosterFiles.heading());
    for (int i = 0; i < accounts.length; i++) {
      List<String> row = RosterFiles.row("Người Thử " + (i + 1), "RI00090" + (i + 1), "ri-cb1");
      row.add(accounts[i]);
      rows.add(row);
    }
    int members = members();
    ResponseEntity<String> answer =
        upload("admin", fileName, RosterFiles.csv(rows, ';', true, StandardCharsets.UTF_8));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode preview = json(answer.getBody());
    for (int i = 0; i < accounts.length; i++) {
      assertProblem(preview, i + 2, "O", "account-taken");
    }
    assertThat(commit("admin", preview.get("id").asText()).getStatusCode().value()).isEqualTo(400);
    assertThat(members()).isEqualTo(members);
  }

  @Test
  @Order(2)
  void aFileFullOfProblemsIsPreviewedByRowAndColumnAndNothingIsWritten() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(RosterFiles.heading());
    rows.add(RosterFiles.row("Nguyễn Thị Mai", "RI000001", "ri-cb1")); // 2: fine
    rows.add(RosterFiles.row("Trần Văn Nam", "RI000001", "ri-cb1")); // 3: card as row 2
    List<String> badDate = RosterFiles.row("Lê Thị Hồng", "RI000003", "ri-cb1");
    badDate.set(4, "2010-05-19"); // 4: E not dd/MM/yyyy
    rows.add(badDate);
    rows.add(RosterFiles.row("Phạm Văn Đức", "RI000004", "Chi bộ không có")); // 5: G unknown
    List<String> official = RosterFiles.row("Võ Thị Lan", "RI000005", "ri-cb2");
    official.set(5, "01/01/2009"); // 6: F before E
    rows.add(official);
    List<String> noName = RosterFiles.row("", "RI000006", "ri-cb2"); // 7: A required
    rows.add(noName);
    rows.add(RosterFiles.row("Đỗ Văn Hùng", "TAKEN0001", "ri-cb2")); // 8: card elsewhere
    byte[] file = RosterFiles.csv(rows, ';', true, StandardCharsets.UTF_8);
    int members = members();

    ResponseEntity<String> answer = upload("admin", "danh-sach-loi.csv", file);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode preview = json(answer.getBody());
    assertThat(preview.get("rows").asInt()).isEqualTo(7);
    assertProblem(preview, 3, "D", "card-duplicated");
    assertProblem(preview, 4, "E", "invalid-date");
    assertProblem(preview, 5, "G", "unknown-branch");
    assertProblem(preview, 6, "F", "official-before-admission");
    assertProblem(preview, 7, "A", "required");
    assertProblem(preview, 8, "D", "card-taken");
    assertThat(preview.get("problemsTotal").asInt()).isEqualTo(6);
    JsonNode first = preview.get("problems").get(0);
    assertThat(first.get("message").asText())
        .startsWith("Dòng 3, cột D (Số thẻ đảng viên)")
        .contains("dòng 2");
    assertThat(first.get("messageEn").asText()).startsWith("Row 3, column D (Party card number)");

    ResponseEntity<String> refused = commit("admin", preview.get("id").asText());
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(members()).isEqualTo(members);
    assertThat(
            jdbc.sql("select count(*) from public.act_id_user where id_ = 'dvri000001'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  @Order(3)
  void theFixedFileIsWrittenWholeWithSignIns() {
    byte[] file = RosterFiles.xlsx(goodRows());
    JsonNode preview = json(upload("admin", "danh-sach.xlsx", file).getBody());
    assertThat(preview.get("problemsTotal").asInt()).as(preview.toString()).isZero();
    assertThat(preview.get("toCreate").asInt()).isEqualTo(3);
    assertThat(members()).isZero(); // still nothing before the commit

    ResponseEntity<String> committed = commit("admin", preview.get("id").asText());
    assertThat(committed.getStatusCode().value()).as(committed.getBody()).isEqualTo(200);
    JsonNode result = json(committed.getBody());
    assertThat(result.get("created").asInt()).isEqualTo(3);
    assertThat(result.get("accounts")).hasSize(3);
    assertThat(members()).isEqualTo(3);
    Map<String, Object> mai =
        jdbc.sql(
                """
        select full_name, branch_id, membership, date_of_birth, sex, civil_servant, official_on, status
        from evaluation.party_member where card_number = 'RI000001'""")
            .query()
            .singleRow();
    assertThat(mai.get("full_name")).isEqualTo("Nguyễn Thị Mai");
    assertThat(mai.get("branch_id")).isEqualTo("ri-cb1");
    assertThat(mai.get("membership")).isEqualTo("OFFICIAL");
    assertThat(mai.get("civil_servant")).isEqualTo(true);
    assertThat(mai.get("date_of_birth").toString()).isEqualTo("1985-03-15");
    Map<String, Object> probationary =
        jdbc.sql(
                "select membership from evaluation.party_member "
                    + "where card_number = 'RI000003'")
            .query()
            .singleRow();
    assertThat(probationary.get("membership")).isEqualTo("PROBATIONARY");

    // the one-time password signs the member in; it is shown once, the engine keeps only its hash
    JsonNode account = result.get("accounts").get(0);
    String memberId = account.get("memberId").asText();
    String password = account.get("oneTimePassword").asText();
    assertThat(password).hasSizeGreaterThanOrEqualTo(12);
    RestClient member =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultHeaders(h -> h.setBasicAuth(memberId, password, StandardCharsets.UTF_8))
            .defaultStatusHandler(s -> true, (q, r) -> {})
            .build();
    // it must be changed at first sign-in: accepted as credentials, refused for anything else until
    // then
    var first = member.get().uri("/api/v1/me").retrieve().toEntity(String.class);
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(403);
    assertThat(first.getBody()).contains("password-change-required");
    String chosen = "Sông-Hàn-mùa-nước-nổi-2026";
    assertThat(
            member
                .post()
                .uri("/api/v1/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("currentPassword", password, "newPassword", chosen))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(204);
    RestClient changed =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultHeaders(h -> h.setBasicAuth(memberId, chosen, StandardCharsets.UTF_8))
            .defaultStatusHandler(s -> true, (q, r) -> {})
            .build();
    assertThat(
            changed
                .get()
                .uri("/api/v1/me")
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            jdbc.sql("select pwd_ from public.act_id_user where id_ = :id")
                .param("id", memberId)
                .query(String.class)
                .single())
        .doesNotContain(password);
    JsonNode changes =
        json(
            as("admin")
                .get()
                .uri("/api/v1/members/{m}/changes", memberId)
                .retrieve()
                .body(String.class));
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).get("reason").asText())
        .startsWith("Nhập danh sách từ tệp danh-sach.xlsx lúc ");
    assertThat(commit("admin", preview.get("id").asText()).getStatusCode().value()).isEqualTo(409);
  }

  @Test
  @Order(4)
  void theSameFileAgainChangesNothingAndAChangedFileUpdatesByCardNumber() {
    int changesBefore = changeCount();
    JsonNode again =
        json(upload("admin", "danh-sach.xlsx", RosterFiles.xlsx(goodRows())).getBody());
    assertThat(again.get("unchanged").asInt()).isEqualTo(3);
    assertThat(again.get("toCreate").asInt()).isZero();
    JsonNode result = json(commit("admin", again.get("id").asText()).getBody());
    assertThat(result.get("unchanged").asInt()).isEqualTo(3);
    assertThat(result.get("accounts")).isEmpty();
    assertThat(changeCount()).isEqualTo(changesBefore);

    List<List<String>> changed = goodRows();
    changed.get(2).set(6, "ri-cb2"); // row 3 moves to branch 2
    changed.get(2).set(10, "Có"); // and is exempted
    JsonNode preview =
        json(upload("admin", "danh-sach-thang-6.csv", RosterFiles.csv(changed)).getBody());
    assertThat(preview.get("toUpdate").asInt()).isEqualTo(1);
    assertThat(preview.get("unchanged").asInt()).isEqualTo(2);
    commit("admin", preview.get("id").asText());
    assertThat(changeCount()).isEqualTo(changesBefore + 1);
    String memberId =
        jdbc.sql("select id from evaluation.party_member where card_number = 'RI000002'")
            .query(String.class)
            .single();
    JsonNode changes =
        json(
            as("admin")
                .get()
                .uri("/api/v1/members/{m}/changes", memberId)
                .retrieve()
                .body(String.class));
    JsonNode last = changes.get(changes.size() - 1);
    assertThat(last.get("reason").asText())
        .startsWith("Nhập danh sách từ tệp danh-sach-thang-6.csv lúc ");
    assertThat(last.get("changes").findValuesAsText("field"))
        .containsExactly("branchId", "exempted");
    assertThat(last.at("/changes/0/from").asText()).isEqualTo("ri-cb1");
    assertThat(last.at("/changes/0/to").asText()).isEqualTo("ri-cb2");
  }

  @Test
  @Order(5)
  void theExportIsTheTemplateFilledInAndImportsAgainUnchanged() {
    ResponseEntity<byte[]> export =
        as("admin")
            .get()
            .uri("/api/v1/organizations/{o}/roster.xlsx", WARD)
            .retrieve()
            .toEntity(byte[].class);
    assertThat(export.getStatusCode().value()).isEqualTo(200);
    JsonNode preview = json(upload("admin", "xuat.xlsx", export.getBody()).getBody());
    assertThat(preview.get("problemsTotal").asInt()).as(preview.toString()).isZero();
    assertThat(preview.get("unchanged").asInt()).isEqualTo(3);
    byte[] csv =
        as("admin")
            .get()
            .uri("/api/v1/organizations/{o}/roster.csv", WARD)
            .retrieve()
            .body(byte[].class);
    assertThat(new String(csv, StandardCharsets.UTF_8))
        .contains("RI000002")
        .contains("Nguyễn Thị Mai");
    JsonNode fromCsv = json(upload("admin", "xuat.csv", csv).getBody());
    assertThat(fromCsv.get("unchanged").asInt()).as(fromCsv.toString()).isEqualTo(3);
  }

  @Test
  @Order(6)
  void onlyAdministratorsAndTheOrganizationsCommitteeImport() {
    byte[] file = RosterFiles.csv(goodRows());
    for (String user : List.of("committee", "secretary1", "auditor", "district", "member1")) {
      assertThat(upload(user, "x.csv", file).getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(
              as(user)
                  .get()
                  .uri("/api/v1/organizations/{o}/roster.xlsx", WARD)
                  .retrieve()
                  .toEntity(String.class)
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(upload("admin", "x.csv", new byte[0]).getStatusCode().value()).isEqualTo(400);
    assertThat(
            as("admin")
                .post()
                .uri("/api/v1/organizations/nowhere/roster-imports?fileName=x.csv")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(file)
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  static List<List<String>> goodRows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(RosterFiles.heading());
    rows.add(RosterFiles.row("Nguyễn Thị Mai", "RI000001", "ri-cb1"));
    rows.add(
        RosterFiles.row("Trần Văn Nam", "RI000002", "Chi bộ Khối phố 1")); // the branch by its name
    List<String> probationary =
        RosterFiles.row("Lê Thị Hồng", "RI000003", "RI-CB2"); // by its code, any case
    probationary.set(4, "19/05/2024");
    probationary.set(5, "");
    rows.add(probationary);
    return rows;
  }

  private ResponseEntity<String> upload(String user, String name, byte[] file) {
    return as(user)
        .post()
        .uri("/api/v1/organizations/{o}/roster-imports?fileName={n}", WARD, name)
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
        .body(file)
        .retrieve()
        .toEntity(String.class);
  }

  private ResponseEntity<String> commit(String user, String id) {
    return as(user)
        .post()
        .uri("/api/v1/roster-imports/{id}/commit", id)
        .retrieve()
        .toEntity(String.class);
  }

  private int members() {
    return jdbc.sql(
            "select count(*) from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id "
                + "where b.organization_id = :o")
        .param("o", WARD)
        .query(Integer.class)
        .single();
  }

  private int changeCount() {
    return jdbc.sql(
            "select count(*) from evaluation.member_roster_change c join evaluation.party_member m "
                + "on m.id = c.member_id join evaluation.branch b on b.id = m.branch_id where b.organization_id = :o")
        .param("o", WARD)
        .query(Integer.class)
        .single();
  }

  static void assertProblem(JsonNode preview, int row, String column, String reason) {
    for (JsonNode problem : preview.get("problems")) {
      if (problem.get("row").asInt() == row
          && problem.get("column").asText().equals(column)
          && problem.get("reason").asText().equals(reason)) {
        assertThat(problem.get("message").asText()).isNotBlank();
        assertThat(problem.get("messageEn").asText())
            .isNotBlank()
            .isNotEqualTo(problem.get("message").asText());
        return;
      }
    }
    throw new AssertionError(
        "no problem "
            + reason
            + " at row "
            + row
            + " column "
            + column
            + " in "
            + preview.get("problems"));
  }
}
