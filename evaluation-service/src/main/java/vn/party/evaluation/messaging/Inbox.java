package vn.party.evaluation.messaging;

import io.cloudevents.CloudEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Idempotent consumer: remembers each handled event (source + id) in the handling transaction. */
@Component
public class Inbox {

  private final JdbcClient jdbc;

  public Inbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return true the first time this event is seen, false for a redelivery (which must then change nothing) */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean firstDelivery(CloudEvent event) {
    return jdbc.sql(
                """
            insert into evaluation.inbox (source, event_id, type) values (:source, :id, :type)
            on conflict do nothing""")
            .param("source", event.getSource().toString())
            .param("id", event.getId())
            .param("type", event.getType())
            .update()
        == 1;
  }
}
