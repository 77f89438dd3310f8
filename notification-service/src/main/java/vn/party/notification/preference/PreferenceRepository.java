package vn.party.notification.preference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PreferenceRepository {

  private static final String COLUMNS = "user_id, email_enabled, updated_at";

  private final JdbcClient jdbc;

  PreferenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Preference> find(String userId) {
    return jdbc.sql("select " + COLUMNS + " from notification.preference where user_id = :userId")
        .param("userId", userId)
        .query(PreferenceRepository::map)
        .optional();
  }

  /** Inserts or replaces the user's preference; returns it as stored. */
  Preference save(Preference preference) {
    return jdbc.sql(
            """
            insert into notification.preference (user_id, email_enabled, updated_at)
            values (:userId, :emailEnabled, now())
            on conflict (user_id) do update
               set email_enabled = excluded.email_enabled, updated_at = excluded.updated_at
            returning user_id, email_enabled, updated_at
            """)
        .param("userId", preference.userId())
        .param("emailEnabled", preference.emailEnabled())
        .query(PreferenceRepository::map)
        .single();
  }

  /** Those of the given users who turned e-mails off. */
  Set<String> emailDisabledAmong(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "select user_id from notification.preference where user_id in (:userIds) and not email_enabled")
            .param("userIds", userIds)
            .query(String.class)
            .list());
  }

  private static Preference map(ResultSet rs, int row) throws SQLException {
    return new Preference(
        rs.getString("user_id"),
        rs.getBoolean("email_enabled"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
