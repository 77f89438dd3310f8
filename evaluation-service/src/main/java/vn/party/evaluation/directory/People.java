package vn.party.evaluation.directory;

import java.util.List;
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

  private final IdentityService identityService;
  private final SystemAccess systemAccess;

  public People(IdentityService identityService, SystemAccess systemAccess) {
    this.identityService = identityService;
    this.systemAccess = systemAccess;
  }

  public List<Recipient> user(String userId) {
    return systemAccess.call(
        () -> {
          User user = identityService.createUserQuery().userId(userId).singleResult();
          return user == null ? List.of() : List.of(recipient(user));
        });
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
