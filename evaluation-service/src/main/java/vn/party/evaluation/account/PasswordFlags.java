package vn.party.evaluation.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Table {@code account_password} (V40): whose password was set by someone else and must be changed first. */
@Component
public class PasswordFlags {

  private final JdbcClient jdbc;

  public PasswordFlags(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean mustChange(String userId) {
    return jdbc.sql("select must_change from evaluation.account_password where user_id = ?").param(userId)
        .query(Boolean.class).optional().orElse(false);
  }

  public boolean known(String userId) {
    return jdbc.sql("select count(*) from evaluation.account_password where user_id = ?").param(userId)
        .query(Integer.class).single() > 0;
  }

  void set(String userId, boolean mustChange, String setBy) {
    jdbc.sql("insert into evaluation.account_password (user_id, must_change, set_by, set_at) values (?, ?, ?, now()) "
            + "on conflict (user_id) do update set must_change = excluded.must_change, set_by = excluded.set_by, "
            + "set_at = excluded.set_at")
        .params(userId, mustChange, setBy).update();
  }

  void forget(String userId) {
    jdbc.sql("delete from evaluation.account_password where user_id = ?").param(userId).update();
  }
}
