package vn.party.evaluation.caps;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.rules.Level;

/**
 * Facts that cap a member's level, as received (kept whether or not an evaluation exists for them yet), and the
 * rating of the unit the member heads.
 */
@Component
public class MemberFactStore {

  /**
   * What the unit-assessment check reads: whether the member holds a civil-service post ({@code
   * party_member.civil_servant}, false for an unknown member) and the latest unit assessment of the year, if any.
   */
  public record AssessmentCheck(boolean civilServant, Optional<UnitAssessment> latest) {}

  private final JdbcClient jdbc;

  public MemberFactStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the decision; the same decision number again (a correction) replaces the earlier values. */
  @Transactional(propagation = Propagation.MANDATORY)
  void save(DisciplineDecision decision, String eventSource, String eventId) {
    jdbc.sql(
            """
            insert into evaluation.discipline_decision (year, member_id, decision_id, form, self_detected_and_remedied,
              decided_on, decided_by, event_source, event_id)
            values (:year, :member, :decision, :form, :self, :on, :by, :source, :id)
            on conflict (year, member_id, decision_id) do update set form = excluded.form,
              self_detected_and_remedied = excluded.self_detected_and_remedied, decided_on = excluded.decided_on,
              decided_by = excluded.decided_by, event_source = excluded.event_source, event_id = excluded.event_id,
              received_at = now()""")
        .param("year", decision.year())
        .param("member", decision.memberId())
        .param("decision", decision.decisionId())
        .param("form", decision.form().name())
        .param("self", decision.selfDetectedAndRemedied())
        .param("on", decision.decidedOn())
        .param("by", decision.decidedBy())
        .param("source", eventSource)
        .param("id", eventId)
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void save(UnitAssessment assessment, String eventSource, String eventId) {
    jdbc.sql(
            """
            insert into evaluation.unit_assessment (year, member_id, civil_service_level, comment, assessed_by,
              tasks_completed_percent, event_source, event_id)
            values (:year, :member, :level, :comment, :by, :percent, :source, :id)""")
        .param("year", assessment.year())
        .param("member", assessment.memberId())
        .param(
            "level",
            assessment.civilServiceLevel() == null ? null : assessment.civilServiceLevel().name())
        .param("comment", assessment.comment())
        .param("by", assessment.assessedBy())
        .param("percent", assessment.tasksCompletedPercent())
        .param("source", eventSource)
        .param("id", eventId)
        .update();
  }

  /**
   * Whether the member holds a civil-service post, and the latest unit assessment of the year: in one statement
   * (issue 15: two per event that reaches the unit-assessment check).
   */
  public AssessmentCheck assessmentCheck(int year, String memberId) {
    return jdbc.sql(
            """
            select coalesce(m.civil_servant, false) as civil_servant, u.civil_service_level, u.comment,
              u.assessed_by, u.tasks_completed_percent::float8 as tasks_completed_percent, u.id is not null as assessed
            from (select 1) as one
            left join evaluation.party_member m on m.id = :member
            left join lateral (
              select id, civil_service_level, comment, assessed_by, tasks_completed_percent
              from evaluation.unit_assessment where year = :year and member_id = :member order by id desc limit 1) u
              on true""")
        .param("year", year)
        .param("member", memberId)
        .query(
            (rs, row) ->
                new AssessmentCheck(
                    rs.getBoolean("civil_servant"),
                    rs.getBoolean("assessed")
                        ? Optional.of(
                            new UnitAssessment(
                                memberId,
                                year,
                                Level.parse(rs.getString("civil_service_level")).orElse(null),
                                rs.getString("comment"),
                                rs.getString("assessed_by"),
                                rs.getObject("tasks_completed_percent", Double.class)))
                        : Optional.empty()))
        .single();
  }

  /**
   * The discipline decisions of the year, the civil-service level and share of tasks completed of the latest unit
   * assessment, and the level of the unit the member heads once it is rated (a fact that caps the member's level
   * wherever a cap is computed: the decision, a finalization adjustment, a re-appraisal, a re-rating; none for a
   * member who heads nothing, or whose unit is not rated yet): in one statement (issue 15: read at every task's
   * creation, in three), a row per decision with the other figures on each, or one row with them alone when no
   * decision arrived.
   */
  public KnownFacts facts(int year, String memberId) {
    List<DisciplineDecision> disciplines = new ArrayList<>();
    Level[] civilServiceLevel = new Level[1];
    Double[] tasksCompletedPercent = new Double[1];
    Level[] headedUnitLevel = new Level[1];
    jdbc.sql(
            """
            select d.decision_id, d.form, d.self_detected_and_remedied, d.decided_on, d.decided_by,
              u.civil_service_level, u.tasks_completed_percent::float8 as tasks_completed_percent,
              h.decided_level as headed_unit_level
            from (select 1) as one
            left join lateral (
              select civil_service_level, tasks_completed_percent from evaluation.unit_assessment
              where year = :year and member_id = :member order by id desc limit 1) u on true
            left join lateral (
              select c.decided_level from evaluation.member_evaluation e
              join evaluation.campaign_member cm on cm.campaign_id = e.campaign_id and cm.member_id = e.member_id
              join evaluation.collective_evaluation c on c.year = e.year and c.status = 'DECIDED'
                and c.collective_id = (case when cm.head_of = 'BRANCH' then e.branch_id else e.organization_id end)
              where e.year = :year and e.member_id = :member and cm.head_of is not null limit 1) h on true
            left join evaluation.discipline_decision d on d.year = :year and d.member_id = :member
            order by d.decided_on, d.id""")
        .param("year", year)
        .param("member", memberId)
        .query(
            (ResultSet rs) -> {
              String level = rs.getString("civil_service_level");
              civilServiceLevel[0] = level == null ? null : Level.parse(level).orElse(null);
              tasksCompletedPercent[0] = rs.getObject("tasks_completed_percent", Double.class);
              String headed = rs.getString("headed_unit_level");
              headedUnitLevel[0] = headed == null ? null : Level.parse(headed).orElse(null);
              if (rs.getString("decision_id") != null) {
                disciplines.add(
                    new DisciplineDecision(
                        memberId,
                        year,
                        rs.getString("decision_id"),
                        DisciplineForm.valueOf(rs.getString("form")),
                        rs.getBoolean("self_detected_and_remedied"),
                        rs.getObject("decided_on", LocalDate.class),
                        rs.getString("decided_by")));
              }
            });
    return new KnownFacts(
        disciplines, civilServiceLevel[0], tasksCompletedPercent[0], headedUnitLevel[0]);
  }
}
