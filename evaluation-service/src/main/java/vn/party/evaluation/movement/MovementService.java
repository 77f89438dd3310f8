package vn.party.evaluation.movement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.account.MemberAccounts;
import vn.party.evaluation.roster.MemberRoster;
import vn.party.evaluation.roster.RosterAccess;
import vn.party.evaluation.roster.Rosters;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.unit.UnitService;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * Movements during the year, each written with the roster's change record and the movement's own row in one
 * transaction:
 * <ul>
 *   <li>TRANSFER (chuyển sinh hoạt đảng) to a branch of this or another organization: the branch; the headship and
 *       committee seat of the branch (and, across organizations, of the organization) left behind end;</li>
 *   <li>TRANSFER_OUT (to an organization outside this system), LEAVING (ra khỏi Đảng), DEATH: the member is no longer
 *       ACTIVE (TRANSFERRED_OUT, LEFT, DECEASED), heads and sits on nothing, and the account is disabled — never
 *       deleted, so the record and its history stay;</li>
 *   <li>RECOGNITION (công nhận đảng viên chính thức): OFFICIAL from the date given.</li>
 * </ul>
 * Admission is a new member: the roster import (or its row in the next file). What a movement does to a running
 * campaign: {@link RunningCampaignEffects}, in the same transaction, and the README's table.
 */
@Service
public class MovementService {

  public static final Set<String> KINDS =
      Set.of("TRANSFER", "TRANSFER_OUT", "RECOGNITION", "LEAVING", "DEATH");

  public record Request(String kind, String toBranch, String on, String reason) {}

  /**
   * @param campaignEffect what it did to a running campaign: NONE, ENDED, MOVED, KEPT, FORM_CHANGED, TRANSFERRED
   */
  public record Movement(
      long id,
      String memberId,
      String kind,
      LocalDate occurredOn,
      String fromBranch,
      String toBranch,
      String reason,
      String recordedBy,
      OffsetDateTime recordedAt,
      String campaignEffect) {}

  private final Rosters rosters;
  private final JdbcClient jdbc;
  private final MemberAccounts accounts;
  private final UnitService units;
  private final ObjectMapper objectMapper;
  private final RunningCampaignEffects effects;
  private final ZoneId zone;

  public MovementService(
      Rosters rosters,
      JdbcClient jdbc,
      MemberAccounts accounts,
      UnitService units,
      ObjectMapper objectMapper,
      RunningCampaignEffects effects,
      @Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.effects = effects;
    this.rosters = rosters;
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.units = units;
    this.objectMapper = objectMapper;
    this.zone = ZoneId.of(zone);
  }

  public List<Movement> of(String memberId, CurrentUser user) {
    MemberRoster member =
        rosters.find(memberId).orElseThrow(() -> RosterAccess.unknown(memberId, user));
    if (!RosterAccess.mayRead(member, user)) {
      throw ApiException.forbidden();
    }
    return jdbc.sql(
            """
            select id, member_id, kind, occurred_on, from_branch, to_branch, reason, recorded_by, recorded_at,
              campaign_effect
            from evaluation.member_movement where member_id = :m order by id""")
        .param("m", memberId)
        .query(Movement.class)
        .list();
  }

