package vn.party.notification.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who the people named in an event are, and where their notices go (issue 12): the system's one user store, the
 * engine identity of evaluation-service (table {@code public.act_id_user} of the shared database, read only). An
 * event names user ids; their e-mail addresses and names are taken from here, never from the event, so a forged
 * or mistaken event cannot send an official e-mail to an address of its choosing.
 */
@Component
public class UserDirectory {

  /** The engine's group of administrators (Camunda's own name, {@code Groups.ADMINS} of evaluation-service). */
  public static final String ADMINISTRATORS_GROUP = "admins";

  private final JdbcClient jdbc;

  public UserDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The users among {@code userIds} that exist, by id; ids that name nobody are left out. */
  public Map<String, DirectoryUser> find(Collection<String> userIds) {
    Map<String, DirectoryUser> found = new LinkedHashMap<>();
    if (userIds.isEmpty()) {
      return found;
    }
    jdbc.sql("select id_, first_, last_, email_ from public.act_id_user where id_ in (:ids)")
        .param("ids", userIds)
        .query(
            (rs, row) ->
                new DirectoryUser(
                    rs.getString("id_"),
                    name(rs.getString("first_"), rs.getString("last_")),
                    rs.getString("email_")))
        .list()
        .forEach(user -> found.put(user.userId(), user));
    return found;
  }

  /**
   * The administrators, by id: the members of the engine's administrators' group ({@code admins}, as
   * evaluation-service's Camunda engine keeps it in {@code public.act_id_membership}).
   */
  public List<String> administrators() {
    return jdbc.sql(
            "select m.user_id_ from public.act_id_membership m where m.group_id_ = :group order by m.user_id_")
        .param("group", ADMINISTRATORS_GROUP)
        .query(String.class)
        .list();
  }

  /** The name of an account as people read it: the holder's name and the sign-in id, or the id alone. */
  public String accountName(String userId) {
    DirectoryUser user = find(List.of(userId)).get(userId);
    return user == null || user.displayName() == null || user.displayName().isBlank()
        ? userId
        : user.displayName() + " (" + userId + ")";
  }

  private static String name(String first, String last) {
    return ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip()))
        .strip();
  }

  /** A user as the directory knows them; {@code email} may be null (then in-app notifications only). */
  public record DirectoryUser(String userId, String displayName, String email) {

    public String nameForGreeting() {
      return displayName == null || displayName.isBlank() ? userId : displayName;
    }

    public boolean hasEmail() {
      return email != null && !email.isBlank();
    }
  }
}
