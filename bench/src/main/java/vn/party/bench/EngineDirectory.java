package vn.party.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Engine users, created as {@code admin} through the engine REST API as an administrator would ({@code POST
 * /engine-rest/user/create}), and the committees' seats, written straight into the engine's identity tables like the
 * generated organization itself: committee groups are the units' pages' to fill and the engine refuses them to any
 * person, the administrator included (issue 12), and a seat there must be a member of the unit, which the bench's
 * secretaries are not. Password
 * {@value #PASSWORD} for everybody (it meets the password policy: ≥ 10 characters, not the id, not a common one). Set-up, timed apart from what is measured.
 */
final class EngineDirectory {

  static final String PASSWORD = "bench-load-2026";

  private EngineDirectory() {}

  static void createUser(EvaluationClient client, String admin, String userId, String email)
      throws Exception {
    Map<String, Object> body =
        Map.of(
            "profile",
                Map.of("id", userId, "firstName", "Bench", "lastName", userId, "email", email),
            "credentials", Map.of("password", PASSWORD));
    EvaluationClient.expect(
        client.post("/engine-rest/user/create", admin, body), 204, "create user " + userId);
  }

  /**
   * The bench's people as after their first sign-in: an account an administrator creates carries a one-time password
   * that must be changed before anything else (issue 12), which a person does once on the password page. The bench
   * clears that flag in the service's table for its own users instead, like the seats below (set-up, untimed).
   */
  static void signedInOnce(DataSource data, List<String> userIds) {
    try (Connection c = data.getConnection();
        PreparedStatement done =
            c.prepareStatement(
                "update evaluation.account_password set must_change = false, set_by = user_id"
                    + " where user_id = any(?)")) {
      done.setArray(1, c.createArrayOf("varchar", userIds.toArray()));
      done.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "clearing the first sign-in of " + userIds.size() + " users", e);
    }
  }

  /**
   * The users in the members' group ({@code members}, "Đảng viên"), as the roster import puts a member's sign-in
   * (set-up, untimed; the group made as the service makes it on a database without the demo).
   */
  static void inMembersGroup(DataSource data, List<String> userIds) {
    try (Connection c = data.getConnection();
        PreparedStatement group =
            c.prepareStatement(
                "insert into act_id_group (id_, rev_, name_, type_) values ('members', 1, 'Đảng viên',"
                    + " 'WORKFLOW') on conflict do nothing");
        PreparedStatement member =
            c.prepareStatement(
                "insert into act_id_membership (user_id_, group_id_)"
                    + " select u, 'members' from unnest(?) as u on conflict do nothing")) {
      group.executeUpdate();
      member.setArray(1, c.createArrayOf("varchar", userIds.toArray()));
      member.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "putting " + userIds.size() + " users in the members' group", e);
    }
  }

  /** The committee seats ({group, user} pairs), as the units' pages leave them in the engine's tables. */
  static void seat(DataSource data, List<String[]> memberships) throws SQLException {
    try (Connection c = data.getConnection();
        PreparedStatement group =
            c.prepareStatement(
                "insert into act_id_group (id_, rev_, name_, type_) values (?, 1, ?, 'WORKFLOW')"
                    + " on conflict do nothing");
        PreparedStatement member =
            c.prepareStatement(
                "insert into act_id_membership (user_id_, group_id_) values (?, ?)"
                    + " on conflict do nothing")) {
      for (String[] pair : memberships) {
        group.setString(1, pair[0]);
        group.setString(2, pair[0]);
        group.addBatch();
        member.setString(1, pair[1]);
        member.setString(2, pair[0]);
        member.addBatch();
      }
      group.executeBatch();
      member.executeBatch();
    }
  }

  /**
   * One organization's people for the whole lifecycle: every member a user; per branch a secretary
   * ({@code <branch>-secretary}) in the branch committee group, and one user ({@code <org>-committee}) in the
   * grassroots committee group. Each with an e-mail address at {@code <org>.example.vn}, so that the e-mails of one
   * organization can be told apart. Group ids as {@code vn.party.evaluation.process.Groups} builds them.
   */
  record People(String organizationId, List<String> members, List<String> branches) {

    static People of(String organizationId, List<String> members, int branchSize) {
      List<String> branches = new ArrayList<>();
      for (int b = 1; b <= (members.size() + branchSize - 1) / branchSize; b++) {
        branches.add(organizationId + "-cb" + b);
      }
      return new People(organizationId, List.copyOf(members), List.copyOf(branches));
    }

    String domain() {
      return domainOf(organizationId);
    }

    static String domainOf(String organizationId) {
      return organizationId + ".example.vn";
    }

    String email(String userId) {
      return userId + "@" + domain();
    }

    static String secretary(String branchId) {
      return branchId + "-secretary";
    }

    /** Branches are filled in member order, {@code branchSize} each (as {@link OrganizationGenerator} does). */
    String branchOf(int memberIndex, int branchSize) {
      return branches.get(memberIndex / branchSize);
    }

    String committee() {
      return organizationId + "-committee";
    }

    static String branchCommitteeGroup(String branchId) {
      return "branch-committee-" + branchId;
    }

    String organizationCommitteeGroup() {
      return "org-committee-" + organizationId;
    }

    /** Users to create: members, secretaries, the committee user. */
    List<String> users() {
      List<String> users = new ArrayList<>(members);
      branches.forEach(b -> users.add(secretary(b)));
      users.add(committee());
      return users;
    }

    /** {group, user} pairs of the committees. */
    List<String[]> memberships() {
      List<String[]> pairs = new ArrayList<>();
      branches.forEach(b -> pairs.add(new String[] {branchCommitteeGroup(b), secretary(b)}));
      pairs.add(new String[] {organizationCommitteeGroup(), committee()});
      return pairs;
    }
  }

  /** Creates the users, groups and memberships of {@code people} with {@code threads} workers; returns the load. */
  static Load.Measurement create(
      EvaluationClient client, String admin, DataSource data, People people, int threads) {
    List<String> users = people.users();
    List<String[]> memberships = people.memberships();
    Load.Measurement u =
        Load.run(
            users.size(),
            threads,
            i -> createUser(client, admin, users.get(i), people.email(users.get(i))));
    failOnErrors("creating users of " + people.organizationId(), u);
    signedInOnce(data, users);
    long g0 = System.nanoTime();
    try {
      seat(data, memberships);
    } catch (SQLException e) {
      throw new IllegalStateException("seating the committees of " + people.organizationId(), e);
    }
    long seating = System.nanoTime() - g0;
    return new Load.Measurement(
        u.operations() + memberships.size(), 0, u.wallNanos() + seating, u.latencies(), null);
  }

  static void failOnErrors(String what, Load.Measurement m) {
    if (m.errors() > 0) {
      throw new IllegalStateException(
          what + ": " + m.errors() + " of " + m.operations() + " failed, first: " + m.firstError());
    }
  }
}
