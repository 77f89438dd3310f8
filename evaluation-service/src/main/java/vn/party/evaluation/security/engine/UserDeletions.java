package vn.party.evaluation.security.engine;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import vn.party.evaluation.process.Groups;

/**
 * An engine account deleted by a person (outsider's re-attack of 2026-12-07, sixth session, findings 2 and 5): every
 * user holds ALL on their own user resource, so a member or a branch secretary deleted themselves ({@code DELETE
 * /engine-rest/user/{self}}, both path forms): the account and its groups were gone while the unit's page still
 * listed the seat and a task stayed assigned to nobody; and the administrator deleted {@code member5}, re-created the
 * id with their own e-mail address and completed member5's self-review as "member5".
 *
 * <p>A person the application knows — a party member on a roster (their sign-in is made by the roster import and
 * disabled, never deleted, when they leave: {@code MemberAccounts}), a committee seat holder, anyone an evaluation's
 * timeline names, anyone who held a task of the processes (the engine's history names them), anyone in {@code
 * members} or a seat group — keeps their account: no person deletes it, at any door (the engine REST API in both path
 * forms, Camunda Admin, Java). Nor does anyone delete their own account. An administrator still deletes an account
 * nobody depends on (one made by mistake, a test account); the last administrator is {@link BuiltInGroups}' to keep.
 */
final class UserDeletions {

  private UserDeletions() {}

  /**
   * Whether a person ({@code person}, in {@code groups}) may not delete the user the command names; {@code known} asks
   * the application's records and {@code heldTasks} the engine's history, {@code groupsOf} the user's groups.
   */
  static boolean refused(
      Command<?> command,
      String person,
      List<String> groups,
      Predicate<String> known,
      Predicate<String> heldTasks,
      Function<String, Set<String>> groupsOf) {
    if (!(command instanceof DeleteUserCmd)) {
      return false;
    }
    String userId = CommandWrites.stringField(command, "userId");
    if (userId == null) {
      return false; // the engine refuses it
    }
    return !groups.contains(Groups.ADMINS)
        || userId.equals(person)
        || groupsOf.apply(userId).stream()
            .anyMatch(g -> Groups.MEMBERS.equals(g) || Groups.seatManaged(g))
        || known.test(userId)
        || heldTasks.test(userId);
  }
}
