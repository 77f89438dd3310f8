package vn.party.evaluation.security.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import vn.party.evaluation.process.Groups;

/**
 * The groups the application is built on (outsider's re-attack of 2026-12-07, sixth session, finding 4): {@code
 * members} (who is a party member: the roster import's sign-ins; the seat form tells accounts apart by it), {@code
 * auditors} (reads every evaluation, does no task) and {@code camunda-admin}. Through the engine's identity service
 * (the engine REST API in both path forms, Camunda Admin, Java as a person):
 *
 * <ul>
 *   <li>none of them is deleted or renamed (a deleted {@code auditors} took every inspector's reads away);
 *   <li>{@code members} gains or loses nobody: a party member's sign-in comes with the roster, and leaves with it
 *       (disabled by the application);
 *   <li>{@code auditors} takes no party member's sign-in and no committee seat holder (the outsider's hidden
 *       inspector: a member reading every evaluation, who could no longer submit their own self-review); the
 *       national and district inspection accounts are added and taken out by the administrators, as before, and the
 *       engine's operation log records each change (category Admin), which Cockpit shows;
 *   <li>{@code camunda-admin} takes no party member (by the roster, whatever their groups) and no seat holder, as
 *       {@code auditors} (seventh session's outsider: a party member made administrator read every evaluation, and
 *       the member's leaving, which takes the sign-in out of every group, emptied the group);
 *   <li>the last member of {@code camunda-admin} stays one, and is not deleted: with no administrator left, the
 *       webapps' setup page lets anyone on the network create one ({@code POST
 *       /camunda/api/admin/setup/default/user/create}, no sign-in).
 * </ul>
 *
 * Other administrators are added and removed by the administrators. The application's own changes run as the system
 * and are not judged.
 *
 * <p>Seventh session's outsider (E): two removals sent at once each counted two members before either ran, and both
 * went through: the group was empty. A removal that could take a member of {@code camunda-admin} or {@code auditors}
 * is therefore judged inside its own transaction, under a lock every node takes ({@link #lastMemberKept}), and only
 * there ({@code IdentityRules}).
 */
final class BuiltInGroups {

  private static final Set<String> BUILT_IN =
      Set.of(Groups.MEMBERS, Groups.AUDITORS, Groups.ADMINS);

  /** The groups that never lose their last member. */
  private static final Set<String> KEPT_ONE = Set.of(Groups.ADMINS, Groups.AUDITORS);

  private BuiltInGroups() {}

  /**
   * The built-in group this command may not change (null: it may); {@code groupsOf} reads a user's groups, {@code
   * membersOf} how many users a group holds, both as the engine; {@code partyMember} whether the roster holds the user.
   */
  static String refused(
      Command<?> command,
      Function<String, Set<String>> groupsOf,
      ToLongFunction<String> membersOf,
      Predicate<String> partyMember) {
    String groupId = CommandWrites.stringField(command, "groupId");
    if (command instanceof DeleteGroupCmd) {
      return builtIn(groupId) ? groupId : null;
    }
    if (command instanceof SaveGroupCmd
        && CommandWrites.fieldOf(command, "group") instanceof GroupEntity group) {
      return builtIn(group.getId()) ? group.getId() : null;
    }
    String userId = CommandWrites.stringField(command, "userId");
    boolean refused = false;
    if (command instanceof CreateMembershipCmd) {
      refused =
          Groups.MEMBERS.equals(groupId)
              || KEPT_ONE.contains(groupId)
                  && userId != null
                  && (partyMember.test(userId)
                      || groupsOf.apply(userId).stream()
                          .anyMatch(g -> Groups.MEMBERS.equals(g) || Groups.seatManaged(g)));
    } else if (command instanceof DeleteMembershipCmd) {
      refused =
          Groups.MEMBERS.equals(groupId)
              || builtIn(groupId)
                  && KEPT_ONE.contains(groupId)
                  && last(userId, groupId, groupsOf, membersOf);
    } else if (command instanceof DeleteUserCmd) {
      return KEPT_ONE.stream()
          .filter(group -> last(userId, group, groupsOf, membersOf))
          .findFirst()
          .orElse(null);
    }
    return refused ? groupId : null;
  }

  /**
   * PostgreSQL advisory lock held, until its transaction ends, by every person's removal that could take a member of
   * a group in {@link #KEPT_ONE}. One constant key rather than {@code select ... for update} on the groups' rows in
   * {@code ACT_ID_GROUP}: a user's deletion touches both groups (no order of row locks to keep), the key needs no row
   * to exist, and these removals are rare enough to wait for one another across all nodes. Above the int range, so
   * no {@code hashtext} key elsewhere meets it.
   */
  static final long KEPT_MEMBERS_LOCK = 0x0E7A1_6A0DL;

  /** Whether a person's command could remove a member of a group that keeps its last one. */
  static boolean removesKeptMember(Command<?> command) {
    if (command instanceof DeleteUserCmd) {
      return true;
    }
    String groupId = CommandWrites.stringField(command, "groupId");
    return command instanceof DeleteMembershipCmd && groupId != null && KEPT_ONE.contains(groupId);
  }

  /**
   * What a removal run with its check did: the command's result, or the group it would have emptied (then nothing was
   * removed).
   */
  record Removal<T>(T result, String keptGroup) {}

  /**
   * The command run in one transaction with its check: the lock first ({@link #KEPT_MEMBERS_LOCK}), then the members
   * counted as they are committed now (read committed: a removal that held the lock before has committed), then the
   * command itself, in the same command context, so the removal commits before the next one counts. The guard runs it
   * through the rest of the engine's interceptors, which open the context and the transaction, and answers a refusal
   * ({@link Removal#keptGroup()}) once the command has ended: thrown in here, it was the engine's failed command,
   * logged at ERROR (ENGINE-16004) with its stack for each refused removal, though nothing failed. Nothing is written
   * before the refusal, so the transaction that ends it has nothing to undo; it only lets the lock go.
   */
  static <T> Command<Removal<T>> lastMemberKept(Command<T> command) {
    return context -> {
      lock(context);
      String refused =
          refused(
              command,
              userId -> context.runWithoutAuthorization(() -> TaskSeats.groupsOf(context, userId)),
              groupId ->
                  context.runWithoutAuthorization(
                      () ->
                          context
                              .getReadOnlyIdentityProvider()
                              .createUserQuery(context)
                              .memberOfGroup(groupId)
                              .count()),
              userId -> false); // only a membership made asks whether the roster holds the user
      if (refused != null) {
        return new Removal<>(null, refused);
      }
      return new Removal<>(command.execute(context), null);
    };
  }

  private static void lock(CommandContext context) {
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
      lock.setLong(1, KEPT_MEMBERS_LOCK);
      lock.executeQuery().close();
    } catch (SQLException e) {
      throw new ProcessEngineException("could not lock the kept groups' members", e);
    }
  }

  /** Null-safe: {@code Set.of} refuses to look up null (a command naming no group). */
  private static boolean builtIn(String groupId) {
    return groupId != null && BUILT_IN.contains(groupId);
  }

  /** Whether the user is the group's last member. */
  private static boolean last(
      String userId,
      String groupId,
      Function<String, Set<String>> groupsOf,
      ToLongFunction<String> membersOf) {
    return userId != null
        && groupsOf.apply(userId).contains(groupId)
        && membersOf.applyAsLong(groupId) <= 1;
  }
}
