package vn.party.evaluation.directory;

import java.util.Collection;
import java.util.HashMap;
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

  /** The users {@link #usersKnown} was given, by id; an id asked for and not found maps to no one. */
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
   * Runs {@code work} with the users named already read ({@code found}, e.g. by {@code AccountsByIds} in one query), so
   * that {@link #user} of each of them sends nothing (issue 15: a launch batch looked each member up for the
   * self-review's notice, a statement each).
   *
   * @param found the accounts of {@code userIds} that exist, by user id
   */
  public <T> T usersKnown(
      Collection<String> userIds, Map<String, Recipient> found, Supplier<T> work) {
    if (readTogether.get() != null) {
      return work.get();
    }
    Map<String, List<Recipient>> known = new HashMap<>();
    for (String id : userIds) {
      Recipient recipient = found.get(id);
      known.put(id, recipient == null ? List.of() : List.of(recipient));
    }
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

  /** A person as notices name them: the account's e-mail and full name (the id when it has none). */
  public static Recipient recipient(User user) {
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return new Recipient(user.getId(), user.getEmail(), name.isEmpty() ? user.getId() : name);
  }
}
