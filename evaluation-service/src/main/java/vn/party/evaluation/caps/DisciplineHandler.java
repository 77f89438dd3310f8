package vn.party.evaluation.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.InboundEventHandler;
import vn.party.evaluation.messaging.EventTypes;

/**
 * {@code vn.party.member.disciplined}: a discipline decision, a fact that caps the member's level for the year.
 * Data: memberId, year, decisionId, form ({@link DisciplineForm}), selfDetectedAndRemedied (optional, false),
 * decidedOn (yyyy-mm-dd), decidedBy.
 */
@Component
public class DisciplineHandler implements InboundEventHandler {

  private static final Logger log = LoggerFactory.getLogger(DisciplineHandler.class);

  private final MemberFactService service;

  public DisciplineHandler(MemberFactService service) {
    this.service = service;
  }

  @Override
  public String eventType() {
    return EventTypes.DISCIPLINED;
  }

  @Override
  public void handle(CloudEvent event, JsonNode data) {
    EventFields fields = new EventFields(event, data);
    DisciplineDecision decision =
        new DisciplineDecision(
            fields.text("memberId", EventFields.MAX_MEMBER_ID),
            fields.year(),
            fields.text("decisionId", EventFields.MAX_DECISION_ID),
            fields.oneOf("form", DisciplineForm.class, true).orElseThrow(),
            fields.optionalFlag("selfDetectedAndRemedied"),
            fields.date("decidedOn"),
            fields.text("decidedBy", EventFields.MAX_NAME));
    InboundEventHandler.logReceived(
        log,
        service.receive(event, decision),
        "discipline decision {} ({}) for {}/{}{}",
        decision.decisionId(),
        event.getId(),
        decision.year(),
        decision.memberId());
  }
}
