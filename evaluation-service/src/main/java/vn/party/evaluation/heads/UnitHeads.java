package vn.party.evaluation.heads;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.audit.TimelineKind;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.process.CollectiveKind;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.record.EvaluationRecords;
import vn.party.evaluation.security.Actors;

/** Who heads which unit in a campaign, what became of the unit's rating, and telling the head's evaluation. */
@Component
public class UnitHeads {

  /** The rating of a unit as its head's decision needs it: rated at {@code level}, or not rated (level null). */
  public record UnitOutcome(String level) {}

  private final JdbcClient jdbc;
  private final EvaluationRecords records;
  private final Timeline timeline;
  private final RuntimeService runtimeService;

  public UnitHeads(
      JdbcClient jdbc,
      EvaluationRecords records,
      Timeline timeline,
      RuntimeService runtimeService) {
    this.jdbc = jdbc;
    this.records = records;
    this.timeline = timeline;
    this.runtimeService = runtimeService;
  }

  /** The unit's rating once it is decided or known not to be rated; empty while it is still to come. */
  public Optional<UnitOutcome> outcome(int year, String unitId) {
    return jdbc.sql(
            """
            select status, decided_level from evaluation.collective_evaluation
            where year = :y and collective_id = :c and status in ('DECIDED', 'NOT_RATED')""")
        .param("y", year)
        .param("c", unitId)
        .query((rs, n) -> new UnitOutcome(rs.getString("decided_level")))
        .optional();
  }

  /**
   * The unit is rated (or found not to be): each member of the campaign who heads it and has an evaluation gets the
   * level on the timeline, and the evaluation waiting for it goes on to the committee's decision. The head's row is
   * locked first, as {@link HeadedUnitLookup} locks it: whichever comes second sees the other's work.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void unitRated(
      int year, UUID campaignId, CollectiveKind kind, String unitId, String level) {
    for (String headId : heads(campaignId, kind, unitId)) {
      if (!records.lock(year, headId)) {
        continue;
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("unitId", unitId);
      details.put("unitKind", kind.name());
      details.put("unitLevel", level); // null: the unit is not rated this year
      timeline.record(
          year,
          headId,
          TimelineKind.HEADED_UNIT_RATED,
          null,
          null,
          Actors.SYSTEM, // the process told the head's case, whoever rated the unit
          details);
      Map<String, Object> variables = new HashMap<>();
      variables.put(ProcessVariables.HEADED_UNIT_RATED, true);
      variables.put(ProcessVariables.HEADED_UNIT_LEVEL, level);
      // correlateAll: an evaluation not yet at the wait finds the rating itself when it gets there
      runtimeService
          .createMessageCorrelation(ProcessKeys.MESSAGE_HEADED_UNIT_RATED)
          .processInstanceBusinessKey(BusinessKeys.member(year, headId))
          .setVariables(variables)
          .correlateAll();
    }
  }

  private List<String> heads(UUID campaignId, CollectiveKind kind, String unitId) {
    return jdbc.sql(
            """
            select cm.member_id from evaluation.campaign_member cm
            join evaluation.member_evaluation e on e.campaign_id = cm.campaign_id and e.member_id = cm.member_id
            where cm.campaign_id = :c and cm.head_of = :kind
              and (case when cm.head_of = 'BRANCH' then e.branch_id else e.organization_id end) = :unit
            order by cm.member_id""")
        .param("c", campaignId)
        .param("kind", kind.name())
        .param("unit", unitId)
        .query(String.class)
        .list();
  }
}
