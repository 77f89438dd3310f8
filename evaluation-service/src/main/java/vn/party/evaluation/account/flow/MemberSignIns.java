package vn.party.evaluation.account.flow;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;

/**
 * The engine's side of a member's sign-in (a thin adapter over its identity store): the account, its place in the
 * members' group {@link Groups#MEMBERS} (made with the first account on a database started without the demo), and
 * disabling it. The caller runs as the system and decides who may.
 *
 * <p>Many accounts at once (the roster import) are looked up and created a chunk at a time, each chunk in ONE engine
 * command: inside a Spring transaction every engine command keeps its whole command context reachable until the
 * transaction ends (Camunda's {@code SpringTransactionContext} registers a transaction synchronization holding it),
 * and a 50,000-member import that ran twelve commands per member ran out of heap (bench of 2026-12-07).
 */
@Component
public class MemberSignIns {

  /** An account to create: its id, the member's name and e-mail address, its first password. */
  public record NewSignIn(String userId, String fullName, String email, String password) {}

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;
  private final JdbcClient jdbc;

  public MemberSignIns(
      IdentityService identity, ProcessEngineConfigurationImpl engine, JdbcClient jdbc) {
    this.identity = identity;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  public boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  /**
   * Whether the account is in a group other than {@code members}: an administrator, an inspector, a committee seat
   * holder, anyone the administrator gave a role. Such an account is never adopted as a party member's (eighth
   * session's outsider: a roster row naming {@code secretary1} took over the branch committee's account, its seat
   * group kept, with a one-time password handed to the administrator).
   */
  public boolean inOtherGroups(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .anyMatch(group -> !Groups.MEMBERS.equals(group.getId()));
  }

  /** Which of these accounts are in a group other than {@code members}: one query (see {@link #existing}). */
  public Set<String> inOtherGroups(Collection<String> userIds) {
    return among(
        userIds,
        "join act_id_membership m on m.user_id_ = asked.id where m.group_id_ not in (:groups)",
        List.of(Groups.MEMBERS));
  }

  /**
   * Which of these accounts exist: one query, read from the engine's table, no engine command. Not the engine's
   * {@code userIdIn} query: its {@code ID_ in (…)} is answered with a sequential scan comparing every row with every
   * id when the table's statistics predate a big import (the first import into a new database: 0.6 s per 500 ids at
   * 44,000 accounts, two thirds of a 50,000-row commit, bench of 2026-12-07); joined to the ids given, each row is
   * looked up once whichever plan is chosen.
   */
  public Set<String> existing(Collection<String> userIds) {
    return among(userIds, "join act_id_user u on u.id_ = asked.id", null);
  }

  /**
   * The names of these accounts (first and last name), read from the engine's table in one query as {@link #existing}
   * reads it; an account without a name, or none, is left out.
   */
  public Map<String, String> names(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    jdbc
        .sql(
            "select u.id_, trim(concat_ws(' ', u.first_, u.last_)) from unnest(cast(:ids as"
                + " varchar[])) as asked(id) join act_id_user u on u.id_ = asked.id")
        .param("ids", userIds.toArray(String[]::new))
        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
        .list()
        .stream()
        .filter(named -> named[1] != null && !named[1].isBlank())
        .forEach(named -> names.put(named[0], named[1]));
    return names;
  }

  /**
   * The ids among {@code userIds} that the engine's table joined by {@code joinedOn} (to {@code asked.id}) holds: one
   * query, the ids given unnested and joined (never {@code in (…)} over the table, see {@link #existing}).
   * {@code groups}, when given, is the query's {@code :groups}.
   */
  private Set<String> among(Collection<String> userIds, String joinedOn, List<String> groups) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    var query =
        jdbc.sql("select asked.id from unnest(cast(:ids as varchar[])) as asked(id) " + joinedOn)
            .param("ids", userIds.toArray(String[]::new));
    if (groups != null) {
      query = query.param("groups", groups);
    }
    return new HashSet<>(query.query(String.class).list());
  }

