package vn.party.evaluation.collective;

import io.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.inbound.UnmatchedEvents;
import vn.party.evaluation.inbound.UnmatchedReason;
import vn.party.evaluation.messaging.Inbox;
import vn.party.evaluation.security.Actors;

/**
 * Takes discipline decisions against party organizations in: stores them (a correction with the same decision number
 * replaces the earlier one) and tells the collective's timeline. The caps read the stored decisions when a rating
 * opens and when each of its tasks is created ({@link CollectiveCapService}); a disciplined branch also refreshes the
 * open rating of its organization at once. An organization the directory does not know is kept as unmatched.
 */
@Service
public class OrganizationDisciplineService {

  private final Inbox inbox;
  private final JdbcClient jdbc;
  private final Timeline timeline;
  private final UnmatchedEvents unmatched;
  private final CollectiveCapService caps;

  public OrganizationDisciplineService(
      Inbox inbox,
      JdbcClient jdbc,
      Timeline timeline,
      UnmatchedEvents unmatched,
      CollectiveCapService caps) {
    this.caps = caps;
    this.inbox = inbox;
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.unmatched = unmatched;
  }

  /** @return false for a redelivered event, which changes nothing */
  @Transactional
  public boolean receive(CloudEvent event, OrganizationDiscipline decision) {
    if (!inbox.firstDelivery(event)) {
      return false;
    }
    Optional<String> kind = kind(decision.organizationId());
    if (kind.isEmpty()) {
      unmatched.keep(event, decision.year(), null, UnmatchedReason.UNKNOWN_ORGANIZATION);
      return true;
    }
    jdbc.sql(
            """
            insert into evaluation.organization_discipline_decision (year, organization_id, kind, decision_id, form,
              decided_on, decided_by, event_source, event_id)
            values (:year, :org, :kind, :decision, :form, :on, :by, :source, :id)
            on conflict (year, organization_id, decision_id) do update set form = excluded.form,
              decided_on = excluded.decided_on, decided_by = excluded.decided_by,
              event_source = excluded.event_source, event_id = excluded.event_id, received_at = now()""")
        .param("year", decision.year())
        .param("org", decision.organizationId())
        .param("kind", kind.get())
        .param("decision", decision.decisionId())
        .param("form", decision.form().name())
        .param("on", decision.decidedOn())
        .param("by", decision.decidedBy())
        .param("source", event.getSource().toString())
        .param("id", event.getId())
        .update();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("type", event.getType());
    details.put("eventId", event.getId());
    details.put("source", event.getSource().toString());
    details.put("decisionId", decision.decisionId());
    details.put("form", decision.form().name());
    details.put("decidedOn", decision.decidedOn().toString());
    details.put("decidedBy", decision.decidedBy());
    // the system took the event in; who decided (free text from outside) is part of the details
    timeline.record(
        decision.year(),
        CollectiveEvaluation.timelineSubject(decision.organizationId()),
        TimelineKind.EVENT_RECEIVED,
        null,
        null,
        Actors.SYSTEM,
        details);
    if ("BRANCH".equals(kind.get())) {
      // a subordinate unit of the organization above: its open rating sees the cap now, not at its
      // next task
      caps.refreshRunning(
          decision.year(), parentOrganization(decision.organizationId()), event.getType());
    }
    return true;
  }

  private String parentOrganization(String branchId) {
    return jdbc.sql("select organization_id from evaluation.branch where id = :id")
        .param("id", branchId)
        .query(String.class)
        .single();
  }

  /** BRANCH or ORGANIZATION as the directory knows the id; empty for an unknown one. */
  private Optional<String> kind(String organizationId) {
    return jdbc
        .sql(
            """
            select 'BRANCH' from evaluation.branch where id = :id
            union all select 'ORGANIZATION' from evaluation.organization where id = :id""")
        .param("id", organizationId)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }
}
