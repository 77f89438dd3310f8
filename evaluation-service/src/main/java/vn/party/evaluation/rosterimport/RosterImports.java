package vn.party.evaluation.rosterimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The imports ({@code roster_import}) and what an import reads and writes of the roster. */
@Component
class RosterImports {

  /** An import as kept. */
  record Import(
      UUID id,
      String organizationId,
      String fileName,
      String format,
      String sha256,
      String uploadedBy,
      OffsetDateTime uploadedAt,
      int rowsTotal,
      int problemsTotal,
      String status,
      String committedBy,
      OffsetDateTime committedAt,
      Integer membersCreated,
      Integer membersUpdated,
      Integer membersUnchanged) {}

  private static final String SELECT =
      """
      select id, organization_id, file_name, format, sha256, uploaded_by, uploaded_at, rows_total, problems_total,
             status, committed_by, committed_at, members_created, members_updated, members_unchanged
      from evaluation.roster_import""";

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  RosterImports(JdbcClient jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  boolean organizationExists(String organizationId) {
    return jdbc.sql("select count(*) from evaluation.organization where id = :o")
            .param("o", organizationId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The organization's open branches by code (the tree's, else the id) and by name, as {@link RowChecker#key}. */
  Map<String, String> branches(String organizationId) {
    Map<String, String> branches = new HashMap<>();
    jdbc.sql(
            """
            select b.id, b.name, coalesce(u.code, b.id) as code from evaluation.branch b
            left join evaluation.unit u on u.id = b.id
            where b.organization_id = :o and b.dissolved_on is null""")
        .param("o", organizationId)
        .query(
            (rs, n) -> {
              branches.putIfAbsent(RowChecker.key(rs.getString("name")), rs.getString("id"));
              branches.put(RowChecker.key(rs.getString("code")), rs.getString("id"));
              branches.put(RowChecker.key(rs.getString("id")), rs.getString("id"));
              return null;
            })
        .list();
    return branches;
  }

  Map<String, RowChecker.CardHolder> cardHolders() {
    Map<String, RowChecker.CardHolder> holders = new HashMap<>();
    jdbc.sql(
            """
            select m.card_number, m.id, b.organization_id from evaluation.party_member m
            join evaluation.branch b on b.id = m.branch_id where m.card_number is not null""")
        .query(
            (rs, n) ->
                holders.put(
                    rs.getString("card_number"),
                    new RowChecker.CardHolder(rs.getString("id"), rs.getString("organization_id"))))
        .list();
    return holders;
  }

  Map<String, ExistingMember> members(String organizationId) {
    Map<String, ExistingMember> members = new HashMap<>();
    jdbc.sql(
            """
            select m.id, m.card_number, m.full_name, m.date_of_birth, m.sex, m.admitted_on, m.official_on,
                   m.membership, m.branch_id, m.party_post, m.state_post, m.civil_servant, m.exempted, m.suspended,
                   m.email, m.phone, m.head_of, m.leadership
            from evaluation.party_member m join evaluation.branch b on b.id = m.branch_id
            where b.organization_id = :o and m.card_number is not null""")
        .param("o", organizationId)
        .query(ExistingMember.class)
        .list()
        .forEach(member -> members.put(member.cardNumber(), member));
    return members;
  }

  boolean memberIdTaken(String id) {
    return jdbc.sql("select count(*) from evaluation.party_member where id = :id")
            .param("id", id)
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Which of these ids are members' ids: one query. Joined to the ids given rather than {@code id in (…)}, which a
   * roster grown by a big import in this very transaction (its statistics older) has answered with a sequential scan
   * comparing every row with every id: 0.6 s per 500 ids at 44,000 members (bench of 2026-12-07).
   */
  Set<String> memberIdsTaken(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                """
                select m.id from unnest(cast(:ids as varchar[])) as asked(id)
                join evaluation.party_member m on m.id = asked.id""")
            .param("ids", ids.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void save(
      UUID id,
      String organizationId,
      String fileName,
      String format,
      String sha256,
      byte[] content,
      String uploadedBy,
      int rows,
      int problems) {
    jdbc.sql(
            """
            insert into evaluation.roster_import (id, organization_id, file_name, format, sha256, content,
              uploaded_by, rows_total, problems_total, status)
            values (:id, :o, :name, :format, :sha, :content, :by, :rows, :problems, 'PREVIEWED')""")
        .param("id", id)
        .param("o", organizationId)
        .param("name", fileName)
        .param("format", format)
        .param("sha", sha256)
        .param("content", content)
        .param("by", uploadedBy)
        .param("rows", rows)
        .param("problems", problems)
        .update();
  }

  Optional<Import> find(UUID id) {
    return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Import.class).optional();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Import> lock(UUID id) {
    return jdbc.sql(SELECT + " where id = :id for update")
        .param("id", id)
        .query(Import.class)
        .optional();
  }

  byte[] content(UUID id) {
    return jdbc.sql("select content from evaluation.roster_import where id = :id")
        .param("id", id)
        .query(byte[].class)
        .single();
  }

  List<Import> ofOrganization(String organizationId) {
    return jdbc.sql(SELECT + " where organization_id = :o order by uploaded_at desc limit 20")
        .param("o", organizationId)
        .query(Import.class)
        .list();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void committed(UUID id, String by, int created, int updated, int unchanged) {
    jdbc.sql(
            """
            update evaluation.roster_import set status = 'COMMITTED', committed_by = :by, committed_at = now(),
              members_created = :c, members_updated = :u, members_unchanged = :n where id = :id""")
        .param("by", by)
        .param("c", created)
        .param("u", updated)
        .param("n", unchanged)
        .param("id", id)
        .update();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void insert(String id, MemberRow row) {
    jdbc.sql(
            """
            insert into evaluation.party_member (id, full_name, email, branch_id, membership, status, admitted_on,
              exempted, suspended, civil_servant, card_number, date_of_birth, sex, official_on, party_post, state_post,
              phone)
            values (:id, :name, :email, :branch, :membership, 'ACTIVE', :admitted, :exempted, :suspended, :civil,
              :card, :dob, :sex, :official, :partyPost, :statePost, :phone)""")
        .params(facts(id, row))
        .param("card", row.cardNumber())
        .update();
  }

  /** The file's facts over the member's; a move to another branch leaves the old branch's headship and seat. */
  @Transactional(propagation = Propagation.MANDATORY)
  void update(String id, MemberRow row, boolean branchChanged) {
    jdbc.sql(
            """
            update evaluation.party_member set full_name = :name, email = :email, branch_id = :branch,
              membership = :membership, admitted_on = :admitted, exempted = :exempted, suspended = :suspended,
              civil_servant = :civil, date_of_birth = :dob, sex = :sex, official_on = :official,
              party_post = :partyPost, state_post = :statePost, phone = :phone,
              head_of = case when :moved and head_of = 'BRANCH' then null else head_of end,
              leadership = case when :moved and leadership = 'BRANCH_COMMITTEE' then null else leadership end
            where id = :id""")
        .params(facts(id, row))
        .param("moved", branchChanged)
        .update();
  }

  /** The file's facts of a member as the insert and the update name them (the card number only the insert). */
  private static Map<String, Object> facts(String id, MemberRow row) {
    Map<String, Object> facts = new HashMap<>(); // values may be null: Map.of takes none
    facts.put("id", id);
    facts.put("name", row.fullName());
    facts.put("email", row.email());
    facts.put("branch", row.branchId());
    facts.put("membership", row.membership());
    facts.put("admitted", row.admittedOn());
    facts.put("exempted", row.exempted());
    facts.put("suspended", row.suspended());
    facts.put("civil", row.civilServant());
    facts.put("dob", row.dateOfBirth());
    facts.put("sex", row.sex());
    facts.put("official", row.officialOn());
    facts.put("partyPost", row.partyPost());
    facts.put("statePost", row.statePost());
    facts.put("phone", row.phone());
    return facts;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void record(String memberId, String by, String reason, List<Map<String, Object>> changes) {
    jdbc.sql(
            """
            insert into evaluation.member_roster_change (member_id, changed_by, reason, changes)
            values (:member, :by, :reason, cast(:changes as jsonb))""")
        .param("member", memberId)
        .param("by", by)
        .param("reason", reason)
        .param("changes", json(changes))
        .update();
  }

  private String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