  /** 404 no such member (for administrators and auditors; 403 for anyone else, as for another's member: issue 12); 403 neither an administrator nor the member's grassroots committee; 400 naming the fields. */
  @Transactional
  public Movement record(String memberId, Request request, CurrentUser user) {
    MemberRoster member =
        rosters.find(memberId).orElseThrow(() -> RosterAccess.unknown(memberId, user));
    RosterAccess.changeable(member, user);
    List<FieldProblem> problems = new ArrayList<>();
    String kind = request.kind() == null ? null : request.kind().strip();
    if (kind == null || kind.isEmpty()) {
      problems.add(new FieldProblem("kind", "required", null));
    } else if (!KINDS.contains(kind)) {
      problems.add(new FieldProblem("kind", "invalid-movement", null));
    }
    if (!"ACTIVE".equals(member.status())) {
      problems.add(new FieldProblem("kind", "member-not-active", null));
    }
    LocalDate on = LocalDate.now(zone);
    if (request.on() != null && !request.on().isBlank()) {
      try {
        on = LocalDate.parse(request.on().strip());
        if (on.isAfter(LocalDate.now(zone))) {
          problems.add(new FieldProblem("on", "in-future", null));
        }
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("on", "invalid-format", null));
      }
    }
    String reason = request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty()) {
      problems.add(new FieldProblem("reason", "required", null));
    } else if (reason.length() > 2000) {
      problems.add(new FieldProblem("reason", "too-long", null, Arrays.asList(null, 2000L)));
    }
    String organizationTo = null;
    if ("TRANSFER".equals(kind)) {
      String to = request.toBranch() == null ? "" : request.toBranch().strip();
      if (to.isEmpty()) {
        problems.add(new FieldProblem("toBranch", "required", null));
      } else {
        List<Map<String, Object>> found =
            jdbc.sql("select organization_id, dissolved_on from evaluation.branch where id = :b")
                .param("b", to)
                .query()
                .listOfRows();
        Map<String, Object> branch = found.isEmpty() ? null : found.get(0);
        if (branch == null) {
          problems.add(new FieldProblem("toBranch", "unknown", null));
        } else if (branch.get("dissolved_on") != null) {
          problems.add(new FieldProblem("toBranch", "unit-dissolved", null));
        } else if (to.equals(member.branchId())) {
          problems.add(new FieldProblem("toBranch", "same-branch", null));
        } else {
          organizationTo = (String) branch.get("organization_id");
        }
      }
    }
    if ("RECOGNITION".equals(kind) && !"PROBATIONARY".equals(member.membership())) {
      problems.add(new FieldProblem("kind", "already-official", null));
    }
    // a movement that ends the organization's last committee seat while evaluations wait is refused
    // as the seat's removal is: the committee's decisions would have nobody (the twelfth session's
    // outsider, 9)
    boolean leavesOrganization =
        // (Set.of refuses to be asked about null: a movement without a kind)
        kind != null && Set.of("TRANSFER_OUT", "LEAVING", "DEATH").contains(kind)
            || organizationTo != null && !organizationTo.equals(member.organizationId());
    if (leavesOrganization && member.organizationId() != null) {
      units.lastOrganizationSeatOf(memberId, member.organizationId()).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }

    String toBranch = null;
    switch (kind) {
      case "TRANSFER" -> {
        toBranch = request.toBranch().strip();
        units.endSeatsOf(memberId, member.branchId(), reason, user.userId());
        rosters.moveToBranch(memberId, toBranch, user.userId(), reason);
        if (!organizationTo.equals(member.organizationId())) {
          units.endSeatsOf(memberId, member.organizationId(), reason, user.userId());
          leaveOrganization(memberId, user.userId(), reason);
        }
      }
      case "RECOGNITION" -> {
        jdbc.sql(
                "update evaluation.party_member set membership = 'OFFICIAL', official_on = :on where id = :m")
            .param("on", on)
            .param("m", memberId)
            .update();
        record(
            memberId,
            user.userId(),
            reason,
            List.of(
                change("membership", "PROBATIONARY", "OFFICIAL"),
                change("officialOn", null, on.toString())));
      }
      default -> {
        String status =
            switch (kind) {
              case "TRANSFER_OUT" -> "TRANSFERRED_OUT";
              case "LEAVING" -> "LEFT";
              default -> "DECEASED";
            };
        units.endSeatsOf(memberId, null, reason, user.userId());
        List<Map<String, Object>> changes = new ArrayList<>();
        changes.add(change("status", member.status(), status));
        if (member.headOf() != null) {
          changes.add(change("headOf", member.headOf(), null));
        }
        if (member.leadership() != null) {
          changes.add(change("leadership", member.leadership(), null));
        }
        jdbc.sql(
                "update evaluation.party_member set status = :s, head_of = null, leadership = null where id = :m")
            .param("s", status)
            .param("m", memberId)
            .update();
        record(memberId, user.userId(), reason, changes);
        accounts.disable(memberId);
      }
    }
    RunningCampaignEffects.Effect effect =
        effects.apply(member, kind, on, toBranch, organizationTo, reason, user.userId());
    return jdbc.sql(
            """
            insert into evaluation.member_movement (member_id, kind, occurred_on, from_branch, to_branch, reason,
              recorded_by, campaign_effect)
            values (:m, :kind, :on, :from, :to, :reason, :by, :effect)
            returning id, member_id, kind, occurred_on, from_branch, to_branch, reason, recorded_by, recorded_at,
              campaign_effect""")
        .param("m", memberId)
        .param("kind", kind)
        .param("on", on)
        .param("from", member.branchId())
        .param("to", toBranch)
        .param("reason", reason)
        .param("by", user.userId())
        .param("effect", effect.name())
        .query(Movement.class)
        .single();
  }

  /** Across organizations: the headship and committee seat of the organization left behind end. */
  private void leaveOrganization(String memberId, String by, String reason) {
    MemberRoster now = rosters.find(memberId).orElseThrow();
    List<Map<String, Object>> changes = new ArrayList<>();
    if ("ORGANIZATION".equals(now.headOf())) {
      changes.add(change("headOf", "ORGANIZATION", null));
    }
    if ("ORGANIZATION_COMMITTEE".equals(now.leadership())) {
      changes.add(change("leadership", "ORGANIZATION_COMMITTEE", null));
    }
    if (!changes.isEmpty()) {
      jdbc.sql(
              """
              update evaluation.party_member set
                head_of = case when head_of = 'ORGANIZATION' then null else head_of end,
                leadership = case when leadership = 'ORGANIZATION_COMMITTEE' then null else leadership end
              where id = :m""")
          .param("m", memberId)
          .update();
      record(memberId, by, reason, changes);
    }
  }

  private void record(
      String memberId, String by, String reason, List<Map<String, Object>> changes) {
    try {
      jdbc.sql(
              """
              insert into evaluation.member_roster_change (member_id, changed_by, reason, changes)
              values (:m, :by, :reason, cast(:changes as jsonb))""")
          .param("m", memberId)
          .param("by", by)
          .param("reason", reason)
          .param("changes", objectMapper.writeValueAsString(changes))
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> change(String field, Object from, Object to) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("field", field);
    change.put("from", from);
    change.put("to", to);
    return change;
  }
}
