package vn.party.evaluation.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table {@code password_reset} (V96, issue 12): every password set for an account by someone else — who, for whom,
 * when, through which door — written in the transaction that sets the password, so there is no reset without its
 * record. Read by the administrators and the auditors ({@code GET /api/v1/admin/password-resets},
 * {@code /app/audit/password-resets}); the holder is told by notification-service ({@code account.changed}).
 */
@Component
public class PasswordResets {

  /** How the password was set: the reset on the pages or the API, a roster import, the engine's own doors. */
  public enum Door {
    RESET,
    ROSTER_IMPORT,
    ENGINE
  }

  /**
   * One reset as administrators and auditors read it: the names of the account's holder and of who reset it (for the
   * roster import its importer; {@code resetBy} {@code roster-import} with no name for the imports recorded before
   * the importer was, eighth session's outsider 3b; null when the directory has none), when ({@code resetAt}) and the same in the
   * system's time zone ({@code resetAtLocal}, as the page shows it).
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record PasswordReset(
      long id,
      String userId,
      String userName,
      String resetBy,
      String resetByName,
      Door door,
      Instant resetAt,
      LocalDateTime resetAtLocal) {}

  private final JdbcClient jdbc;
  private final ZoneId zone;

  public PasswordResets(
      JdbcClient jdbc, @Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.jdbc = jdbc;
    this.zone = ZoneId.of(zone);
  }

  /** Inside the transaction that sets the password: both commit, or neither. */
  @Transactional(propagation = Propagation.MANDATORY)
  void record(String userId, String resetBy, Door door) {
    jdbc.sql("insert into evaluation.password_reset (user_id, reset_by, door) values (?, ?, ?)")
        .params(userId, resetBy, door.name())
        .update();
  }

  /** The latest {@code limit} resets, newest first. */
  public List<PasswordReset> latest(int limit) {
    return jdbc.sql(
            """
            select r.id, r.user_id, r.reset_by, r.door, r.reset_at,
                   trim(concat_ws(' ', u.first_, u.last_)) as user_name,
                   trim(concat_ws(' ', b.first_, b.last_)) as reset_by_name
            from evaluation.password_reset r
            left join act_id_user u on u.id_ = r.user_id
            left join act_id_user b on b.id_ = r.reset_by
            order by r.reset_at desc, r.id desc
            limit ?""")
        .param(limit)
        .query(
            (rs, row) -> {
              Instant at = rs.getTimestamp("reset_at").toInstant();
              return new PasswordReset(
                  rs.getLong("id"),
                  rs.getString("user_id"),
                  blankToNull(rs.getString("user_name")),
                  rs.getString("reset_by"),
                  blankToNull(rs.getString("reset_by_name")),
                  Door.valueOf(rs.getString("door")),
                  at,
                  LocalDateTime.ofInstant(at, zone));
            })
        .list();
  }

  /**
   * The resets (their ids) of an account that a later roster import took over, all among {@code resets} (newest
   * first, as {@link #latest} gives them): the account may then have been another person's, under another name, and
   * only its name now is known — the page says so rather than show that name as the holder's then (ninth session's
   * outsider, finding 12).
   */
  public static Set<Long> beforeARosterImport(List<PasswordReset> resets) {
    Set<Long> before = new HashSet<>();
    Set<String> imported = new HashSet<>();
    for (PasswordReset reset : resets) {
      if (imported.contains(reset.userId())) {
        before.add(reset.id());
      }
      if (reset.door() == Door.ROSTER_IMPORT) {
        imported.add(reset.userId());
      }
    }
    return before;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
