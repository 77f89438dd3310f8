package vn.party.evaluation.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What administrators are told: each time an account or an address starts to wait (table
 * {@code sign_in_throttle_event}, V40, shown to administrators by {@code GET /api/v1/admin/sign-in-throttles} and
 * on the page {@code /app/admin/sign-ins}), and a warning in the log for the operators' alerting.
 */
@Component
public class SignInThrottleNotices {

  private static final Logger log = LoggerFactory.getLogger(SignInThrottleNotices.class);

  public record Notice(long id, String kind, String subject, int failures, Instant blockedUntil, Instant occurredAt) {
  }

  private final JdbcClient jdbc;

  public SignInThrottleNotices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void throttled(SignInThrottle.Kind kind, String subject, int failures, Instant blockedUntil) {
    log.warn("sign-in throttled: {} {} after {} failed attempts, waits until {}", kind, subject, failures,
        blockedUntil);
    try {
      jdbc.sql("insert into evaluation.sign_in_throttle_event (kind, subject, failures, blocked_until) "
              + "values (?, ?, ?, ?)")
          .params(kind.name(), subject.length() > 200 ? subject.substring(0, 200) : subject, failures,
              Timestamp.from(blockedUntil))
          .update();
    } catch (RuntimeException e) {
      // the throttle holds without the record; a database away must not turn a refusal into a server error
      log.warn("sign-in throttle notice not recorded: {}", e.getMessage());
    }
  }

  public List<Notice> latest(int limit) {
    return jdbc.sql("select id, kind, subject, failures, blocked_until, occurred_at "
            + "from evaluation.sign_in_throttle_event order by id desc limit ?")
        .param(limit)
        .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
        .list();
  }
}
