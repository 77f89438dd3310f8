package vn.party.notification.email;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.party.notification.compose.EmailContent;

@Repository
public class EmailOutboxRepository {

  private static final int MAX_ERROR_LENGTH = 2000;

  private final JdbcClient jdbc;

  public EmailOutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public UUID enqueue(UUID notificationId, String toAddress, EmailContent content) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into notification.email_outbox (id, notification_id, to_address, subject, body, html_body)
            values (:id, :notificationId, :to, :subject, :body, :html)
            """)
        .param("id", id)
        .param("notificationId", notificationId)
        .param("to", toAddress)
        .param("subject", content.subject())
        .param("body", content.text())
        .param("html", content.html())
        .update();
    return id;
  }

  /**
   * Ordered by the index's own column only ({@code email_outbox_due_idx}): the first due row of the index is taken
   * and the scan stops there. With a second sort key ({@code created_at}) PostgreSQL sorted every pending row for
   * each e-mail — the most expensive statement of the bench's lifecycle (1.5 ms per e-mail with a backlog). Rows
   * due at the same instant are the rows of one event; their order does not matter.
   */
  static final String LOCK_NEXT_DUE =
      """
      select id, to_address, subject, body, html_body, attempts
        from notification.email_outbox
       where status = 'PENDING' and next_attempt_at <= now()
       order by next_attempt_at
       limit 1
       for update skip locked
      """;

  /**
   * Locks the oldest due PENDING e-mail for the current transaction. SKIP LOCKED lets other
   * instances take the next rows instead of waiting, and no two of them get the same row.
   */
  Optional<OutboxEmail> lockNextDue() {
    return jdbc.sql(LOCK_NEXT_DUE)
        .query(
            (rs, row) ->
                new OutboxEmail(
                    rs.getObject("id", UUID.class),
                    rs.getString("to_address"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getString("html_body"),
                    rs.getInt("attempts")))
        .optional();
  }

  void markSent(UUID id) {
    jdbc.sql(
            """
            update notification.email_outbox
               set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null
             where id = :id
            """)
        .param("id", id)
        .update();
  }

  void markRetry(UUID id, String error, Duration delay) {
    jdbc.sql(
            """
            update notification.email_outbox
               set attempts = attempts + 1, last_error = :error,
                   next_attempt_at = now() + (:delayMillis * interval '1 millisecond')
             where id = :id
            """)
        .param("id", id)
        .param("error", truncate(error))
        .param("delayMillis", delay.toMillis())
        .update();
  }

  void markFailed(UUID id, String error) {
    jdbc.sql(
            """
            update notification.email_outbox
               set status = 'FAILED', attempts = attempts + 1, last_error = :error
             where id = :id
            """)
        .param("id", id)
        .param("error", truncate(error))
        .update();
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
