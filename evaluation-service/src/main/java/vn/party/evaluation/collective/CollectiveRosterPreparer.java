package vn.party.evaluation.collective;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.heads.UnitHeads;
import vn.party.evaluation.process.CollectiveKind;
import vn.party.evaluation.rules.Eligibility;
import vn.party.evaluation.rules.MemberFacts;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.rules.RuleBook;
import vn.party.evaluation.security.Actors;

/**
 * Step prepare-collectives: which of the organization's branches are rated as collectives this year, and whether the
 * organization itself is — the organization-eligibility decision of the campaign's regulation (less than six months
 * since founding: not rated). Each collective gets its row, rated or not and why; the head of a collective not rated
 * waits no longer.
 */
@Component("collectiveRosterPreparer")
public class CollectiveRosterPreparer implements JavaDelegate {

  /** No founding date on file: an established collective, well past the six months. */
  private static final int MONTHS_OF_AN_ESTABLISHED_COLLECTIVE = 12;

  private final JdbcClient jdbc;
  private final RuleBook rules;
  private final CollectiveEvaluations evaluations;
  private final Timeline timeline;
  private final UnitHeads heads;

  public CollectiveRosterPreparer(
      JdbcClient jdbc,
      RuleBook rules,
      CollectiveEvaluations evaluations,
      Timeline timeline,
      UnitHeads heads) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.evaluations = evaluations;
    this.timeline = timeline;
    this.heads = heads;
  }

  private record Unit(String id, String name, LocalDate establishedOn) {}

  @Override
  public void execute(DelegateExecution execution) {
    int year = year(execution);
    String organizationId = (String) execution.getVariable(ORGANIZATION_ID);
    UUID campaignId = UUID.fromString((String) execution.getVariable(CAMPAIGN_ID));
    Regulation regulation = Regulation.fromCode((String) execution.getVariable(REGULATION));

    List<String> ratedBranches = new ArrayList<>();
    for (Unit branch :
        jdbc.sql(
                """
            select id, name, established_on from evaluation.branch
            where organization_id = :o and dissolved_on is null order by name""")
            .param("o", organizationId)
            .query(Unit.class)
            .list()) {
      if (enroll(year, branch, CollectiveKind.BRANCH, organizationId, campaignId, regulation)) {
        ratedBranches.add(branch.id());
      }
    }
    Unit organization =
        jdbc.sql("select id, name, established_on from evaluation.organization where id = :o")
            .param("o", organizationId)
            .query(Unit.class)
            .single();
    boolean organizationRated =
        enroll(
            year,
            organization,
            CollectiveKind.ORGANIZATION,
            organizationId,
            campaignId,
            regulation);
    execution.setVariable(RATED_BRANCHES, ratedBranches);
    execution.setVariable(ORGANIZATION_RATED, organizationRated);
  }

  private boolean enroll(
      int year,
      Unit unit,
      CollectiveKind kind,
      String organizationId,
      UUID campaignId,
      Regulation regulation) {
    int months =
        unit.establishedOn() == null
            ? MONTHS_OF_AN_ESTABLISHED_COLLECTIVE
            : MemberFacts.monthsToYearEnd(unit.establishedOn(), year);
    Eligibility eligibility = rules.organizationEligibility(regulation, Math.max(0, months));
    evaluations.enroll(
        year,
        unit.id(),
        kind.name(),
        organizationId,
        campaignId,
        unit.name(),
        eligibility.rated(),
        eligibility.reason().name(),
        eligibility.rule().ruleId());
    if (!eligibility.rated()) {
      timeline.record(
          year,
          CollectiveEvaluation.timelineSubject(unit.id()),
          TimelineKind.COLLECTIVE_NOT_RATED,
          null,
          null,
          Actors.SYSTEM, // a rule of the launch, not a person's judgement
          Map.of(
              "reasonCode",
              eligibility.reason().name(),
              "reason",
              eligibility.reason().label(),
              "ruleId",
              eligibility.rule().ruleId()));
      heads.unitRated(
          year,
          campaignId,
          kind,
          unit.id(),
          null); // nothing to wait for: the head is decided alone
    }
    return eligibility.rated();
  }
}
