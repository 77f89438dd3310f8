package vn.party.notification.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
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
        .query((rs, row) -> new DirectoryUser(rs.getString("id_"), name(rs.getString("first_"), rs.getString("last_")),
            rs.getString("email_")))
        .list()
        .forEach(user -> found.put(user.userId(), user));
    return found;
  }

  private static String name(String first, String last) {
    return ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
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
