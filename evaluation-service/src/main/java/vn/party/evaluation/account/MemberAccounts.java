package vn.party.evaluation.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** An account to create for a member: the member's id (the sign-in), name and e-mail address. */
  public record NewAccount(String memberId, String fullName, String email) {}

  public boolean exists(String memberId) {
    return system.call(() -> signIns.exists(memberId));
  }

  /**
   * Whether the sign-in has a role beyond {@code members} (an administrator's, an inspector's, a committee seat
   * holder's): never adopted as a party member's.
   */
  public boolean inOtherGroups(String userId) {
    return system.call(() -> signIns.inOtherGroups(userId));
  }

  /** Which of these sign-ins have a role beyond {@code members}: one query, however many they are. */
  public Set<String> inOtherGroups(Collection<String> userIds) {
    return system.call(() -> signIns.inOtherGroups(userIds));
  }

  /** The names of these sign-ins (first and last name), by id: one query; one without a name is left out. */
  public Map<String, String> names(Collection<String> userIds) {
    return system.call(() -> signIns.names(userIds));
  }

  /** Which of these sign-ins exist: one query, however many they are. */
  public Set<String> existing(Collection<String> memberIds) {
    return system.call(() -> signIns.existing(memberIds));
  }

  /**
   * Creates the account, or adopts the sign-in without a member that has the id ({@link #createAll}); its one-time
   * password, which must be changed at first sign-in ({@link Accounts}).
   */
  public String create(String memberId, String fullName, String email, String by) {
    return createAll(List.of(new NewAccount(memberId, fullName, email)), by).get(memberId);
  }

  /**
   * Signs in the members: an account that does not exist is created, one that exists (a sign-in without a member the
   * caller adopts, never an administrator's or inspector's) is taken over — both with the member's name and e-mail
   * address, in the members' group, and with a one-time password that must be changed at first sign-in, set in one
   * engine command however many they are (the roster import signs them in a chunk at a time). Adopted or new, the
   * account is treated alike (seventh session's outsider, 5a: an adopted account kept the password the administrator
   * gave it); each is recorded as {@link Accounts#oneTimePasswordSetByImport} does, set by {@code by} (the importer,
   * not "the system": eighth session's outsider, 3b), who is also named when an adopted account's address changes.
   * The one-time passwords by member id, in the order given.
   */
  public Map<String, String> createAll(List<NewAccount> newAccounts, String by) {
    Map<String, String> oneTime = new LinkedHashMap<>();
    List<MemberSignIns.NewSignIn> toCreate = new ArrayList<>(newAccounts.size());
    for (NewAccount account : newAccounts) {
      if (oneTime.containsKey(account.memberId())) {
        continue; // signed in once, with the first password
      }
      String password = accounts.newOneTimePassword(account.memberId());
      oneTime.put(account.memberId(), password);
      toCreate.add(
          new MemberSignIns.NewSignIn(
              account.memberId(), account.fullName(), account.email(), password));
    }
    Set<String> signedIn = system.call(() -> signIns.createAll(toCreate, by));
    oneTime.keySet().retainAll(signedIn);
    oneTime.keySet().forEach(id -> accounts.oneTimePasswordSetByImport(id, by));
    return oneTime;
  }

  /**
   * Gives the members' existing sign-ins their new roster addresses (member id to address), in one engine command
   * however many; a member without a sign-in is skipped. The caller tells the previous addresses ({@link
   * EmailChanges}): these saves tell nothing. The ids whose sign-in's address was set.
   */
  public Set<String> setEmails(Map<String, String> emails) {
    if (emails.isEmpty()) {
      return Set.of();
    }
    return system.call(() -> signIns.setEmails(emails));
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
