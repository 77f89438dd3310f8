package vn.party.evaluation.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the documents print that the other features do not already read: names, the minutes, the decided list. Each
 * query names its columns as the record's components, so that rows map to the records by name.
 */
@Component
class DocumentFacts {

  record Unit(String id, String name, String organizationId, String organizationName) {}

  record Person(
      String id,
      String name,
      String branchId,
      String headOf,
      String leadership,
      String membership) {}

  /**
   * A sitting of the branch meeting.
   *
   * @param recordedBy the clerk who took the minutes
   * @param clerkName the clerk's name when a member of the branch's party, else null (named by the directory)
   * @param chairName who chaired, as the meeting recorded it; null for meetings recorded before it was asked
   * @param chairIsSecretary the chair heads the branch (Bí thư chi bộ)
   */
  record Sitting(
      String id,
      LocalDate heldOn,
      String place,
      int officialMembers,
      int exemptedMembers,
      int present,
      String absentNames,
      String recordedBy,
      OffsetDateTime recordedAt,
      String clerkName,
      String chairName,
      boolean chairIsSecretary) {}

  record Vote(
      String memberName,
      int excellent,
      int good,
      int completed,
      int notCompleted,
      String proposedLevel,
      String criticism) {}

  record Decided(String memberName, String branchName, String level) {}

  /** @param finalizedAt null while the results are not finalized */
  record Campaign(
      String regulation,
      String status,
      OffsetDateTime finalizedAt,
      OffsetDateTime lastDecisionAt) {}

  private final JdbcClient jdbc;

  DocumentFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Unit> branch(String branchId) {
    return jdbc.sql(
            """
            select b.id, b.name, o.id as organization_id, o.name as organization_name
            from evaluation.branch b join evaluation.organization o on o.id = b.organization_id
            where b.id = :id""")
        .param("id", branchId)
        .query(Unit.class)
        .optional();
  }

  /** The organization as a unit of its own: its own organization. */
  Optional<Unit> organization(String organizationId) {
    return jdbc.sql(
            """
            select id, name, id as organization_id, name as organization_name from evaluation.organization
            where id = :id""")
        .param("id", organizationId)
        .query(Unit.class)
        .optional();
  }

  Optional<Person> member(String memberId) {
    return jdbc.sql(
            """
            select id, full_name as name, branch_id, head_of, leadership, membership from evaluation.party_member
            where id = :id""")
        .param("id", memberId)
        .query(Person.class)
        .optional();
  }

  /** The branch's secretary (head_of = BRANCH), who signs for the branch. */
  Optional<String> branchSecretary(String branchId) {
    return jdbc.sql(
            "select full_name from evaluation.party_member where branch_id = :id and head_of = 'BRANCH'")
        .param("id", branchId)
        .query(String.class)
        .optional();
  }

  /** The organization's secretary (head_of = ORGANIZATION), who signs for the committee. */
  Optional<String> organizationSecretary(String organizationId) {
    return jdbc.sql(
            """
            select m.full_name from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
            where b.organization_id = :id and m.head_of = 'ORGANIZATION'""")
        .param("id", organizationId)
        .query(String.class)
        .optional();
  }

  List<Sitting> sittings(String branchId, int year) {
    return jdbc.sql(
            """
            select s.id::text as id, s.held_on, s.place, s.official_members, s.exempted_members, s.present,
              s.absent_names, s.recorded_by, s.recorded_at, clerk.full_name as clerk_name,
              chair.full_name as chair_name, coalesce(chair.head_of = 'BRANCH', false) as chair_is_secretary
            from evaluation.branch_meeting s
            left join evaluation.party_member clerk on clerk.id = s.recorded_by
            left join evaluation.party_member chair on chair.id = s.chair_id
            where s.branch_id = :branch and s.year = :year order by s.held_on, s.recorded_at""")
        .param("branch", branchId)
        .param("year", year)
        .query(Sitting.class)
        .list();
  }

  List<Vote> votes(String sittingId) {
    return jdbc.sql(
            """
            select coalesce(m.full_name, v.member_id) as member_name, v.votes_excellent as excellent,
              v.votes_good as good, v.votes_completed as completed, v.votes_not_completed as not_completed,
              v.proposed_level, v.criticism
            from evaluation.branch_meeting_vote v left join evaluation.party_member m on m.id = v.member_id
            where v.meeting_id = cast(:id as uuid) order by member_name""")
        .param("id", sittingId)
        .query(Vote.class)
        .list();
  }

  List<Decided> decided(String organizationId, int year) {
    return jdbc.sql(
            """
            select m.full_name as member_name, b.name as branch_name, e.decided_level as level
            from evaluation.member_evaluation e
            join evaluation.party_member m on m.id = e.member_id
            join evaluation.branch b on b.id = e.branch_id
            where e.organization_id = :org and e.year = :year and e.decided_level is not null
            order by b.name, m.full_name""")
        .param("org", organizationId)
        .param("year", year)
        .query(Decided.class)
        .list();
  }

  Optional<Campaign> campaign(String organizationId, int year) {
    return jdbc.sql(
            """
            select c.regulation, c.status, f.finalized_at,
              (select max(e.decided_at) from evaluation.member_evaluation e where e.campaign_id = c.id)
                as last_decision_at
            from evaluation.campaign c left join evaluation.result_finalization f on f.campaign_id = c.id
            where c.organization_id = :org and c.year = :year""")
        .param("org", organizationId)
        .param("year", year)
        .query(Campaign.class)
        .optional();
  }

  /** The members of a branch waiting for the branch's proposal, rated at all in the year. */
  int ratedInBranch(String branchId, int year) {
    return jdbc.sql(
            "select count(*) from evaluation.member_evaluation where branch_id = :b and year = :y")
        .param("b", branchId)
        .param("y", year)
        .query(Integer.class)
        .single();
  }
}
