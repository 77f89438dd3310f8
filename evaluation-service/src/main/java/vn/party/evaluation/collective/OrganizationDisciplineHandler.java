package vn.party.evaluation.collective;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.party.evaluation.caps.EventFields;
import vn.party.evaluation.inbound.InboundEventHandler;
import vn.party.evaluation.messaging.EventTypes;

/**
 * {@code vn.party.organization.disciplined}: a discipline decision against a branch or a grassroots organization, a
 * fact for the caps of the organization above it. Data: organizationId, year, decisionId, form
 * ({@link OrganizationDisciplineForm}), decidedOn (yyyy-mm-dd), decidedBy.
 */
@Component
public class OrganizationDisciplineHandler implements InboundEventHandler {

  private static final Logger log = LoggerFactory.getLogger(OrganizationDisciplineHandler.class);

  private final OrganizationDisciplineService service;

  public OrganizationDisciplineHandler(OrganizationDisciplineService service) {
    this.service = service;
  }

  @Override
  public String eventType() {
    return EventTypes.ORGANIZATION_DISCIPLINED;
  }

  @Override
  public void handle(CloudEvent event, JsonNode data) {
    EventFields fields = new EventFields(event, data);
    OrganizationDiscipline decision =
        new OrganizationDiscipline(
            fields.text("organizationId", EventFields.MAX_MEMBER_ID),
            fields.year(),
            fields.text("decisionId", EventFields.MAX_DECISION_ID),
            fields.oneOf("form", OrganizationDisciplineForm.class, true).orElseThrow(),
            fields.date("decidedOn"),
            fields.text("decidedBy", EventFields.MAX_NAME));
    InboundEventHandler.logReceived(
        log,
        service.receive(event, decision),
        "organization discipline decision {} ({}) for {}/{}{}",
        decision.decisionId(),
        event.getId(),
        decision.year(),
        decision.organizationId());
  }
}
