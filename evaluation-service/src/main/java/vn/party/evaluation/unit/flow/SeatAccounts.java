package vn.party.evaluation.unit.flow;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.SystemAccess;

/**
 * The accounts that are no party member's sign-in (not in group {@link Groups#MEMBERS}): whom the seat form of the
 * committee above offers, its people being on no roster kept here. A thin adapter over the engine's identity store,
 * run as the system.
 */
@Component
public class SeatAccounts {

  /** An account by the name its holder is known by. */
  public record Account(String id, String name) {}

  private final IdentityService identity;
  private final SystemAccess system;

  public SeatAccounts(IdentityService identity, SystemAccess system) {
    this.identity = identity;
    this.system = system;
  }

  public List<Account> offRoster() {
    return system.call(
        () ->
            identity
                .createNativeUserQuery()
                .sql(
                    "select u.* from ACT_ID_USER u where not exists (select 1 from ACT_ID_MEMBERSHIP m"
                        + " where m.USER_ID_ = u.ID_ and m.GROUP_ID_ = #{members})")
                .parameter("members", Groups.MEMBERS)
                .list()
                .stream()
                .map(SeatAccounts::account)
                .sorted(Comparator.comparing(Account::name))
                .toList());
  }

  private static Account account(User user) {
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .trim();
    return new Account(user.getId(), name.isEmpty() ? user.getId() : name);
  }
}
