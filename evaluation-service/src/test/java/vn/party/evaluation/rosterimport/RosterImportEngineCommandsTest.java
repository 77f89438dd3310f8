package vn.party.evaluation.rosterimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.party.evaluation.EngineCommands.counted;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.EngineCommands.Counted;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.UnitFixture;
import vn.party.evaluation.account.Accounts;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * A commit of many new members runs a few engine commands per chunk of rows ({@link RosterImportService#CHUNK}), not
 * some per member: inside the commit's transaction every engine command keeps its command context in memory until the
 * commit (Camunda's {@code SpringTransactionContext} registers a transaction synchronization holding it), and a
 * 50,000-member commit running about seven per member ran out of heap (bench of 2026-12-07). The preview, too, looks
 * the accounts named in the file up a chunk at a time. Still every row or none: a problem in a late row, after
 * earlier chunks' accounts were created, leaves no member, sign-in, flag or event behind. Organization {@code rb-ward}
 * of its own; the service is called on the test's thread, so that the engine commands counted are the import's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterImportEngineCommandsTest extends EvaluationFlowSupport {

  private static final String WARD = "rb-ward";
  private static final String BRANCH = "rb-cb1";
  private static final CurrentUser ADMIN = new CurrentUser("admin", List.of(Groups.ADMINS));

  @Autowired RosterImportService service;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired IdentityService identityService;

  @BeforeAll
  void ward() {
    unitFixture()
        .post("ORGANIZATION", UnitFixture.ABOVE, "Đảng bộ phường Nhập Nhiều", WARD, "2001-01-01");
    unitFixture().post("BRANCH", WARD, "Chi bộ Nhập Nhiều", BRANCH, null);
  }

  /** Card numbers of this run: "RB", four letters or digits of its own, the row. */
  private static String tag() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase(Locale.ROOT);
  }

  /**
   * {@code members} rows; every third names its account ({@code rb<tag>-acc-<n>}); the fifth member's card is the
   * fourth's in lower case (another card, but the same id "dv…": it gets "dv…-2").
   */
  private static List<List<String>> rows(String tag, int members) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(RosterFiles.heading());
    for (int m = 1; m <= members; m++) {
      String card = "RB" + tag + String.format("%05d", m);
      if (m == 4) {
        card = "RB" + tag + "0000X";
      } else if (m == 5) {
        card = ("RB" + tag + "0000X").toLowerCase(Locale.ROOT);
      }
      List<String> row = RosterFiles.row("Đảng viên nhập nhiều " + m, card, BRANCH);
      row.add(m % 3 == 0 ? ("rb" + tag + "-acc-" + m).toLowerCase(Locale.ROOT) : "");
      rows.add(row);
    }
    return rows;
  }

  @Test
  void aCommitRunsAFewEngineCommandsPerChunkNotSomePerMember() {
    String tag = tag();
    int members = 1_234; // chunks of 500, 500 and 234
    int chunks = (members + RosterImportService.CHUNK - 1) / RosterImportService.CHUNK;
    byte[] file = RosterFiles.csv(rows(tag, members));

    Counted<RosterImportService.Preview> preview =
        counted(engine, () -> service.preview(WARD, "nhieu.csv", file, ADMIN));
    assertThat(preview.value().problemsTotal()).as(preview.value().problems().toString()).isZero();
    assertThat(preview.value().toCreate()).isEqualTo(members);
    // before: one engine query per row naming its account, two commands each (822 here)
    assertThat(preview.commands())
        .as("engine commands of the preview: %s", preview.byClass())
        .isLessThanOrEqualTo(chunks);

    Counted<RosterImportService.Result> commit =
        counted(engine, () -> service.commit(preview.value().id(), ADMIN));
    // before: twelve per member (14,808 here): the id looked up, the account made and saved, the
    // group looked up, the membership, the account looked up again and saved with its one-time
    // password (each query two commands: made, then run)
    assertThat(commit.commands())
        .as("engine commands of the commit: %s", commit.byClass())
        .isLessThanOrEqualTo(2 * chunks + 2);

    RosterImportService.Result result = commit.value();
    assertThat(result.created()).isEqualTo(members);
    assertThat(result.accounts()).hasSize(members);
    String lower = tag.toLowerCase(Locale.ROOT);
    List<String> ids =
        result.accounts().stream().map(RosterImportService.NewAccount::memberId).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids.subList(0, 5))
        .containsExactly(
            "dvrb" + lower + "00001",
            "dvrb" + lower + "00002",
            "rb" + lower + "-acc-3",
            "dvrb" + lower + "0000x",
            "dvrb" + lower + "0000x-2");
    assertThat(result.accounts().get(4).cardNumber()).isEqualTo("rb" + lower + "0000x");
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.party_member m join evaluation.branch b "
                        + "on b.id = m.branch_id where b.organization_id = :o and m.card_number ilike :c")
                .param("o", WARD)
                .param("c", "rb" + tag + "%")
                .query(Integer.class)
                .single())
        .isEqualTo(members);
    assertThat(count("select count(*) from public.act_id_user where id_ in (:ids)", ids))
        .isEqualTo(members);
    assertThat(
            count(
                "select count(*) from public.act_id_membership where group_id_ = 'members' "
                    + "and user_id_ in (:ids)",
                ids))
        .isEqualTo(members);
    assertThat(
            count(
                "select count(*) from evaluation.account_password where must_change "
                    + "and set_by = 'admin' and user_id in (:ids)",
                ids))
        .isEqualTo(members);
    assertThat(
            count(
                "select count(*) from evaluation.password_reset where door = 'ROSTER_IMPORT' "
                    + "and reset_by = 'admin' and user_id in (:ids)",
                ids))
        .isEqualTo(members);
    assertThat(
            count(
                "select count(*) from evaluation.outbox where event_type = '"
                    + Accounts.ACCOUNT_CHANGED
                    + "' and message_key in (:ids)",
                ids))
        .isEqualTo(members);
    // the one-time password is the account's, in the first chunk and in the last
    for (RosterImportService.NewAccount account :
        List.of(result.accounts().get(0), result.accounts().get(members - 1))) {
      assertThat(identityService.checkPassword(account.memberId(), account.oneTimePassword()))
          .as(account.memberId())
          .isTrue();
    }
  }

  @Test
  void aProblemInALateRowLeavesNothingBehindThoughEarlierChunksWereWritten() {
    String tag = tag();
    int members = 1_100;
    List<List<String>> rows = rows(tag, members);
    rows.get(1_050).set(4, "2010-05-19"); // row 1,051: admitted on, not dd/MM/yyyy
    byte[] file = RosterFiles.csv(rows);
    RosterImportService.Preview preview = service.preview(WARD, "loi-muon.csv", file, ADMIN);
    assertThat(preview.problemsTotal()).isEqualTo(1);

    assertThatThrownBy(() -> service.commit(preview.id(), ADMIN))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));

    String lower = tag.toLowerCase(Locale.ROOT);
    assertThat(
            jdbc.sql("select count(*) from evaluation.party_member where card_number ilike :c")
                .param("c", "rb" + tag + "%")
                .query(Integer.class)
                .single())
        .isZero();
    for (String pattern : List.of("dvrb" + lower + "%", "rb" + lower + "-acc-%")) {
      assertThat(
              jdbc.sql("select count(*) from public.act_id_user where id_ like :p")
                  .param("p", pattern)
                  .query(Integer.class)
                  .single())
          .as(pattern)
          .isZero();
      assertThat(
              jdbc.sql("select count(*) from evaluation.account_password where user_id like :p")
                  .param("p", pattern)
                  .query(Integer.class)
                  .single())
          .as(pattern)
          .isZero();
      assertThat(
              jdbc.sql("select count(*) from evaluation.outbox where message_key like :p")
                  .param("p", pattern)
                  .query(Integer.class)
                  .single())
          .as(pattern)
          .isZero();
    }
  }

  /**
   * An adopted sign-in is signed in as a new member's is, in the same engine command as the chunk's new accounts
   * (seventh session's outsider, 5a: it used to keep the password it had, and its address): a one-time password,
   * listed with the new ones, to be changed first; the old password no longer works. (Through the API, with an
   * account the administrator made: {@code RosterImportSignInsTest}.)
   */
  @Test
  void aSignInWithoutAMemberIsAdoptedByAnAdministratorWithAOneTimePassword() {
    String tag = tag();
    String lower = tag.toLowerCase(Locale.ROOT);
    String solo = "rb" + lower + "-solo";
    String password = "Sông-Hàn-mùa-nước-nổi-2026";
    User user = identityService.newUser(solo);
    user.setFirstName("Người");
    user.setLastName("Riêng");
    user.setPassword(password);
    identityService.saveUser(user);
    List<List<String>> rows = new ArrayList<>();
    rows.add(RosterFiles.heading());
    List<String> first = RosterFiles.row("Đảng viên mới", "RB" + tag + "00001", BRANCH);
    first.add("");
    rows.add(first);
    List<String> adopted = RosterFiles.row("Người Riêng", "RB" + tag + "00002", BRANCH);
    adopted.add(solo);
    rows.add(adopted);

    RosterImportService.Preview preview =
        service.preview(WARD, "nhan.csv", RosterFiles.csv(rows), ADMIN);
    assertThat(preview.problemsTotal()).as(preview.problems().toString()).isZero();
    RosterImportService.Result result = service.commit(preview.id(), ADMIN);

    assertThat(result.created()).isEqualTo(2);
    // the sign-in that existed gets a one-time password as the new one does: its own no longer
    // works
    assertThat(result.accounts())
        .extracting(RosterImportService.NewAccount::memberId)
        .containsExactly("dvrb" + lower + "00001", solo);
    assertThat(
            jdbc.sql("select id from evaluation.party_member where card_number = :c")
                .param("c", "RB" + tag + "00002")
                .query(String.class)
                .single())
        .isEqualTo(solo);
    assertThat(identityService.checkPassword(solo, password)).isFalse();
    assertThat(identityService.checkPassword(solo, result.accounts().get(1).oneTimePassword()))
        .isTrue();
    assertThat(
            count(
                "select count(*) from evaluation.account_password where must_change "
                    + "and set_by = 'admin' and user_id in (:ids)",
                List.of(solo)))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from public.act_id_membership where group_id_ = 'members' "
                    + "and user_id_ in (:ids)",
                List.of(solo)))
        .isEqualTo(1);
  }

  private int count(String sql, List<String> ids) {
    return jdbc.sql(sql).param("ids", ids).query(Integer.class).single();
  }
}
