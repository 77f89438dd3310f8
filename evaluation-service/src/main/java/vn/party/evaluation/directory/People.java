package vn.party.evaluation.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.party.evaluation.security.SystemAccess;

/**
 * Looks people up in the engine's identity store (the one user store of the system). Notices must reach every
 * member of a candidate group whoever triggered them, so these look-ups run as the system, not as the user
 * whose request happens to be on this thread.
 */
@Component
public class People {

  /** Users in one query at most (the engine's {@code userIdIn} is an SQL {@code in} list). */
  private static final int USERS_PER_QUERY = 1000;

  /** The users {@link #usersReadTogether} read, by id; an id asked for and not found maps to no one. */
  private final ThreadLocal<Map<String, List<Recipient>>> readTogether = new ThreadLocal<>();

  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public People(IdentityService identityService, SystemAccess systemAccess) {
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  public List<Recipient> user(String userId) {
    Map<String, List<Recipient>> known = readTogether.get();
    if (known != null && known.containsKey(userId)) {
      return known.get(userId);
    }
    return systemAccess.call(
        () -> {
          User user = identityService.createUserQuery().userId(userId).singleResult();
          return user == null ? List.of() : List.of(recipient(user));
        });
  }

  /**
   * Runs {@code work} with the users named read beforehand in one query, so that {@link #user} of each of them sends
   * nothing (issue 15: a launch batch looked each member up for the self-review's notice, a statement each).
   */
  public <T> T usersReadTogether(Collection<String> userIds, Supplier<T> work) {
    if (readTogether.get() != null || userIds.isEmpty()) {
      return work.get();
    }
    Map<String, List<Recipient>> known = new HashMap<>();
    List<String> ids = List.copyOf(new LinkedHashSet<>(userIds));
    for (int from = 0; from < ids.size(); from += USERS_PER_QUERY) {
      String[] chunk =
          ids.subList(from, Math.min(ids.size(), from + USERS_PER_QUERY)).toArray(String[]::new);
      systemAccess.call(
          () -> {
            identityService
                .createUserQuery()
                .userIdIn(chunk)
                .list()
                .forEach(user -> known.put(user.getId(), List.of(recipient(user))));
            return null;
          });
    }
    ids.forEach(id -> known.putIfAbsent(id, List.of()));
    readTogether.set(known);
    try {
      return work.get();
    } finally {
      readTogether.remove();
    }
  }

  public List<Recipient> groupMembers(String groupId) {
    return systemAccess.call(
        () ->
            identityService
                .createUserQuery()
                .memberOfGroup(groupId)
                .orderByUserId()
                .asc()
                .list()
                .stream()
                .map(People::recipient)
                .toList());
  }

  public String displayName(String userId) {
    return user(userId).stream().map(Recipient::displayName).findFirst().orElse(userId);
  }

  private static Recipient recipient(User user) {
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return new Recipient(user.getId(), user.getEmail(), name.isEmpty() ? user.getId() : name);
  }
}
