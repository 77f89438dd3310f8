package vn.party.evaluation.account;

import org.springframework.stereotype.Component;
import vn.party.evaluation.account.flow.MemberSignIns;
import vn.party.evaluation.security.SystemAccess;

/**
 * A member's sign-in (an engine user whose id is the member id, in group {@code members}), created with a one-time
 * password; disabled, never deleted, when the member leaves (the record and its history stay readable). Runs in the
 * caller's transaction, as the system: who may create accounts is the caller's rule. The engine's side is {@link
 * MemberSignIns}.
 */
@Component
public class MemberAccounts {

  private final MemberSignIns signIns;
  private final SystemAccess system;
  private final OneTimePasswords passwords;
  private final Accounts accounts;

  public MemberAccounts(
      MemberSignIns signIns, SystemAccess system, OneTimePasswords passwords, Accounts accounts) {
    this.signIns = signIns;
    this.system = system;
    this.passwords = passwords;
    this.accounts = accounts;
  }

  public boolean exists(String memberId) {
    return system.call(() -> signIns.exists(memberId));
  }

  /** Whether the sign-in is an administrator's or an inspector's ({@code camunda-admin}, {@code auditors}). */
  public boolean staff(String userId) {
    return system.call(() -> signIns.staff(userId));
  }

  /**
   * Creates the account; its one-time password, which must be changed at first sign-in ({@link Accounts}), or null
   * when the account existed already.
   */
  public String create(String memberId, String fullName, String email) {
    String password = passwords.generate() + passwords.generate();
    boolean created = system.call(() -> signIns.create(memberId, fullName, email, password));
    return created ? accounts.issueOneTimePassword(memberId, Accounts.ROSTER_IMPORT) : null;
  }

  /**
   * The member cannot sign in any more — out of every group, the password replaced by a random one nobody is told —
   * but the account stays (CE has no "disabled" flag; the tasks' history and the timeline still name it).
   */
  public void disable(String memberId) {
    String unknown = passwords.generate() + passwords.generate() + passwords.generate();
    system.call(
        () -> {
          signIns.disable(memberId, unknown);
          return null;
        });
  }
}
