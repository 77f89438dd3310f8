package vn.party.evaluation.caps;

import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.EventFields;
import vn.party.evaluation.inbound.FactEventHandler;
import vn.party.evaluation.messaging.EventTypes;

/**
 * {@code vn.party.member.disciplined}: a discipline decision, a fact that caps the member's level for the year.
 * Data: memberId, year, decisionId, form ({@link DisciplineForm}), selfDetectedAndRemedied (optional, false),
 * decidedOn (yyyy-mm-dd), decidedBy.
 */
@Component
public class DisciplineHandler extends FactEventHandler<DisciplineDecision> {

  private final MemberFactService service;

  public DisciplineHandler(MemberFactService service) {
    super(EventTypes.DISCIPLINED, "discipline decision {} ({}) for {}/{}{}");
    this.service = service;
  }

  @Override
  protected DisciplineDecision read(EventFields fields) {
    return new DisciplineDecision(
        fields.text("memberId", EventFields.MAX_MEMBER_ID),
        fields.year(),
        fields.text("decisionId", EventFields.MAX_DECISION_ID),
        fields.oneOf("form", DisciplineForm.class, true).orElseThrow(),
        fields.optionalFlag("selfDetectedAndRemedied"),
        fields.date("decidedOn"),
        fields.text("decidedBy", EventFields.MAX_NAME));
  }

  @Override
  protected boolean receive(CloudEvent event, DisciplineDecision decision) {
    return service.receive(event, decision);
  }

  @Override
  protected Object[] logArguments(CloudEvent event, DisciplineDecision decision) {
    return new Object[] {
      decision.decisionId(), event.getId(), decision.year(), decision.memberId()
    };
  }
}
