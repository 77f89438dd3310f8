package vn.party.evaluation.account.flow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;

/**
 * The engine's side of a member's sign-in (a thin adapter over its identity store): the account, its place in the
 * members' group {@link Groups#MEMBERS} (made with the first account on a database started without the demo), and
 * disabling it. The caller runs as the system and decides who may.
 */
@Component
public class MemberSignIns {

  private final IdentityService identity;

  public MemberSignIns(IdentityService identity) {
    this.identity = identity;
  }

  public boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  /** Whether the user is in {@code camunda-admin} or {@code auditors}. */
  public boolean staff(String userId) {
    return identity
            .createGroupQuery()
            .groupMember(userId)
            .groupIdIn(Groups.ADMINS, Groups.AUDITORS)
            .count()
        > 0;
  }

  /** Creates the account with the password given, in the members' group; false when it existed already. */
  public boolean create(String userId, String fullName, String email, String password) {
    if (exists(userId)) {
      return false;
    }
    User user = identity.newUser(userId);
    int space = fullName.lastIndexOf(' ');
    user.setFirstName(space > 0 ? fullName.substring(0, space) : fullName);
    user.setLastName(space > 0 ? fullName.substring(space + 1) : "");
    user.setEmail(email);
    user.setPassword(password);
    identity.saveUser(user);
    ensureMembersGroup();
    identity.createMembership(userId, Groups.MEMBERS);
    return true;
  }

  /**
   * Out of every group but {@code camunda-admin} and {@code auditors}, the password replaced by the one given (nobody is
   * told it); the account stays. Those two keep the (now unusable) sign-in: taking it out could leave either group
   * empty — with no administrator the webapps' setup page lets anyone create one (seventh session's outsider: an
   * administrator's account adopted as a party member's, then the member's leaving).
   */
  public void disable(String userId, String unknownPassword) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return;
    }
    identity.createGroupQuery().groupMember(userId).list().stream()
        .filter(group -> !Groups.ADMINS.equals(group.getId()))
        .filter(group -> !Groups.AUDITORS.equals(group.getId()))
        .forEach(group -> identity.deleteMembership(userId, group.getId()));
    user.setPassword(unknownPassword);
    identity.saveUser(user);
  }

  private void ensureMembersGroup() {
    if (identity.createGroupQuery().groupId(Groups.MEMBERS).count() == 0) {
      Group members = identity.newGroup(Groups.MEMBERS);
      members.setName("Đảng viên");
      members.setType("WORKFLOW");
      identity.saveGroup(members);
    }
  }
}
