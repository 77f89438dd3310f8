package vn.party.evaluation.directory.flow;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.directory.Recipient;
import vn.party.evaluation.security.SystemAccess;

/**
 * Several accounts of the engine's identity store in one query per thousand (the engine's {@code userIdIn} is an SQL
 * {@code in} list), as the system, for {@link People#usersKnown}.
 */
@Component
public class AccountsByIds {

  private static final int USERS_PER_QUERY = 1000;

  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public AccountsByIds(IdentityService identityService, SystemAccess systemAccess) {
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  /** @return the accounts found, by user id; an id not found is absent */
  public Map<String, Recipient> read(Collection<String> userIds) {
    List<String> ids = List.copyOf(userIds);
    Map<String, Recipient> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += USERS_PER_QUERY) {
      String[] chunk =
          ids.subList(from, Math.min(ids.size(), from + USERS_PER_QUERY)).toArray(String[]::new);
      systemAccess.call(
          () -> {
            identityService
                .createUserQuery()
                .userIdIn(chunk)
                .list()
                .forEach(user -> found.put(user.getId(), People.recipient(user)));
            return null;
          });
    }
    return found;
  }
}
