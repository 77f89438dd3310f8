package vn.party.notification.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProcessedEventRepository {

  private final JdbcClient jdbc;

  ProcessedEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the event as processed. Returns false when it already was: then it must change nothing.
   * A concurrent insert of the same event waits here for the other transaction and then sees it.
   */
  boolean markProcessed(String source, String eventId, String type) {
    return jdbc.sql(
                """
            insert into notification.processed_event (source, event_id, type, received_at)
            values (:source, :eventId, :type, now())
            on conflict (source, event_id) do nothing
            """)
            .param("source", source)
            .param("eventId", eventId)
            .param("type", type)
            .update()
        == 1;
  }
}
