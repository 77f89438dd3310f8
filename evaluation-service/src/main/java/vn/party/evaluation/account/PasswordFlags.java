package vn.party.evaluation.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table {@code account_password} (V40): whose password was set by someone else and must be changed first; each such
 * setting is also recorded for administrators and auditors ({@link PasswordResets}, V96).
 */
@Component
public class PasswordFlags {

  private final JdbcClient jdbc;
  private final PasswordResets resets;

  public PasswordFlags(JdbcClient jdbc, PasswordResets resets) {
    this.jdbc = jdbc;
    this.resets = resets;
  }

  public boolean mustChange(String userId) {
    return jdbc.sql("select must_change from evaluation.account_password where user_id = ?")
        .param(userId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  public boolean known(String userId) {
    return jdbc.sql("select count(*) from evaluation.account_password where user_id = ?")
            .param(userId)
            .query(Integer.class)
            .single()
        > 0;
  }

  void set(String userId, boolean mustChange, String setBy) {
    jdbc.sql(
            "insert into evaluation.account_password (user_id, must_change, set_by, set_at) values (?, ?, ?, now()) "
                + "on conflict (user_id) do update set must_change = excluded.must_change, set_by = excluded.set_by, "
                + "set_at = excluded.set_at")
        .params(userId, mustChange, setBy)
        .update();
  }

  /**
   * A password set by someone else: must be changed first, and recorded in {@link PasswordResets} (issue 12) in the
   * same transaction.
   */
  void setBySomeoneElse(String userId, String setBy, PasswordResets.Door door) {
    set(userId, true, setBy);
    resets.record(userId, setBy, door);
  }

  void forget(String userId) {
    jdbc.sql("delete from evaluation.account_password where user_id = ?").param(userId).update();
  }
}
