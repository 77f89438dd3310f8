package vn.party.evaluation.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.process.Groups;

/**
 * Demo data for a local run (profile {@code demo}): the ward party committee of Thanh Khê Tây with three branches
 * of five fictional members each, their secretaries, the grassroots committee and an auditor. member1, member6 and
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
  private static final String MAIL_DOMAIN = "@thanhkhetay.example.vn";
  private static final List<String[]> MEMBER_NAMES = List.of(
      new String[] {"Nguyễn Văn", "An"}, new String[] {"Trần Thị", "Bình"}, new String[] {"Lê Văn", "Cường"},
      new String[] {"Phạm Thị", "Dung"}, new String[] {"Hoàng Văn", "Em"}, new String[] {"Võ Thị", "Giang"},
      new String[] {"Đặng Văn", "Hải"}, new String[] {"Bùi Thị", "Hoa"}, new String[] {"Đỗ Văn", "Khánh"},
      new String[] {"Hồ Thị", "Lan"}, new String[] {"Ngô Văn", "Minh"}, new String[] {"Dương Thị", "Nga"},
      new String[] {"Lý Văn", "Phúc"}, new String[] {"Phan Thị", "Quỳnh"}, new String[] {"Vũ Văn", "Sơn"});
  private static final List<String[]> SECRETARY_NAMES = List.of(
      new String[] {"Trần Văn", "Tâm"}, new String[] {"Lê Thị", "Thu"}, new String[] {"Nguyễn Hữu", "Trí"});

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final boolean unitHeads;

  /**
   * @param unitHeads whether the demo's secretaries head their units ({@link #headOf}): on for the local run, off for
   *     the tests that share this data (a head's decision waits for the unit's rating; those tests run their own)
   */
  public DemoData(JdbcClient jdbc, IdentityService identity,
      @org.springframework.beans.factory.annotation.Value("${evaluation.demo.unit-heads:false}") boolean unitHeads) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.unitHeads = unitHeads;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from evaluation.organization where id = :id").param("id", ORGANIZATION)
        .query(Integer.class).single() > 0) {
      return;
    }
    jdbc.sql("insert into evaluation.organization (id, name, established_on) values (:id, :name, date '1997-01-01')")
        .param("id", ORGANIZATION).param("name", "Đảng bộ phường Thanh Khê Tây").update();
    group(Groups.MEMBERS, "Đảng viên", "WORKFLOW");
    group(Groups.AUDITORS, "Ủy ban kiểm tra", "WORKFLOW");
    String committeeGroup = Groups.organizationCommittee(ORGANIZATION);
    group(committeeGroup, "Đảng ủy phường Thanh Khê Tây", "WORKFLOW");
    String superiorGroup = Groups.superiorCommittee(ORGANIZATION);
    group(superiorGroup, "Ban Thường vụ Quận ủy Thanh Khê", "WORKFLOW");

    for (int b = 1; b <= 3; b++) {
      String branchId = ORGANIZATION + "-cb" + b;
      jdbc.sql("insert into evaluation.branch (id, organization_id, name) values (:id, :org, :name)")
          .param("id", branchId).param("org", ORGANIZATION).param("name", "Chi bộ Khu dân cư số " + b).update();
      String branchGroup = Groups.branchCommittee(branchId);
      group(branchGroup, "Chi ủy Chi bộ Khu dân cư số " + b, "WORKFLOW");
      String[] secretary = SECRETARY_NAMES.get(b - 1);
      user("secretary" + b, secretary[0], secretary[1], branchGroup);

      for (int m = 1; m <= 5; m++) {
        int n = (b - 1) * 5 + m;
        String memberId = "member" + n;
        String[] name = MEMBER_NAMES.get(n - 1);
        user(memberId, name[0], name[1], Groups.MEMBERS);
        jdbc.sql("""
                insert into evaluation.party_member (id, full_name, email, branch_id, membership, status, admitted_on,
                  leadership, head_of)
                values (:id, :name, :email, :branch, 'OFFICIAL', 'ACTIVE', date '2010-05-19', :leadership, :headOf)""")
            .param("id", memberId).param("leadership", leadership(n, m))
            .param("headOf", unitHeads ? headOf(n, m) : null)
            .param("name", name[0] + " " + name[1]).param("email", memberId + MAIL_DOMAIN)
            .param("branch", branchId).update();
      }
    }
    user("committee", "Thường trực", "Đảng ủy", committeeGroup);
    user("auditor", "Ủy ban", "Kiểm tra", Groups.AUDITORS);
    user("district", "Ban Thường vụ", "Quận ủy", superiorGroup);
    log.info("demo data loaded: organization {} with 3 branches and 15 members (passwords: {})", ORGANIZATION,
        PASSWORD);
  }

  /**
   * Leadership collectives, for the collective caps: the first member of each branch sits on its branch committee
   * (phó bí thư chi bộ), member2 also on the grassroots committee.
   */
  private static String leadership(int n, int m) {
    return n == 2 ? "ORGANIZATION_COMMITTEE" : m == 1 ? "BRANCH_COMMITTEE" : null;
  }

  /**
   * Who heads which unit, when {@code evaluation.demo.unit-heads} is on: the first member of each branch is its
   * secretary (bí thư chi bộ), member2 the organization's (bí thư đảng ủy).
   */
  private static String headOf(int n, int m) {
    return n == 2 ? "ORGANIZATION" : m == 1 ? "BRANCH" : null;
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
      // the demo's well-known password is below the password policy on purpose (the login page says so)
      ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
    }
    identity.createMembership(id, groupId);
  }
}