  /**
   * Signs in each member given, in one engine command (the identity service's own commands run inside it, in its
   * command context): an account that does not exist is created; one that exists — a sign-in without a party member
   * that the caller chose to adopt — is taken over (seventh session's outsider, 5a: an account the administrator made
   * kept the administrator's address and password, in no group, so the administrator could sign in as the new
   * member). Either way the account gets the member's name and e-mail address and the password given (the caller's
   * one-time password) and is in the members' group. An account in any other group (an administrator, an inspector,
   * a seat holder) is never adopted (the caller refuses it before; here it is refused again). The ids signed in, in order; an id given twice once. Inside
   * one command an account just created is not yet in the database, so nothing here asks for it again. The engine
   * works on the caller's transaction's connection (Spring's), so {@link #existing} sees the accounts of earlier
   * chunks. An adopted account's change of address is told naming {@code by}, the person the caller signs them in for
   * (the importer; it said "changed by the system": eighth session's outsider, 3a), and the name it had.
   */
  public Set<String> createAll(List<NewSignIn> signIns, String by) {
    if (signIns.isEmpty()) {
      return Set.of();
    }
    return SavedUsers.onBehalfOf(by, () -> signInAll(signIns));
  }

  private Set<String> signInAll(List<NewSignIn> signIns) {
    return inOneCommand(
        () -> {
          Set<String> existing = existing(signIns.stream().map(NewSignIn::userId).toList());
          Set<String> roles = inOtherGroups(existing);
          if (!roles.isEmpty()) {
            throw new IllegalStateException(
                "an account in a group other than members is never a member's: " + roles);
          }
          Set<String> members =
              among(
                  existing,
                  "join act_id_membership m on m.user_id_ = asked.id where m.group_id_ in (:groups)",
                  List.of(Groups.MEMBERS));
          ensureMembersGroup();
          Set<String> signedIn = new LinkedHashSet<>();
          for (NewSignIn signIn : signIns) {
            if (signedIn.contains(signIn.userId())) {
              continue;
            }
            boolean adopted = existing.contains(signIn.userId());
            User user =
                adopted
                    ? identity.createUserQuery().userId(signIn.userId()).singleResult()
                    : identity.newUser(signIn.userId());
            String fullName = signIn.fullName();
            int space = fullName.lastIndexOf(' ');
            user.setFirstName(space > 0 ? fullName.substring(0, space) : fullName);
            user.setLastName(space > 0 ? fullName.substring(space + 1) : "");
            user.setEmail(signIn.email());
            user.setPassword(signIn.password());
            identity.saveUser(user);
            if (!members.contains(signIn.userId())) {
              identity.createMembership(signIn.userId(), Groups.MEMBERS);
            }
            signedIn.add(signIn.userId());
          }
          return signedIn;
        });
  }

  /**
   * Gives each existing account the e-mail address given for it (the roster's, changed by the roster import), in one
   * engine command however many (the import calls it a chunk at a time, see {@link #createAll}); an id without an
   * account is left out. The change is told by the caller (the roster's previous address, naming the importer), so
   * these saves tell nothing ({@link SavedUsers#toldByCaller}): one notice per change. The ids whose address was set.
   */
  public Set<String> setEmails(Map<String, String> emails) {
    if (emails.isEmpty()) {
      return Set.of();
    }
    return inOneCommand(
        () ->
            SavedUsers.toldByCaller(
                () -> {
                  Set<String> set = new LinkedHashSet<>();
                  for (String userId : existing(emails.keySet())) {
                    User user = identity.createUserQuery().userId(userId).singleResult();
                    user.setEmail(emails.get(userId));
                    identity.saveUser(user);
                    set.add(userId);
                  }
                  return set;
                }));
  }

  /**
   * Runs {@code work} as one engine command (the identity service's commands inside reuse its command context) and,
   * when it was not itself inside another command, lets go of what that context cached once it has closed: its
   * entities (the accounts, their memberships and authorizations) and their inserts, already flushed into the
   * transaction. The context stays reachable until the transaction ends (a transaction synchronization holds it);
   * its cache would keep some 2.5 KB per account created — 125 MB for 50,000 rows — until the commit.
   */
  private <T> T inOneCommand(Supplier<T> work) {
    boolean outermost = Context.getCommandContext() == null;
    DbEntityManager[] entities = new DbEntityManager[1];
    try {
      return engine
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                entities[0] = context.getDbEntityManager();
                return work.get();
              });
    } finally {
      if (outermost && entities[0] != null) {
        entities[0].setDbEntityCache(new DbEntityCache());
        entities[0].setDbOperationManager(new DbOperationManager());
      }
    }
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
