package vn.party.evaluation.accounts;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.party.evaluation.account.Accounts;
import vn.party.evaluation.accounts.flow.MembersGroup;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.SystemAccess;

/**
 * A member's sign-in (an engine user whose id is the member id, in group {@code members}), created with a one-time
 * password; disabled, never deleted, when the member leaves (the record and its history stay readable). Runs in the
 * caller's transaction, as the system: who may create accounts is the caller's rule.
 */
@Component
public class MemberAccounts {

  private final IdentityService identity;
  private final SystemAccess system;
  private final OneTimePasswords passwords;
  private final Accounts accounts;

  /** Injected apart, so that the constructor (recorded in the engine-dependency freeze) keeps its signature. */
  @Autowired private MembersGroup membersGroup;

  public MemberAccounts(
      IdentityService identity,
      SystemAccess system,
      OneTimePasswords passwords,
      Accounts accounts) {
    this.identity = identity;
    this.system = system;
    this.passwords = passwords;
    this.accounts = accounts;
  }

  public boolean exists(String memberId) {
    return system.call(() -> identity.createUserQuery().userId(memberId).count() > 0);
  }

  /**
   * Creates the account; its one-time password, which must be changed at first sign-in ({@link Accounts}), or null
   * when the account existed already.
   */
  public String create(String memberId, String fullName, String email) {
    boolean created =
        system.call(
            () -> {
              if (identity.createUserQuery().userId(memberId).count() > 0) {
                return false;
              }
              String password = passwords.generate() + passwords.generate();
              User user = identity.newUser(memberId);
              int space = fullName.lastIndexOf(' ');
              user.setFirstName(space > 0 ? fullName.substring(0, space) : fullName);
              user.setLastName(space > 0 ? fullName.substring(space + 1) : "");
              user.setEmail(email);
              user.setPassword(password);
              identity.saveUser(user);
              membersGroup
                  .ensure(); // a database started without the demo has none before the first
              // account
              identity.createMembership(memberId, Groups.MEMBERS);
              return true;
            });
    return created ? accounts.issueOneTimePassword(memberId, Accounts.ROSTER_IMPORT) : null;
  }

  /**
   * The member cannot sign in any more — out of every group, the password replaced by a random one nobody is told —
   * but the account stays (CE has no "disabled" flag; the tasks' history and the timeline still name it).
   */
  public void disable(String memberId) {
    system.call(
        () -> {
          User user = identity.createUserQuery().userId(memberId).singleResult();
          if (user == null) {
            return null;
          }
          identity
              .createGroupQuery()
              .groupMember(memberId)
              .list()
              .forEach(group -> identity.deleteMembership(memberId, group.getId()));
          user.setPassword(passwords.generate() + passwords.generate() + passwords.generate());
          identity.saveUser(user);
          return null;
        });
  }
}
