package vn.party.evaluation.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.Outbox;

/**
 * What administrators are told: each time an account or an address starts to wait (table
 * {@code sign_in_throttle_event}, V40, shown to administrators by {@code GET /api/v1/admin/sign-in-throttles} and
 * on the page {@code /app/admin/sign-ins}), a warning in the log for the operators' alerting, and for an account
 * that exists an e-mail to the administrators: the event {@code vn.party.evaluation.account.sign-in-throttled}, which
 * notification-service turns into a notice and an e-mail to each administrator the directory names.
 *
 * <p>Bounded: {@link SignInThrottle} calls this once when a key starts to wait, not for each failure after; the key
 * keeps waiting (and is not told again) until its count is forgotten or the right password clears it. Guessed ids of
 * accounts that do not exist are recorded but mail nobody, so nobody can make the system send mail by inventing ids.
 */
@Component
public class SignInThrottleNotices {

  private static final Logger log = LoggerFactory.getLogger(SignInThrottleNotices.class);

  /**
   * One throttling as the administrators read it: the kind ({@code ACCOUNT} | {@code ADDRESS}, shown in words), the
   * account or address, the person's name when the subject is a known account (null otherwise), the failures and the
   * instants (shown in local time by the page).
   */
  public record Notice(
      long id,
      String kind,
      String subject,
      String subjectName,
      int failures,
      Instant blockedUntil,
      Instant occurredAt) {}

  /** Data of {@link EventTypes#ACCOUNT_SIGN_IN_THROTTLED}. */
  public record AccountSignInThrottled(
      String userId, int failures, String blockedUntil, String occurredAt) {}

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final TransactionTemplate transaction;

  public SignInThrottleNotices(
      JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactions);
  }

  void throttled(SignInThrottle.Kind kind, String subject, int failures, Instant blockedUntil) {
    log.warn(
        "sign-in throttled: {} {} after {} failed attempts, waits until {}",
        kind,
        subject,
        failures,
        blockedUntil);
    try {
      // joins the engine's transaction of the password check when there is one
      transaction.executeWithoutResult(
          status -> {
            jdbc.sql(
                    "insert into evaluation.sign_in_throttle_event (kind, subject, failures, blocked_until) "
                        + "values (?, ?, ?, ?)")
                .params(
                    kind.name(),
                    subject.length() > 200 ? subject.substring(0, 200) : subject,
                    failures,
                    Timestamp.from(blockedUntil))
                .update();
            if (kind == SignInThrottle.Kind.ACCOUNT) {
              // the account's own id (the throttle counts ids without regard to case); none: nobody
              // to worry about
              jdbc.sql("select id_ from act_id_user where lower(id_) = ? order by id_ limit 1")
                  .param(subject)
                  .query(String.class)
                  .optional()
                  .ifPresent(
                      userId ->
                          outbox.publish(
                              EventTypes.ACCOUNT_SIGN_IN_THROTTLED,
                              userId,
                              new AccountSignInThrottled(
                                  userId,
                                  failures,
                                  blockedUntil.toString(),
                                  Instant.now().toString())));
            }
          });
    } catch (RuntimeException e) {
      // the throttle holds without the record; a database away must not turn a refusal into a
      // server error
      log.warn("sign-in throttle notice not recorded: {}", e.getMessage());
    }
  }

  public List<Notice> latest(int limit) {
    return jdbc.sql(
            """
            select e.id, e.kind, e.subject, trim(concat_ws(' ', u.first_, u.last_)),
                   e.failures, e.blocked_until, e.occurred_at
            from evaluation.sign_in_throttle_event e
            left join act_id_user u on e.kind = 'ACCOUNT' and lower(u.id_) = lower(e.subject)
            order by e.id desc limit ?""")
        .param(limit)
        .query(
            (rs, n) ->
                new Notice(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    blankToNull(rs.getString(4)),
                    rs.getInt(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
