package vn.party.evaluation.audit;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The inspectors' search over every evaluation, running or finished, of any year. Reads only. */
@Component
public class EvaluationSearch {

  static final int MAX_ROWS = 500;

  private final JdbcClient jdbc;

  public EvaluationSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param member a member id, or a part of the name (case-insensitive)
   * @param differs only evaluations whose decided level differs from the branch's proposal, or whose branch
   *                proposal differs from the self-proposed level
   */
  public record Criteria(
      Integer year,
      String member,
      String branchId,
      String organizationId,
      String level,
      boolean differs) {}

  public record Row(
      int year,
      String memberId,
      String memberName,
      String branchId,
      String branchName,
      String organizationId,
      String organizationName,
      String status,
      String selfProposedLevel,
      String branchProposedLevel,
      String decidedLevel,
      OffsetDateTime decidedAt) {

    public boolean branchDiffersFromSelf() {
      return branchProposedLevel != null
          && selfProposedLevel != null
          && !branchProposedLevel.equals(selfProposedLevel);
    }

    public boolean decisionDiffersFromBranch() {
      return decidedLevel != null
          && branchProposedLevel != null
          && !decidedLevel.equals(branchProposedLevel);
    }
  }

  public List<Row> find(Criteria criteria) {
    return find(criteria, null);
  }

  /**
   * @param scope the organizations the reader inspects; null: every organization (global auditors, administrators)
   */
  public List<Row> find(Criteria criteria, Collection<String> scope) {
    return jdbc.sql(
            """
            select e.year, e.member_id, m.full_name as member_name, e.branch_id, b.name as branch_name,
                   e.organization_id, o.name as organization_name, e.status, e.self_proposed_level,
                   e.branch_proposed_level, e.decided_level, e.decided_at
            from evaluation.member_evaluation e
            join evaluation.party_member m on m.id = e.member_id
            join evaluation.branch b on b.id = e.branch_id
            join evaluation.organization o on o.id = e.organization_id
            where (cast(:year as integer) is null or e.year = cast(:year as integer))
              and (cast(:member as varchar) is null or e.member_id = cast(:member as varchar)
                   or strpos(lower(m.full_name), lower(cast(:member as varchar))) > 0)
              and (cast(:branch as varchar) is null or e.branch_id = cast(:branch as varchar))
              and (cast(:org as varchar) is null or e.organization_id = cast(:org as varchar))
              and (cast(:level as varchar) is null or e.decided_level = cast(:level as varchar))
              and (:everywhere or e.organization_id in (:scope))
              and (not :differs
                   or e.decided_level is distinct from e.branch_proposed_level and e.decided_level is not null
                   or e.branch_proposed_level is distinct from e.self_proposed_level
                      and e.branch_proposed_level is not null)
            order by e.year desc, o.name, b.name, m.full_name
            limit :limit""")
        .param("year", criteria.year())
        .param("member", blankToNull(criteria.member()))
        .param("branch", blankToNull(criteria.branchId()))
        .param("org", blankToNull(criteria.organizationId()))
        .param("level", blankToNull(criteria.level()))
        .param("differs", criteria.differs())
        .param("limit", MAX_ROWS)
        .param("everywhere", scope == null)
        .param("scope", scope == null || scope.isEmpty() ? List.of("") : scope)
        .query(Row.class)
        .list();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
