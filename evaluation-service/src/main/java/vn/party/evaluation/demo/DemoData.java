package vn.party.evaluation.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.roster.RosterService;
import vn.party.evaluation.rosterimport.RosterImportService;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.unit.UnitApi.NewUnitRequest;
import vn.party.evaluation.unit.UnitApi.SeatRequest;
import vn.party.evaluation.unit.UnitService;

/**
 * Demo data for a local run (profile {@code demo}): the ward party committee of Thanh Khê Tây (under the district
 * committee above, with one sub-committee holding branch 3) with three branches of five fictional members each, loaded
 * through the roster import from the template file {@link #ROSTER_FILE}, their secretaries, the grassroots committee and an auditor. member1, member6 and
 * member11 sit on their branch committees, member2 on the grassroots committee (leadership collectives, for the
 * collective caps); in the local run they also head their units. All people are invented; every demo password is
 * {@code demo}. Loaded once: a second start finds the organization and skips.
 */
@Component
@Profile("demo")
@Order(2)
public class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  static final String ORGANIZATION = "thanh-khe-tay";
  static final String PASSWORD = "demo";
  static final String SUB_COMMITTEE = "thanh-khe-tay-kv2";
  static final String ROSTER_FILE = "demo/danh-sach-dang-vien-thanh-khe-tay.csv";
  private static final String MAIL_DOMAIN = "@thanhkhetay.example.vn";
  private static final List<String[]> SECRETARY_NAMES =
      List.of(
          new String[] {"Trần Văn", "Tâm"},
          new String[] {"Lê Thị", "Thu"},
          new String[] {"Nguyễn Hữu", "Trí"});

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final boolean unitHeads;
  private final UnitService units;
  private final RosterImportService imports;
  private final RosterService roster;

  /** The loader acts as an administrator; its name is what the units' history shows. */
  private static final CurrentUser LOADER = new CurrentUser("system", List.of(Groups.ADMINS));

  /**
   * @param unitHeads whether the demo's secretaries head their units ({@link #headOf}): on for the local run, off for
   *     the tests that share this data (a head's decision waits for the unit's rating; those tests run their own)
   */
  public DemoData(
      JdbcClient jdbc,
      IdentityService identity,
      @Value("${evaluation.demo.unit-heads:false}") boolean unitHeads,
      UnitService units,
      RosterImportService imports,
      RosterService roster) {
    this.roster = roster;
    this.units = units;
    this.imports = imports;
    this.jdbc = jdbc;
    this.identity = identity;
    this.unitHeads = unitHeads;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from evaluation.organization where id = :id")
            .param("id", ORGANIZATION)
            .query(Integer.class)
            .single()
        > 0) {
      return;
    }
    // the tree through the same service as the pages: the district committee above, the ward's
    // grassroots
    // organization, one sub-committee (đảng bộ bộ phận) with branch 3 under it, branches 1 and 2
    // directly below
    units.create(
        new NewUnitRequest(
            "SUPERIOR_COMMITTEE", null, "Quận ủy Thanh Khê", "thanh-khe", "1997-01-01", null),
        LOADER);
    units.create(
        new NewUnitRequest(
            "ORGANIZATION",
            "thanh-khe",
            "Đảng bộ phường Thanh Khê Tây",
            ORGANIZATION,
            "1997-01-01",
            null),
        LOADER);
    units.create(
        new NewUnitRequest(
            "SUB_COMMITTEE",
            ORGANIZATION,
            "Đảng bộ bộ phận Khu vực 2",
            SUB_COMMITTEE,
            "2005-03-01",
            null),
        LOADER);
    group(Groups.MEMBERS, "Đảng viên", "WORKFLOW");
    group(Groups.AUDITORS, "Ủy ban kiểm tra", "WORKFLOW");
    String committeeGroup = Groups.organizationCommittee(ORGANIZATION);
    group(committeeGroup, "Đảng ủy phường Thanh Khê Tây", "WORKFLOW");
    String superiorGroup = Groups.superiorCommittee(ORGANIZATION);
    group(superiorGroup, "Ban Thường vụ Quận ủy Thanh Khê", "WORKFLOW");

    for (int b = 1; b <= 3; b++) {
      String branchId = ORGANIZATION + "-cb" + b;
      units.create(
          new NewUnitRequest(
              "BRANCH",
              b == 3 ? SUB_COMMITTEE : ORGANIZATION,
              "Chi bộ Khu dân cư số " + b,
              branchId,
              null,
              null),
          LOADER);
      String branchGroup = Groups.branchCommittee(branchId);
      group(branchGroup, "Chi ủy Chi bộ Khu dân cư số " + b, "WORKFLOW");
      String[] secretary = SECRETARY_NAMES.get(b - 1);
      user("secretary" + b, secretary[0], secretary[1], branchGroup);
    }
    importRoster();
    user("committee", "Thường trực", "Đảng ủy", committeeGroup);
    user("auditor", "Ủy ban", "Kiểm tra", Groups.AUDITORS);
    user("district", "Ban Thường vụ", "Quận ủy", superiorGroup);
    seatCommittees();
    log.info(
        "demo data loaded: organization {} with 3 branches and 15 members (passwords: {})",
        ORGANIZATION,
        PASSWORD);
  }

  /**
   * The members come in the way a real organization's do: the roster file kept in the repository
   * ({@code demo/danh-sach-dang-vien-thanh-khe-tay.csv}, the template filled in), previewed and committed through the
   * roster import, which makes their sign-ins (the file's account column: member1 … member15) with the roster's names
   * and addresses, in the members' group, as it does for any organization — with one-time passwords. The demo then
   * gives them the README's password, as it does its other accounts ({@link #demoPasswords}). Before, the demo made
   * the sign-ins itself and the import adopted them; an adopted sign-in now gets a one-time password like a new one
   * (seventh session's outsider, 5a), which would have locked every demo member out.
   */
  private void importRoster() {
    byte[] file;
    try (var in = new ClassPathResource(ROSTER_FILE).getInputStream()) {
      file = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RosterImportService.Preview preview =
        imports.preview(ORGANIZATION, ROSTER_FILE.substring(5), file, LOADER);
    if (preview.problemsTotal() > 0) {
      throw new IllegalStateException("the demo roster file has problems: " + preview.problems());
    }
    RosterImportService.Result result = imports.commit(preview.id(), LOADER);
    demoPasswords(
        result.accounts().stream().map(RosterImportService.NewAccount::memberId).toList());
  }

  /**
   * The README's password for the sign-ins the import made, as for the demo's other accounts: below the password
   * policy on purpose and not to be changed first (the login page says so), so no "must change" flag — the demo's own
   * accounts never get one (nor does the administrator in this profile: {@code PasswordPolicyActivation}). The import
   * told each holder of a one-time password ({@code account.changed}); those events are taken back before this
   * transaction commits, since no holder ever had the password they would announce (and a demo member's first
   * notice stays their first task's: the end-to-end tests wait for it). So is the import's record of the passwords it
   * issued ({@code password_reset}): nobody was ever handed them, and the auditors' page listed fifteen resets that
   * never happened (eighth session's outsider, 7b). Only here, in the demo's own transaction, for the accounts it has
   * just made; a real import's record is never taken back.
   */
  private void demoPasswords(List<String> memberIds) {
    if (memberIds.isEmpty()) {
      return;
    }
    for (String id : memberIds) {
      User user = identity.createUserQuery().userId(id).singleResult();
      user.setPassword(PASSWORD);
      ((IdentityServiceImpl) identity).saveUser(user, true);
    }
    jdbc.sql("delete from evaluation.account_password where user_id in (:ids)")
        .param("ids", memberIds)
        .update();
    jdbc.sql(
            "delete from evaluation.password_reset where door = 'ROSTER_IMPORT' "
                + "and user_id in (:ids)")
        .param("ids", memberIds)
        .update();
    jdbc.sql(
            "delete from evaluation.outbox where event_type = :type and message_key in (:ids) "
                + "and published_at is null")
        .param("type", EventTypes.ACCOUNT_CHANGED)
        .param("ids", memberIds)
        .update();
  }

  /**
   * The committees as seats of the tree, held by the committee accounts as before (the engine groups above already
   * hold the same people, so nothing changes there): each branch's secretary account and the committee account (the
   * demo's shared office accounts, on no roster: {@link UnitService#seatDemoAccount}, which no page or API reaches),
   * the district account on the committee above. The auditor is a district/national inspection account in the
   * global auditors group, on no organization's inspection committee (those seats are for the organization's own
   * members). The members who sit on a
   * committee or head a unit keep it as roster facts only, recorded like any change, not as engine groups: their own
   * accounts stay members' accounts (the authorization tests rely on it). member1, member6 and member11 sit on their
   * branch committees (phó bí thư), member2 on the grassroots committee; in the local run they also head their units.
   */
  private void seatCommittees() {
    String reason = "Dữ liệu mẫu / demo data";
    for (int b = 1; b <= 3; b++) {
      units.seatDemoAccount(
          ORGANIZATION + "-cb" + b,
          new SeatRequest("secretary" + b, "COMMITTEE", "SECRETARY", reason),
          LOADER);
    }
    units.seatDemoAccount(
        ORGANIZATION, new SeatRequest("committee", "COMMITTEE", "SECRETARY", reason), LOADER);
    units.seat("thanh-khe", new SeatRequest("district", "COMMITTEE", "SECRETARY", reason), LOADER);
    for (int n : new int[] {1, 6, 11, 2}) {
      var facts = JsonNodeFactory.instance.objectNode();
      facts.put("leadership", n == 2 ? "ORGANIZATION_COMMITTEE" : "BRANCH_COMMITTEE");
      if (unitHeads) {
        facts.put("headOf", n == 2 ? "ORGANIZATION" : "BRANCH");
      }
      facts.put("reason", reason);
      roster.change("member" + n, facts, LOADER);
    }
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  private void user(String id, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + MAIL_DOMAIN);
      user.setPassword(PASSWORD);
      // the demo's well-known password is below the password policy on purpose (the login page says
      // so)
      ((IdentityServiceImpl) identity).saveUser(user, true);
    }
    identity.createMembership(id, groupId);
  }
}
