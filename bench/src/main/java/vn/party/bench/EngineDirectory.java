package vn.party.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Engine users and groups, created as {@code admin} through the engine REST API as an administrator would
 * ({@code POST /engine-rest/user/create}, {@code /group/create}, {@code PUT /group/{id}/members/{userId}}); password
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

  static void createGroup(EvaluationClient client, String admin, String groupId) throws Exception {
    EvaluationClient.expect(
        client.post(
            "/engine-rest/group/create",
            admin,
            Map.of("id", groupId, "name", groupId, "type", "WORKFLOW")),
        204,
        "create group " + groupId);
  }

  static void addMember(EvaluationClient client, String admin, String groupId, String userId)
      throws Exception {
    EvaluationClient.expect(
        client.put("/engine-rest/group/" + groupId + "/members/" + userId, admin),
        204,
        "add " + userId + " to " + groupId);
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
      EvaluationClient client, String admin, People people, int threads) {
    List<String> users = people.users();
    List<String[]> memberships = people.memberships();
    Load.Measurement u =
        Load.run(
            users.size(),
            threads,
            i -> createUser(client, admin, users.get(i), people.email(users.get(i))));
    failOnErrors("creating users of " + people.organizationId(), u);
    Load.Measurement g =
        Load.run(
            memberships.size(),
            threads,
            i -> {
              createGroup(client, admin, memberships.get(i)[0]);
              addMember(client, admin, memberships.get(i)[0], memberships.get(i)[1]);
            });
    failOnErrors("creating groups of " + people.organizationId(), g);
    return new Load.Measurement(
        u.operations() + g.operations(), 0, u.wallNanos() + g.wallNanos(), u.latencies(), null);
  }

  static void failOnErrors(String what, Load.Measurement m) {
    if (m.errors() > 0) {
      throw new IllegalStateException(
          what + ": " + m.errors() + " of " + m.operations() + " failed, first: " + m.firstError());
    }
  }
}
