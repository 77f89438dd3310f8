package vn.party.evaluation.unit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tree in {@code unit}, its history and committees, and the rating collectives' rows ({@code organization},
 * {@code branch}) written alongside: a grassroots organization and a branch are always both a unit and a collective.
 */
@Component
public class Units {

  private static final String SELECT =
      """
      select id, kind, parent_id, organization_id, name, code, opened_on, dissolved_on, merged_into
      from evaluation.unit""";
  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  public Units(JdbcClient jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  public Optional<Unit> find(String id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Unit.class).optional();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Unit> lock(String id) {
    return jdbc.sql(SELECT + " where id = :id for update")
        .param("id", id)
        .query(Unit.class)
        .optional();
  }

  public Optional<Unit> byCode(String code) {
    return jdbc.sql(SELECT + " where lower(code) = lower(:code)")
        .param("code", code)
        .query(Unit.class)
        .optional();
  }

  /** Every unit, parents before children (a depth-first order by name), the dissolved ones too. */
  public List<Unit> all() {
    return jdbc.sql(
            """
            with recursive tree as (
              select u.*, array[u.name::text, u.id::text] as path from evaluation.unit u where parent_id is null
              union all
              select c.*, t.path || array[c.name::text, c.id::text] from evaluation.unit c join tree t on c.parent_id = t.id)
            select id, kind, parent_id, organization_id, name, code, opened_on, dissolved_on, merged_into
            from tree order by path""")
        .query(Unit.class)
        .list();
  }

  public List<Unit> children(String id) {
    return jdbc.sql(SELECT + " where parent_id = :id order by name, id")
        .param("id", id)
        .query(Unit.class)
        .list();
  }

  /** Open branches at any depth below the unit (itself if it is one). */
  public List<Unit> branchesUnder(String id) {
    return jdbc.sql(
            """
            with recursive below as (
              select * from evaluation.unit where id = :id
              union all
              select c.* from evaluation.unit c join below b on c.parent_id = b.id)
            select id, kind, parent_id, organization_id, name, code, opened_on, dissolved_on, merged_into
            from below where kind = 'BRANCH' and dissolved_on is null order by name, id""")
        .param("id", id)
        .query(Unit.class)
        .list();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void insert(Unit unit) {
    if (unit.kind() == UnitKind.ORGANIZATION) {
      jdbc.sql(
              "insert into evaluation.organization (id, name, established_on) values (:id, :name, :opened)")
          .param("id", unit.id())
          .param("name", unit.name())
          .param("opened", unit.openedOn())
          .update();
    }
    jdbc.sql(
            """
            insert into evaluation.unit (id, kind, parent_id, organization_id, name, code, opened_on)
            values (:id, :kind, :parent, :organization, :name, :code, :opened)""")
        .param("id", unit.id())
        .param("kind", unit.kind().name())
        .param("parent", unit.parentId())
        .param("organization", unit.organizationId())
        .param("name", unit.name())
        .param("code", unit.code())
        .param("opened", unit.openedOn())
        .update();
    if (unit.kind() == UnitKind.BRANCH) {
      jdbc.sql(
              """
              insert into evaluation.branch (id, organization_id, name, established_on)
              values (:id, :organization, :name, :opened)""")
          .param("id", unit.id())
          .param("organization", unit.organizationId())
          .param("name", unit.name())
          .param("opened", unit.openedOn())
          .update();
    }
  }

  /** Name, code and opening date, in the tree and in the collective's row. */
  @Transactional(propagation = Propagation.MANDATORY)
  void update(Unit unit) {
    jdbc.sql(
            "update evaluation.unit set name = :name, code = :code, opened_on = :opened where id = :id")
        .param("name", unit.name())
        .param("code", unit.code())
        .param("opened", unit.openedOn())
        .param("id", unit.id())
        .update();
    String collective =
        switch (unit.kind()) {
          case ORGANIZATION -> "evaluation.organization";
          case BRANCH -> "evaluation.branch";
          default -> null;
        };
    if (collective != null) {
      jdbc.sql(
              "update " + collective + " set name = :name, established_on = :opened where id = :id")
          .param("name", unit.name())
          .param("opened", unit.openedOn())
          .param("id", unit.id())
          .update();
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void dissolve(String id, LocalDate on, String mergedInto) {
    jdbc.sql("update evaluation.unit set dissolved_on = :on, merged_into = :into where id = :id")
        .param("on", on)
        .param("into", mergedInto)
        .param("id", id)
        .update();
    jdbc.sql("update evaluation.branch set dissolved_on = :on where id = :id")
        .param("on", on)
        .param("id", id)
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void reparent(String id, String parentId) {
    jdbc.sql("update evaluation.unit set parent_id = :parent where id = :id")
        .param("parent", parentId)
        .param("id", id)
        .update();
  }

  /** Whether a rating collective of that id exists outside the tree (written before it, or by SQL). */
  public boolean collectiveExists(String id) {
    return jdbc.sql(
            """
            select exists (select 1 from evaluation.organization where id = :id)
                or exists (select 1 from evaluation.branch where id = :id)""")
        .param("id", id)
        .query(Boolean.class)
        .single();
  }

  /** Members of a branch still on its roll (ACTIVE). */
  public int activeMembers(String branchId) {
    return jdbc.sql(
            "select count(*) from evaluation.party_member where branch_id = :b and status = 'ACTIVE'")
        .param("b", branchId)
        .query(Integer.class)
        .single();
  }

  /**
   * Evaluations in progress (not yet decided, not ended by a movement) of a campaign not completed whose tasks belong
   * to this unit's committees: those of the branch, or of the organization. A merger or dissolution would leave their
   * open tasks on a committee group that no longer has anybody (outsider's re-attack of 2026-12-07).
   */
  public int evaluationsInProgress(String unitId) {
    return jdbc.sql(
            """
            select count(*) from evaluation.member_evaluation e
              join evaluation.campaign c on c.id = e.campaign_id
            where (e.branch_id = :u or e.organization_id = :u)
              and e.status not in ('DECIDED', 'ENDED') and c.status <> 'COMPLETED'""")
        .param("u", unitId)
        .query(Integer.class)
        .single();
  }

  public List<String> activeMemberIds(String branchId) {
    return jdbc.sql(
            "select id from evaluation.party_member where branch_id = :b and status = 'ACTIVE' order by id")
        .param("b", branchId)
        .query(String.class)
        .list();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void moveMember(String memberId, String branchId) {
    jdbc.sql("update evaluation.party_member set branch_id = :b where id = :m")
        .param("b", branchId)
        .param("m", memberId)
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void record(
      String unitId, String actor, String action, String reason, Map<String, Object> details) {
    jdbc.sql(
            """
            insert into evaluation.unit_history (unit_id, actor, action, reason, details)
            values (:unit, :actor, :action, :reason, cast(:details as jsonb))""")
        .param("unit", unitId)
        .param("actor", actor)
        .param("action", action)
        .param("reason", reason)
        .param("details", json(details))
        .update();
  }

  public List<UnitHistoryEntry> history(String unitId) {
    return jdbc.sql(
            """
            select id, unit_id, occurred_at, actor, action, reason, details::text as details
            from evaluation.unit_history where unit_id = :unit order by id""")
        .param("unit", unitId)
        .query(
            (rs, n) ->
                new UnitHistoryEntry(
                    rs.getLong("id"),
                    rs.getString("unit_id"),
                    rs.getObject("occurred_at", OffsetDateTime.class),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("reason"),
                    details(rs.getString("details"))))
        .list();
  }

  // ---- committees

  private static final String SEATS =
      """
      select s.unit_id, s.person_id,
             coalesce(m.full_name, nullif(trim(coalesce(u.first_ ,'') || ' ' || coalesce(u.last_, '')), ''), s.person_id)
               as person_name, s.body, s.role, s.since
      from evaluation.unit_committee_member s
      left join evaluation.party_member m on m.id = s.person_id
      left join public.act_id_user u on u.id_ = s.person_id""";

  /** A person's name as the committee lists show it (the roster's, else the sign-in's); empty for nobody known. */
  public Optional<String> personName(String personId) {
    return jdbc.sql(
            """
            select coalesce(
              (select full_name from evaluation.party_member where id = :p),
              (select nullif(trim(coalesce(first_, '') || ' ' || coalesce(last_, '')), '')
                 from public.act_id_user where id_ = :p))""")
        .param("p", personId)
        .query(String.class)
        .optional();
  }

  public List<CommitteeSeat> seats(String unitId) {
    return jdbc.sql(
            SEATS
                + """
             where s.unit_id = :unit
            order by s.body, case s.role when 'SECRETARY' then 0 when 'DEPUTY' then 1 else 2 end, person_name""")
        .param("unit", unitId)
        .query(CommitteeSeat.class)
        .list();
  }

  public List<CommitteeSeat> seatsOf(String personId) {
    return jdbc.sql(SEATS + " where s.person_id = :person order by s.unit_id, s.body")
        .param("person", personId)
        .query(CommitteeSeat.class)
        .list();
  }

  public Optional<CommitteeSeat> seat(String unitId, String body, String personId) {
    return jdbc.sql(SEATS + " where s.unit_id = :unit and s.body = :body and s.person_id = :person")
        .param("unit", unitId)
        .param("body", body)
        .param("person", personId)
        .query(CommitteeSeat.class)
        .optional();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void seat(String unitId, String body, String personId, String role) {
    jdbc.sql(
            """
            insert into evaluation.unit_committee_member (unit_id, person_id, body, role)
            values (:unit, :person, :body, :role)
            on conflict (unit_id, body, person_id) do update set role = excluded.role""")
        .param("unit", unitId)
        .param("person", personId)
        .param("body", body)
        .param("role", role)
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void unseat(String unitId, String body, String personId) {
    jdbc.sql(
            "delete from evaluation.unit_committee_member where unit_id = :unit and body = :body and person_id = :p")
        .param("unit", unitId)
        .param("body", body)
        .param("p", personId)
        .update();
  }

  /** The members of a grassroots organization: a member's branch belongs to it at any depth. */
  public Optional<String> organizationOfMember(String memberId) {
    return jdbc.sql(
            """
            select b.organization_id from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
            where m.id = :m""")
        .param("m", memberId)
        .query(String.class)
        .optional();
  }

  private Map<String, Object> details(String json) {
    try {
      return objectMapper.readValue(json, DETAILS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable unit history", e);
    }
  }

  private String json(Map<String, Object> details) {
    try {
      return objectMapper.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
