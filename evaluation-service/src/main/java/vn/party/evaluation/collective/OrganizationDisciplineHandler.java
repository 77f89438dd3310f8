package vn.party.evaluation.collective;

import io.cloudevents.CloudEvent;
import org.springframework.stereotype.Component;
import vn.party.evaluation.inbound.EventFields;
import vn.party.evaluation.inbound.FactEventHandler;
import vn.party.evaluation.messaging.EventTypes;

/**
 * {@code vn.party.organization.disciplined}: a discipline decision against a branch or a grassroots organization, a
 * fact for the caps of the organization above it. Data: organizationId, year, decisionId, form
 * ({@link OrganizationDisciplineForm}), decidedOn (yyyy-mm-dd), decidedBy.
 */
@Component
public class OrganizationDisciplineHandler extends FactEventHandler<OrganizationDiscipline> {

  private final OrganizationDisciplineService service;

  public OrganizationDisciplineHandler(OrganizationDisciplineService service) {
    super(
        EventTypes.ORGANIZATION_DISCIPLINED,
        "organization discipline decision {} ({}) for {}/{}{}");
    this.service = service;
  }

  @Override
  protected OrganizationDiscipline read(EventFields fields) {
    return new OrganizationDiscipline(
        fields.text("organizationId", EventFields.MAX_MEMBER_ID),
        fields.year(),
        fields.text("decisionId", EventFields.MAX_DECISION_ID),
        fields.oneOf("form", OrganizationDisciplineForm.class, true).orElseThrow(),
        fields.date("decidedOn"),
        fields.text("decidedBy", EventFields.MAX_NAME));
  }

  @Override
  protected boolean receive(CloudEvent event, OrganizationDiscipline decision) {
    return service.receive(event, decision);
  }

  @Override
  protected Object[] logArguments(CloudEvent event, OrganizationDiscipline decision) {
    return new Object[] {
      decision.decisionId(), event.getId(), decision.year(), decision.organizationId()
    };
  }
}
