package vn.party.evaluation.collective;

import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.record.YearRows;
import vn.party.evaluation.rules.Cap;

/** collective_evaluation rows, and the facts about a collective's members and branches the caps are computed from. */
@Component
public class CollectiveEvaluations {

  private final JdbcClient jdbc;

  public CollectiveEvaluations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CollectiveEvaluation> find(int year, String collectiveId) {
    return jdbc.sql(
            "select * from evaluation.collective_evaluation where year = :y and collective_id = :c")
        .param("y", year)
        .param("c", collectiveId)
        .query(CollectiveEvaluation.class)
        .optional();
  }

  /** The organization's collectives of the year: its branches by name, then the organization itself. */
  public List<CollectiveEvaluation> ofOrganization(String organizationId, int year) {
    return jdbc.sql(
            """
            select * from evaluation.collective_evaluation where organization_id = :o and year = :y
            order by kind, name""")
        .param("o", organizationId)
        .param("y", year)
        .query(CollectiveEvaluation.class)
        .list();
  }

  /** Whether it is rated (PENDING until its process opens it) or not (NOT_RATED, with the reason and rule). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enroll(
      int year,
      String collectiveId,
      String kind,
      String organizationId,
      UUID campaignId,
      String name,
      boolean rated,
      String reason,
      String rule) {
    jdbc.sql(
            """
            insert into evaluation.collective_evaluation (year, collective_id, kind, organization_id, campaign_id, name,
              status, not_rated_reason, eligibility_rule)
            values (:y, :c, :kind, :o, :campaign, :name, :status, :reason, :rule)
            on conflict (year, collective_id) do nothing""")
        .param("y", year)
        .param("c", collectiveId)
        .param("kind", kind)
        .param("o", organizationId)
        .param("campaign", campaignId)
        .param("name", name)
        .param("status", rated ? "PENDING" : "NOT_RATED")
        .param("reason", rated ? null : reason)
        .param("rule", rule)
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void opened(int year, String collectiveId, String processInstanceId) {
    update(
        year, collectiveId, "process_instance_id = :v1, status = 'SELF_REVIEW'", processInstanceId);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void status(int year, String collectiveId, String status) {
    update(year, collectiveId, "status = :v1", status);
  }

  /** The self-review as submitted (again, after a return): the task results too, null when not stated. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void selfReviewed(
      int year,
      String collectiveId,
      String strengths,
      String limitations,
      String remedies,
      String level,
      Boolean allTasksDone,
      Double lateTasksPercent,
      String by) {
    jdbc.sql(
            """
            update evaluation.collective_evaluation set strengths = :s, limitations = :l, remedial_measures = :r,
              self_proposed_level = :level, all_tasks_done = :done, late_tasks_percent = :late,
              self_reviewed_by = :by, self_reviewed_at = now(), status = 'DECISION', updated_at = now()
            where year = :y and collective_id = :c""")
        .param("s", strengths)
        .param("l", limitations)
        .param("r", remedies)
        .param("level", level)
        .param("done", allTasksDone, Types.BOOLEAN)
        .param("late", lateTasksPercent, Types.DOUBLE)
        .param("by", by)
        .param("y", year)
        .param("c", collectiveId)
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void decided(int year, String collectiveId, String level, String comment, String by) {
    update(
        year,
        collectiveId,
        "decided_level = :v1, decision_comment = :v2, decided_by = :v3, decided_at = now(),"
            + " status = 'DECIDED'",
        level,
        comment,
        by);
  }

  /** Keeps the strictest cap in force (null: none). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void cap(int year, String collectiveId, Cap cap) {
    update(
        year,
        collectiveId,
        "level_cap = :v1, level_cap_reason = :v2, level_cap_rule = :v3",
        cap == null ? null : cap.maxLevel().name(),
        cap == null ? null : cap.reason().name(),
        cap == null ? null : cap.rule().ruleId());
  }

  /**
   * Sets {@code assignments} (its values named :v1, :v2, … in order) on the collective's row, and updated_at: the one
   * update of a collective's row, the statement a member's row is updated with too ({@link YearRows}).
   */
  private void update(int year, String collectiveId, String assignments, Object... values) {
    YearRows.update(
        jdbc,
        "evaluation.collective_evaluation",
        "collective_id",
        year,
        collectiveId,
        assignments,
        values);
  }

  // --- facts for the caps ----------------------------------------------------------------------

  /** Disciplines of the year of the leadership members: [any form, at WARNING or above]. */
  public boolean[] leadershipDisciplined(int year, String kind, String collectiveId) {
    String leaders =
        "BRANCH".equals(kind)
            ? "select id from evaluation.party_member where branch_id = :c and leadership is not null"
            : """
          select m.id from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
          where b.organization_id = :c and m.leadership = 'ORGANIZATION_COMMITTEE'""";
    record Counts(int any, int warning) {}
    Counts counts =
        jdbc.sql(
                """
            select count(*) as any, count(*) filter (where form <> 'REPRIMAND') as warning
            from evaluation.discipline_decision where year = :y and member_id in ("""
                    + leaders
                    + ")")
            .param("y", year)
            .param("c", collectiveId)
            .query(Counts.class)
            .single();
    return new boolean[] {counts.any() > 0, counts.warning() > 0};
  }

  /**
   * Whether a subordinate unit of the collective was disciplined in the year: for the grassroots organization, one of
   * its branches ({@code vn.party.organization.disciplined}); a branch has no subordinate units.
   */
  public boolean subordinateUnitDisciplined(int year, String kind, String collectiveId) {
    if ("BRANCH".equals(kind)) {
      return false;
    }
    return jdbc.sql(
            """
            select exists (select 1 from evaluation.organization_discipline_decision d
                           join evaluation.branch b on b.id = d.organization_id
                           where d.year = :y and b.organization_id = :c)""")
        .param("y", year)
        .param("c", collectiveId)
        .query(Boolean.class)
        .single();
  }

  /**
   * Share (0–100) of the collective's subordinates disciplined in the year or rated NOT_COMPLETED: a branch's members
   * rated in the campaign; the organization's branches rated in the campaign. 0 when there are none.
   */
  public double subordinateShortfallPercent(
      int year, UUID campaignId, String kind, String collectiveId) {
    record Share(int total, int shortfall) {}
    Share share =
        "BRANCH".equals(kind)
            ? jdbc.sql(
                    """
            select count(*) as total,
                   count(*) filter (where e.decided_level = 'NOT_COMPLETED' or exists (
                     select 1 from evaluation.discipline_decision d where d.year = :y and d.member_id = e.member_id))
                     as shortfall
            from evaluation.member_evaluation e where e.year = :y and e.campaign_id = :campaign and e.branch_id = :c""")
                .param("y", year)
                .param("campaign", campaignId)
                .param("c", collectiveId)
                .query(Share.class)
                .single()
            : jdbc.sql(
                    """
            select count(*) as total,
                   count(*) filter (where c.decided_level = 'NOT_COMPLETED' or exists (
                     select 1 from evaluation.organization_discipline_decision d
                     where d.year = :y and d.organization_id = c.collective_id)) as shortfall
            from evaluation.collective_evaluation c
            where c.campaign_id = :campaign and c.kind = 'BRANCH' and c.status <> 'NOT_RATED'""")
                .param("y", year)
                .param("campaign", campaignId)
                .query(Share.class)
                .single();
    return share.total() == 0 ? 0 : Math.round(share.shortfall() * 1000.0 / share.total()) / 10.0;
  }
}
