package vn.party.evaluation.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.roster.RosterChange.FieldChange;

/** The roster facts in {@code party_member} and their changes in {@code member_roster_change} (append-only). */
@Component
public class Rosters {

  private static final String SELECT =
      """
      select m.id, m.full_name, m.email, m.branch_id, b.organization_id, m.membership, m.status, m.admitted_on,
             m.exempted, m.suspended, m.leadership, m.civil_servant, m.leadership_post, m.head_of
      from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id""";
  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  public Rosters(JdbcClient jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  public Optional<MemberRoster> find(String memberId) {
    return jdbc.sql(SELECT + " where m.id = :id")
        .param("id", memberId)
        .query(MemberRoster.class)
        .optional();
  }

  /** The member's row, locked until the transaction ends: two changes at once are applied one after the other. */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<MemberRoster> lock(String memberId) {
    return jdbc.sql(SELECT + " where m.id = :id for update of m")
        .param("id", memberId)
        .query(MemberRoster.class)
        .optional();
  }

  /**
   * The organization's row, locked until the transaction ends. Every change of a head takes it before any member's
   * row, so two changes of heads in one organization run one after the other: the unique index keeps one head per
   * branch, nothing in the schema keeps one per organization (a member reaches it through the branch).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void lockOrganization(String organizationId) {
    jdbc.sql("select id from evaluation.organization where id = :id for update")
        .param("id", organizationId)
        .query(String.class)
        .optional();
  }

  /**
   * The members other than {@code memberId} who head the unit {@code headOf} names for that member (BRANCH: the
   * member's branch, ORGANIZATION: the member's grassroots organization), locked; at most one in a sound record.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  List<MemberRoster> lockHeads(MemberRoster member, String headOf) {
    String unit =
        "BRANCH".equals(headOf) ? "m.branch_id = :branch" : "b.organization_id = :organization";
    return jdbc.sql(
            SELECT
                + " where m.head_of = :headOf and "
                + unit
                + " and m.id <> :id"
                + " order by m.full_name, m.id for update of m")
        .param("headOf", headOf)
        .param("branch", member.branchId())
        .param("organization", member.organizationId())
        .param("id", member.id())
        .query(MemberRoster.class)
        .list();
  }

  /** The member heads nothing any more (the headship went to another member). */
  @Transactional(propagation = Propagation.MANDATORY)
  void clearHead(String memberId) {
    jdbc.sql("update evaluation.party_member set head_of = null where id = :id")
        .param("id", memberId)
        .update();
  }

  /** The members of a branch, by name. */
  public List<MemberRoster> ofBranch(String branchId) {
    return jdbc.sql(SELECT + " where m.branch_id = :branch order by m.full_name, m.id")
        .param("branch", branchId)
        .query(MemberRoster.class)
        .list();
  }

  /** A member who may sit on a committee of their organization, with the branch's name to tell namesakes apart. */
  public record Seatable(String id, String fullName, String branchId, String branchName) {}

  /**
   * The organization's members who may sit on a committee of one of its units (the rule of {@code
   * UnitService.seat}): active, official, not suspended; by name.
   */
  public List<Seatable> seatable(String organizationId) {
    return jdbc.sql(
            """
            select m.id, m.full_name, m.branch_id, b.name as branch_name
            from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
            where b.organization_id = :o and m.status = 'ACTIVE' and m.membership = 'OFFICIAL'
              and not m.suspended
            order by m.full_name, b.name, m.id""")
        .param("o", organizationId)
        .query(Seatable.class)
        .list();
  }

  /** A branch of the tree, for the members' list page. */
  public record Branch(String id, String name, String organizationId, String organizationName) {}

  public Optional<Branch> branch(String branchId) {
    return jdbc.sql(
            """
            select b.id, b.name, b.organization_id, o.name as organization_name
            from evaluation.branch b join evaluation.organization o on o.id = b.organization_id where b.id = :id""")
        .param("id", branchId)
        .query(Branch.class)
        .optional();
  }

  public List<Branch> branches() {
    return jdbc.sql(
            """
            select b.id, b.name, b.organization_id, o.name as organization_name
            from evaluation.branch b join evaluation.organization o on o.id = b.organization_id
            order by o.name, b.organization_id, b.name, b.id""")
        .query(Branch.class)
        .list();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void update(MemberRoster roster) {
    jdbc.sql(
            """
            update evaluation.party_member set membership = :membership, admitted_on = :admittedOn,
              exempted = :exempted, suspended = :suspended, leadership = :leadership, civil_servant = :civilServant,
              leadership_post = :leadershipPost, head_of = :headOf
            where id = :id""")
        .param("membership", roster.membership())
        .param("admittedOn", roster.admittedOn())
        .param("exempted", roster.exempted())
        .param("suspended", roster.suspended())
        .param("leadership", roster.leadership())
        .param("civilServant", roster.civilServant())
        .param("leadershipPost", roster.leadershipPost())
        .param("headOf", roster.headOf())
        .param("id", roster.id())
        .update();
  }

  /** The branch a member belongs to, as the API names it in a change record. */
  public static final String BRANCH_ID = "branchId";

  /**
   * Moves a member to another branch (a merger of branches, a transfer), with the change record: the branch, and the
   * headship and branch-committee seat of the branch left behind (they do not travel with the member; a branch has
   * one head and the branch the member joins may have its own). The caller holds the transaction and has checked who
   * may do it. Null when the member is already there.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public RosterChange moveToBranch(
      String memberId, String branchId, String changedBy, String reason) {
    MemberRoster current = lock(memberId).orElseThrow();
    if (current.branchId().equals(branchId)) {
      return null;
    }
    List<FieldChange> changes = new ArrayList<>();
    changes.add(new FieldChange(BRANCH_ID, current.branchId(), branchId));
    if ("BRANCH".equals(current.headOf())) {
      changes.add(new FieldChange(RosterFields.HEAD_OF, current.headOf(), null));
    }
    if ("BRANCH_COMMITTEE".equals(current.leadership())) {
      changes.add(new FieldChange(RosterFields.LEADERSHIP, current.leadership(), null));
    }
    jdbc.sql(
            """
            update evaluation.party_member set branch_id = :branch,
              head_of = case when head_of = 'BRANCH' then null else head_of end,
              leadership = case when leadership = 'BRANCH_COMMITTEE' then null else leadership end
            where id = :id""")
        .param("branch", branchId)
        .param("id", memberId)
        .update();
    return record(memberId, changedBy, reason, changes);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  RosterChange record(String memberId, String changedBy, String reason, List<FieldChange> changes) {
    return jdbc.sql(
            """
            insert into evaluation.member_roster_change (member_id, changed_by, reason, changes)
            values (:member, :by, :reason, cast(:changes as jsonb))
            returning id, member_id, changed_at, changed_by, reason, changes::text as changes""")
        .param("member", memberId)
        .param("by", changedBy)
        .param("reason", reason)
        .param("changes", json(changes))
        .query((rs, n) -> change(rs))
        .single();
  }

  /** The member's recorded changes, oldest first. */
  public List<RosterChange> changes(String memberId) {
    return jdbc.sql(
            """
            select id, member_id, changed_at, changed_by, reason, changes::text as changes
            from evaluation.member_roster_change where member_id = :member order by id""")
        .param("member", memberId)
        .query((rs, n) -> change(rs))
        .list();
  }

  /**
   * The years of the campaigns not yet completed that have the member on their roster (rated or not): their
   * eligibility and form were decided from the facts as they were at launch.
   */
  public List<Integer> runningCampaignYears(String memberId) {
    return jdbc.sql(
            """
            select c.year from evaluation.campaign_member cm join evaluation.campaign c on c.id = cm.campaign_id
            where cm.member_id = :member and c.status <> 'COMPLETED' order by c.year""")
        .param("member", memberId)
        .query(Integer.class)
        .list();
  }

  private RosterChange change(ResultSet rs) throws SQLException {
    try {
      return new RosterChange(
          rs.getLong("id"),
          rs.getString("member_id"),
          rs.getObject("changed_at", OffsetDateTime.class),
          rs.getString("changed_by"),
          rs.getString("reason"),
          objectMapper.readValue(rs.getString("changes"), CHANGES));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable roster change " + rs.getLong("id"), e);
    }
  }

  private String json(List<FieldChange> changes) {
    try {
      return objectMapper.writeValueAsString(changes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
