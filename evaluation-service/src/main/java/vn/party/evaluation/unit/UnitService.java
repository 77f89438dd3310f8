package vn.party.evaluation.unit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;
import vn.party.evaluation.roster.MemberRoster;
import vn.party.evaluation.roster.RosterFields;
import vn.party.evaluation.roster.RosterService;
import vn.party.evaluation.roster.Rosters;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.unit.UnitApi.DissolutionRequest;
import vn.party.evaluation.unit.UnitApi.MergerRequest;
import vn.party.evaluation.unit.UnitApi.NewUnitRequest;
import vn.party.evaluation.unit.UnitApi.SeatRequest;
import vn.party.evaluation.unit.UnitApi.UnitChangeRequest;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * Sets up and keeps the organization tree: creates units, renames them (name, code, opening date), merges and dissolves
 * them, and seats people on their committees. Each change is written with its history entry in one transaction, and
 * what follows from it too: the rating collective's row ({@code organization}, {@code branch}), the engine's group
 * memberships ({@link CommitteeGroups}), and for a party member on the committee of his or her own branch or
 * organization the roster facts {@code leadership} and {@code headOf} (through {@link RosterService}, so the member's
 * roster history shows them). Nothing is ever deleted: a dissolved or merged unit stays with its history.
 */
@Service
public class UnitService {

  static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
  private static final int NAME_MAX = 300;
  private static final int REASON_MAX = 2000;

  private final Units units;
  private final UnitProblems problems;
  private final CommitteeGroups groups;
  private final Rosters rosters;
  private final RosterService rosterService;
  private final ObjectMapper objectMapper;
  private final ZoneId zone;

  public UnitService(
      Units units,
      UnitProblems problems,
      CommitteeGroups groups,
      Rosters rosters,
      RosterService rosterService,
      ObjectMapper objectMapper,
      @Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.units = units;
    this.problems = problems;
    this.groups = groups;
    this.rosters = rosters;
    this.rosterService = rosterService;
    this.objectMapper = objectMapper;
    this.zone = ZoneId.of(zone);
  }

  public Unit get(String id) {
    return units.find(id).orElseThrow(() -> ApiException.notFound("error.unit.not-found", id));
  }

  public List<Unit> tree() {
    return units.all();
  }

  public List<CommitteeSeat> committee(String id) {
    get(id);
    return units.seats(id);
  }

  public List<UnitHistoryEntry> history(String id) {
    get(id);
    return units.history(id);
  }

  public List<Unit> children(String id) {
    return units.children(id);
  }

  /** 201 with the unit; 403 who may not create it there; 400 naming every field at fault. */
  @Transactional
  public Unit create(NewUnitRequest request, CurrentUser user) {
    UnitProblems.Collector found = problems.collector();
    UnitKind kind = kind(request.kind(), found);
    Unit parent = null;
    if (blank(request.parentId())) {
      if (kind != null && !kind.mayBeRoot()) {
        found.add("parentId", "required");
      }
    } else {
      parent = units.lock(request.parentId().strip()).orElse(null);
      if (parent == null) {
        found.add("parentId", "unknown");
      } else if (kind != null && !kind.parents().contains(parent.kind())) {
        found.add("parentId", "wrong-parent-kind");
      } else if (!parent.open()) {
        found.add("parentId", "unit-dissolved");
      }
    }
    if (!UnitAccess.mayCreate(kind == null ? UnitKind.BRANCH : kind, parent, user)) {
      throw ApiException.forbidden();
    }
    String name = text("name", request.name(), NAME_MAX, true, found);
    String code = code(request.code(), null, found);
    LocalDate openedOn = date("openedOn", request.openedOn(), found);
    String reason = text("reason", request.reason(), REASON_MAX, false, found);
    found.throwIfAny();

    String id = code.toLowerCase(Locale.ROOT);
    String organizationId =
        switch (kind) {
          case SUPERIOR_COMMITTEE -> null;
          case ORGANIZATION -> id;
          default -> parent.organizationId();
        };
    Unit unit =
        new Unit(
            id,
            kind,
            parent == null ? null : parent.id(),
            organizationId,
            name,
            code,
            openedOn,
            null,
            null);
    units.insert(unit);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", kind.name());
    details.put("parentId", unit.parentId());
    details.put("name", name);
    details.put("code", code);
    details.put("openedOn", openedOn == null ? null : openedOn.toString());
    units.record(id, user.userId(), "CREATED", reason, details);
    groups.createFor(
        unit,
        parent != null && kind == UnitKind.ORGANIZATION
            ? "Cấp ủy cấp trên: " + parent.name()
            : null);
    if (kind == UnitKind.ORGANIZATION && parent != null) {
      groups.joinSuperior(unit, units.seats(parent.id()));
    }
    if (kind == UnitKind.BRANCH) {
      // the committees of the sub-committees above it read the new branch
      for (Unit above = parent;
          above != null && above.kind() == UnitKind.SUB_COMMITTEE;
          above = above.parentId() == null ? null : units.find(above.parentId()).orElse(null)) {
        groups.resyncSubCommittees(Set.of(unit.id()), units.seats(above.id()));
      }
    }
    return unit;
  }

  /** Rename, change the code or the opening date; fields left out (null) stay. Nothing different: nothing recorded. */
  @Transactional
  public Unit change(String id, UnitChangeRequest request, CurrentUser user) {
    Unit current = locked(id, user, UnitAccess::mayEdit);
    UnitProblems.Collector found = problems.collector();
    String name =
        request.name() == null
            ? current.name()
            : text("name", request.name(), NAME_MAX, true, found);
    String code =
        request.code() == null ? current.code() : code(request.code(), current.id(), found);
    LocalDate openedOn =
        request.openedOn() == null
            ? current.openedOn()
            : date("openedOn", request.openedOn(), found);
    String reason = text("reason", request.reason(), REASON_MAX, true, found);
    if (request.name() == null && request.code() == null && request.openedOn() == null) {
      found.add("name", "nothing-to-change");
    }
    found.throwIfAny();
    Map<String, Object> changes = new LinkedHashMap<>();
    diff(changes, "name", current.name(), name);
    diff(changes, "code", current.code(), code);
    diff(
        changes,
        "openedOn",
        current.openedOn() == null ? null : current.openedOn().toString(),
        openedOn == null ? null : openedOn.toString());
    if (changes.isEmpty()) {
      return current;
    }
    Unit after =
        new Unit(
            current.id(),
            current.kind(),
            current.parentId(),
            current.organizationId(),
            name,
            code,
            openedOn,
            current.dissolvedOn(),
            current.mergedInto());
    units.update(after);
    units.record(
        id, user.userId(), changes.containsKey("name") ? "RENAMED" : "CHANGED", reason, changes);
    return after;
  }

  /**
   * Dissolves a unit that has nothing left in it: no member on a branch's roll, no open unit below. Its committee
   * seats end (and the engine memberships they gave).
   */
  @Transactional
  public Unit dissolve(String id, DissolutionRequest request, CurrentUser user) {
    Unit current = locked(id, user, UnitAccess::mayRestructure);
    UnitProblems.Collector found = problems.collector();
    if (!current.open()) {
      found.add("id", "unit-dissolved");
    } else if (units.children(id).stream().anyMatch(Unit::open)
        || (current.kind() == UnitKind.BRANCH && units.activeMembers(id) > 0)) {
      found.add("id", "unit-not-empty");
    } else {
      underEvaluation(current, "dissolve", found);
    }
    LocalDate on = dissolutionDate(request.on(), current, found);
    String reason = text("reason", request.reason(), REASON_MAX, true, found);
    found.throwIfAny();
    units.dissolve(id, on, null);
    endSeats(current, reason, user);
    units.record(id, user.userId(), "DISSOLVED", reason, Map.of("on", on.toString()));
    return units.find(id).orElseThrow();
  }

  /**
   * Merges a branch into another branch, or a sub-committee into another sub-committee, of the same organization:
   * the members (each move on the member's roster history) or the units below go over, the unit is closed with
   * {@code mergedInto}. Members' headship and branch-committee seat of the branch left behind end.
   */
  @Transactional
  public Unit merge(String id, MergerRequest request, CurrentUser user) {
    Unit source =
        units.find(id).orElseThrow(() -> ApiException.notFound("error.unit.not-found", id));
    UnitProblems.Collector found = problems.collector();
    Unit target = blank(request.into()) ? null : units.find(request.into().strip()).orElse(null);
    // both rows locked in the order of their ids, so two mergers crossing each other cannot
    // deadlock
    List.of(source, target == null ? source : target).stream()
        .map(Unit::id)
        .distinct()
        .sorted()
        .forEach(unitId -> units.lock(unitId));
    source = units.find(id).orElseThrow();
    if (!UnitAccess.mayRestructure(source, user)) {
      throw ApiException.forbidden();
    }
    if (!source.open()) {
      found.add("id", "unit-dissolved");
    } else if (source.kind() != UnitKind.BRANCH && source.kind() != UnitKind.SUB_COMMITTEE) {
      found.add("id", "merge-kind");
    } else {
      underEvaluation(source, "merge", found);
    }
    if (blank(request.into())) {
      found.add("into", "required");
    } else if (target == null) {
      found.add("into", "unknown", "reason.merge-into-unknown", request.into().strip());
    } else if (target.id().equals(source.id())) {
      found.add("into", "merge-self");
    } else if (target.kind() != source.kind()
        || !Objects.equals(target.organizationId(), source.organizationId())) {
      found.add("into", "merge-kind");
    } else if (!target.open()) {
      found.add("into", "unit-dissolved");
    } else if (!UnitAccess.mayRestructure(target, user)) {
      throw ApiException.forbidden();
    }
    LocalDate on = dissolutionDate(request.on(), source, found);
    String reason = text("reason", request.reason(), REASON_MAX, true, found);
    found.throwIfAny();

    // a sub-committee's branches change hands: whoever sat on it stops reading them, the target's
    // committee starts
    Set<String> carried =
        source.kind() == UnitKind.SUB_COMMITTEE ? groups.branchesUnder(source.id()) : Set.of();
    List<CommitteeSeat> sourceSeats = units.seats(source.id());
    int moved = 0;
    if (source.kind() == UnitKind.BRANCH) {
      for (String memberId : units.activeMemberIds(source.id())) {
        if (rosters.moveToBranch(memberId, target.id(), user.userId(), reason) != null) {
          moved++;
        }
      }
    } else {
      for (Unit child : units.children(source.id())) {
        if (child.open()) {
          units.reparent(child.id(), target.id());
          units.record(
              child.id(),
              user.userId(),
              "MOVED",
              reason,
              Map.of("from", source.id(), "to", target.id()));
          moved++;
        }
      }
    }
    units.dissolve(source.id(), on, target.id());
    endSeats(source, reason, user);
    if (!carried.isEmpty()) {
      groups.resyncSubCommittees(carried, sourceSeats);
      groups.resyncSubCommittees(carried, units.seats(target.id()));
    }
    units.record(
        source.id(),
        user.userId(),
        "MERGED",
        reason,
        Map.of("into", target.id(), "on", on.toString(), "moved", moved));
    units.record(
        target.id(),
        user.userId(),
        "MERGED_IN",
        reason,
        Map.of("from", source.id(), "on", on.toString(), "moved", moved));
    return units.find(id).orElseThrow();
  }

  /**
   * Seats a person on the unit's committee or inspection committee, or changes the role. A new secretary takes the
   * post from the previous one, who stays as a member (recorded). The engine groups and, for a party member of the
   * unit, the roster's committee seat and headship follow.
   *
   * <p>Who may sit (400 naming {@code personId} otherwise): on a unit of a grassroots organization (the organization,
   * its sub-committees and branches), only a party member on that organization's roster who is active (not
   * transferred out, left or deceased), official (not probationary) and not suspended from activities (đình chỉ sinh
   * hoạt: the member's rights are suspended); a member exempted from activities (miễn sinh hoạt) keeps the right and
   * may sit. So an auditor's, the committee above's or an administrator's account is refused unless it is such a
   * member. On the committee above, whose people are on no roster kept here, any account, but a party member of this
   * system only while active, official and not suspended.
   */
  @Transactional
  public CommitteeSeat seat(String id, SeatRequest request, CurrentUser user) {
    return seat(id, request, user, true);
  }

  /**
   * The demo's shared committee accounts ({@code secretary1…3}, {@code committee}), which stand for a committee's
   * office rather than a person and are on no roster: seated without the roster check. Only the demo loader calls it
   * (no page or API reaches it); everyone else goes through {@link #seat(String, SeatRequest, CurrentUser)}.
   */
  @Transactional
  public CommitteeSeat seatDemoAccount(String id, SeatRequest request, CurrentUser user) {
    return seat(id, request, user, false);
  }

  private CommitteeSeat seat(
      String id, SeatRequest request, CurrentUser user, boolean onlyMembers) {
    Unit unit = locked(id, user, UnitAccess::mayEdit);
    if (onlyMembers
        && unit.organizationId() != null
        && request.personId() != null
        && request.personId().strip().equals(user.userId())) {
      // nobody seats themselves in an organization: a seat decides what one may decide (outsider's
      // recheck). The
      // committee above is made of accounts the administrator keeps; on a new system the
      // administrator is its first.
      throw ApiException.ownRecord();
    }
    UnitProblems.Collector found = problems.collector();
    if (!unit.open()) {
      found.add("id", "unit-dissolved");
    }
    String body =
        choice("body", request.body(), "COMMITTEE", Set.of("COMMITTEE", "INSPECTION"), found);
    String role =
        choice("role", request.role(), "MEMBER", Set.of("SECRETARY", "DEPUTY", "MEMBER"), found);
    if ("INSPECTION".equals(body)
        && unit.kind() != UnitKind.ORGANIZATION
        && unit.kind() != UnitKind.SUPERIOR_COMMITTEE) {
      found.add("body", "inspection-not-here");
    }
    String personId = blank(request.personId()) ? null : request.personId().strip();
    if (personId == null) {
      found.add("personId", "required");
    } else if (!groups.userExists(personId)) {
      found.add("personId", "unknown-person");
    } else {
      Optional<MemberRoster> member = rosters.find(personId);
      if (onlyMembers
          && unit.organizationId() != null
          && !member.map(m -> unit.organizationId().equals(m.organizationId())).orElse(false)) {
        // an auditor's, the committee above's or an administrator's account, or a member of another
        // organization
        found.add("personId", "not-a-member-here");
      } else if (member.isPresent() && !sitsWithin(unit, member.get().branchId())) {
        // a branch's or sub-committee's committee is elected by its own members
        found.add("personId", "not-a-member-of-unit");
      } else if (member.isPresent() && !"ACTIVE".equals(member.get().status())) {
        found.add("personId", "member-not-active");
      } else if (member.isPresent() && "PROBATIONARY".equals(member.get().membership())) {
        found.add("personId", "probationary-on-committee");
      } else if (member.isPresent() && member.get().suspended()) {
        found.add("personId", "member-suspended");
      }
    }
    // required as for a change or a merger: the unit's history says why (the demo loader's office
    // accounts keep their stock reason)
    String reason = text("reason", request.reason(), REASON_MAX, onlyMembers, found);
    found.throwIfAny();
    String why = reason != null ? reason : defaultReason(unit);

    Optional<CommitteeSeat> before = units.seat(id, body, personId);
    if (before.isPresent() && before.get().role().equals(role)) {
      return before.get();
    }
    String previousSecretary = null;
    if ("SECRETARY".equals(role)) {
      for (CommitteeSeat other : units.seats(id)) {
        if (other.body().equals(body)
            && "SECRETARY".equals(other.role())
            && !other.personId().equals(personId)) {
          previousSecretary = other.personId();
          units.seat(id, body, previousSecretary, "MEMBER");
          units.record(
              id,
              user.userId(),
              "ROLE_CHANGED",
              why,
              details(previousSecretary, body, "SECRETARY", "MEMBER"));
        }
      }
    }
    units.seat(id, body, personId, role);
    units.record(
        id,
        user.userId(),
        before.isPresent() ? "ROLE_CHANGED" : "SEATED",
        why,
        details(personId, body, before.map(CommitteeSeat::role).orElse(null), role));
    groups.sync(personId, groups.groupsOf(unit, body));
    syncFacts(personId, unit, why, user);
    if (previousSecretary != null) {
      syncFacts(previousSecretary, unit, why, user);
    }
    return units.seat(id, body, personId).orElseThrow();
  }

  /**
   * Takes a person off the unit's committee (or inspection committee); 400 on {@code personId} when the person has no
   * such seat.
   */
  @Transactional
  public void unseat(String id, String personId, String body, String reason, CurrentUser user) {
    Unit unit = locked(id, user, UnitAccess::mayEdit);
    if (unit.organizationId() != null && user.userId().equals(personId)) {
      throw ApiException.ownRecord();
    }
    UnitProblems.Collector found = problems.collector();
    String seatBody = choice("body", body, "COMMITTEE", Set.of("COMMITTEE", "INSPECTION"), found);
    String why = text("reason", reason, REASON_MAX, true, found);
    Optional<CommitteeSeat> seat =
        personId == null ? Optional.empty() : units.seat(id, seatBody, personId);
    if (seat.isEmpty()) {
      // a refusal of the form like the others (400 next to it), the person and the unit by name
      String name =
          Optional.ofNullable(personId)
              .flatMap(units::personName)
              .orElseGet(() -> problems.text("unit.person.unknown"));
      found.add(
          "personId",
          "not-on-committee",
          "INSPECTION".equals(seatBody) ? "reason.not-on-inspection" : "reason.not-on-committee",
          name,
          unit.name());
    }
    seat.ifPresent(s -> lastBranchSeat(unit, s, found));
    seat.flatMap(
            s ->
                lastOrganizationSeat(
                    unit, s, "personId", "reason.last-organization-committee-seat"))
        .ifPresent(found::add);
    found.throwIfAny();
    unseat(unit, seat.get(), why, user);
  }

  private void unseat(Unit unit, CommitteeSeat seat, String reason, CurrentUser user) {
    units.unseat(unit.id(), seat.body(), seat.personId());
    units.record(
        unit.id(),
        user.userId(),
        "UNSEATED",
        reason,
        details(seat.personId(), seat.body(), seat.role(), null));
    groups.sync(seat.personId(), groups.groupsOf(unit, seat.body()));
    syncFacts(seat.personId(), unit, reason, user);
  }

  /**
   * A person who moves away or leaves: the seats on the given unit (all seats when null) end, each in the unit's
   * history, with the engine memberships they gave. The caller has checked who may do it; the roster facts are the
   * caller's too.
   */
  @Transactional
  public void endSeatsOf(String personId, String unitId, String reason, String actor) {
    for (CommitteeSeat seat : units.seatsOf(personId)) {
      if (unitId != null && !unitId.equals(seat.unitId())) {
        continue;
      }
      Unit unit = units.find(seat.unitId()).orElseThrow();
      units.unseat(unit.id(), seat.body(), personId);
      units.record(
          unit.id(), actor, "UNSEATED", reason, details(personId, seat.body(), seat.role(), null));
      groups.sync(personId, groups.groupsOf(unit, seat.body()));
    }
  }

  private void endSeats(Unit unit, String reason, CurrentUser user) {
    for (CommitteeSeat seat : units.seats(unit.id())) {
      unseat(unit, seat, reason, user);
    }
  }

  /**
   * A party member on the committee of his or her own branch or grassroots organization: the roster's
   * {@code leadership} (the collective caps read it) and {@code headOf} (the campaign decides heads after their unit)
   * as the seats say — the organization's committee before the branch's.
   */
  /** The roster's {@code headOf} values a seat sync reads back. */
  private static final String HEADS_BRANCH = "BRANCH";

  private static final String HEADS_ORGANIZATION = "ORGANIZATION";

  private void syncFacts(String personId, Unit unit, String reason, CurrentUser user) {
    Optional<MemberRoster> found = rosters.find(personId);
    if (found.isEmpty()) {
      return;
    }
    MemberRoster member = found.get();
    if (!unit.id().equals(member.branchId()) && !unit.id().equals(member.organizationId())) {
      return; // a seat elsewhere says nothing about the member's own collectives
    }
    boolean organizationSeat = false;
    boolean organizationSecretary = false;
    boolean branchSeat = false;
    boolean branchSecretary = false;
    for (CommitteeSeat seat : units.seatsOf(personId)) {
      if (!"COMMITTEE".equals(seat.body())) {
        continue;
      }
      if (seat.unitId().equals(member.organizationId())) {
        organizationSeat = true;
        organizationSecretary |= "SECRETARY".equals(seat.role());
      } else if (seat.unitId().equals(member.branchId())) {
        branchSeat = true;
        branchSecretary |= "SECRETARY".equals(seat.role());
      }
    }
    // On the unit not being changed, a member holding no seat there keeps what the roster says of
    // them (roles that
    // came with the roster, as in the demo): a seat on the organization's committee must not erase
    // a branch
    // secretary's headship, which caps their own level (outsider's recheck).
    if (!unit.id().equals(member.branchId()) && !branchSeat) {
      branchSecretary = Objects.equals(member.headOf(), HEADS_BRANCH);
      branchSeat = branchSecretary || "BRANCH_COMMITTEE".equals(member.leadership());
    }
    if (!unit.id().equals(member.organizationId()) && !organizationSeat) {
      organizationSecretary = Objects.equals(member.headOf(), HEADS_ORGANIZATION);
      organizationSeat =
          organizationSecretary || "ORGANIZATION_COMMITTEE".equals(member.leadership());
    }
    String leadership =
        organizationSeat ? "ORGANIZATION_COMMITTEE" : branchSeat ? "BRANCH_COMMITTEE" : null;
    String headOf = organizationSecretary ? "ORGANIZATION" : branchSecretary ? "BRANCH" : null;
    if (Objects.equals(leadership, member.leadership())
        && Objects.equals(headOf, member.headOf())) {
      return;
    }
    ObjectNode change = objectMapper.createObjectNode();
    change.put(RosterFields.LEADERSHIP, leadership);
    change.put(RosterFields.HEAD_OF, headOf);
    change.put(RosterFields.REASON, reason);
    rosterService.change(personId, change, user);
  }

  // ---- checks

  /**
   * Refuses (400 on {@code id}, like a unit not empty) to merge or dissolve a unit whose members' evaluations are in
   * progress in a running campaign: their open tasks sit on this unit's committee group, which the change would leave
   * without anybody, and the target's meetings would not list them. Each member is moved with a transfer (which moves
   * the evaluation), or the unit is changed once the campaign has ended.
   */
  private void underEvaluation(Unit unit, String change, UnitProblems.Collector found) {
    int running = units.evaluationsInProgress(unit.id());
    if (running > 0) {
      found.add(
          "id",
          "unit-under-evaluation",
          "reason.unit-under-evaluation." + change,
          unit.name(),
          running);
    }
  }

  /**
   * Refuses (400 on {@code personId}) to take a branch's last committee seat while its members' evaluations wait in a
   * running campaign: their branch reviews sit on the branch committee's group, which would have nobody (twelfth
   * session's outsider, MEDIUM 9). Someone else is seated first; like a merger of a unit under evaluation.
   */
  private void lastBranchSeat(Unit unit, CommitteeSeat seat, UnitProblems.Collector found) {
    if (unit.kind() != UnitKind.BRANCH || !"COMMITTEE".equals(seat.body())) {
      return;
    }
    boolean othersSit =
        units.seats(unit.id()).stream()
            .anyMatch(s -> "COMMITTEE".equals(s.body()) && !s.personId().equals(seat.personId()));
    if (othersSit) {
      return;
    }
    int waiting = units.evaluationsInProgress(unit.id());
    if (waiting > 0) {
      found.add(
          "personId",
          "last-branch-committee-seat",
          "reason.last-branch-committee-seat",
          seat.personName(),
          unit.name(),
          waiting);
    }
  }

  /**
   * The refusal (on {@code field}) of ending a grassroots organization's last committee seat while its members'
   * evaluations wait in a running campaign: the committee decides them, and nobody would be left to (twelfth
   * session's outsider, MEDIUM 9, the organization's side of {@link #lastBranchSeat}). Empty for any other seat.
   */
  private Optional<FieldProblem> lastOrganizationSeat(
      Unit unit, CommitteeSeat seat, String field, String messageKey) {
    if (unit.kind() != UnitKind.ORGANIZATION || !"COMMITTEE".equals(seat.body())) {
      return Optional.empty();
    }
    boolean othersSit =
        units.seats(unit.id()).stream()
            .anyMatch(s -> "COMMITTEE".equals(s.body()) && !s.personId().equals(seat.personId()));
    int waiting = othersSit ? 0 : units.evaluationsInProgress(unit.id());
    if (waiting == 0) {
      return Optional.empty();
    }
    return Optional.of(
        problems.message(
            field,
            "last-organization-committee-seat",
            messageKey,
            seat.personName(),
            unit.name(),
            waiting));
  }

  /**
   * The refusal of a movement (on {@code kind}) that would end the person's seat on the organization's committee
   * while it is the last one and evaluations wait: every door that ends a seat refuses it alike ({@link
   * #endSeatsOf} does not check, its callers do first).
   */
  public Optional<FieldProblem> lastOrganizationSeatOf(String personId, String organizationId) {
    return units
        .seat(organizationId, "COMMITTEE", personId)
        .flatMap(
            seat ->
                units
                    .find(organizationId)
                    .flatMap(
                        unit ->
                            lastOrganizationSeat(
                                unit,
                                seat,
                                "kind",
                                "reason.last-organization-committee-seat.movement")));
  }

  /**
   * Whether a member of this branch may sit on the unit's committee: the unit is the branch or above it (an
   * organization's committee takes any of its members, a branch's only its own).
   */
  public boolean sitsWithin(Unit unit, String branchId) {
    if (unit.kind() != UnitKind.BRANCH && unit.kind() != UnitKind.SUB_COMMITTEE) {
      return true;
    }
    String current = branchId;
    for (int depth = 0; current != null && depth < 16; depth++) {
      if (current.equals(unit.id())) {
        return true;
      }
      current = units.find(current).map(Unit::parentId).orElse(null);
    }
    return false;
  }

  private static Map<String, Object> details(String personId, String body, String from, String to) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("personId", personId);
    details.put("body", body);
    details.put("from", from);
    details.put("to", to);
    return details;
  }

  private static String defaultReason(Unit unit) {
    return "Phân công cấp ủy / committee assignment: " + unit.name();
  }

  private static void diff(Map<String, Object> changes, String field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("from", from);
      change.put("to", to);
      changes.put(field, change);
    }
  }

  private UnitKind kind(String value, UnitProblems.Collector found) {
    if (blank(value)) {
      found.add("kind", "required");
      return null;
    }
    try {
      return UnitKind.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      found.add("kind", "invalid-kind");
      return null;
    }
  }

  private static String choice(
      String field,
      String value,
      String fallback,
      Set<String> allowed,
      UnitProblems.Collector found) {
    if (blank(value)) {
      return fallback;
    }
    if (!allowed.contains(value.strip())) {
      found.add(field, "invalid-" + field);
      return fallback;
    }
    return value.strip();
  }

  private String code(String value, String ownId, UnitProblems.Collector found) {
    if (blank(value)) {
      found.add("code", "required");
      return null;
    }
    String code = value.strip();
    if (!CODE.matcher(code).matches()) {
      found.add(
          "code",
          "invalid-format",
          "reason.invalid-format.expected",
          problems.text("format.unit.code"));
      return null;
    }
    Optional<Unit> holder = units.byCode(code);
    boolean taken = holder.isPresent() && !holder.get().id().equals(ownId);
    if (ownId == null) {
      String id = code.toLowerCase(Locale.ROOT);
      taken |= units.find(id).isPresent() || units.collectiveExists(id);
    }
    if (taken) {
      found.add("code", "unit-taken");
    }
    return code;
  }

  private static String text(
      String field, String value, int max, boolean required, UnitProblems.Collector found) {
    if (blank(value)) {
      if (required) {
        found.add(field, "required");
      }
      return null;
    }
    String text = value.strip();
    if (text.length() > max) {
      // the maximum said, as the other texts' (twelfth session's outsider, 5)
      found.add(field, "too-long", "reason.too-long.max", "" + max);
    } else if (CONTROL.matcher(text).find()) {
      found.add(field, "control-characters");
    } else if (TextCharacters.invalid(text)) {
      found.add(field, FieldError.INVALID_CHARACTERS);
    }
    return text;
  }

  private LocalDate date(String field, String value, UnitProblems.Collector found) {
    if (blank(value)) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.strip());
      if (date.isAfter(LocalDate.now(zone))) {
        found.add(field, "in-future");
      }
      return date;
    } catch (DateTimeParseException e) {
      found.add(
          field,
          "invalid-format",
          "reason.invalid-format.expected",
          problems.text("format.unit.date"));
      return null;
    }
  }

  private LocalDate dissolutionDate(String value, Unit unit, UnitProblems.Collector found) {
    LocalDate on = blank(value) ? LocalDate.now(zone) : date("on", value, found);
    if (on != null && unit.openedOn() != null && on.isBefore(unit.openedOn())) {
      found.add("on", "before-opening");
    }
    return on == null ? LocalDate.now(zone) : on;
  }

  /** Nothing a reader sees (issue 12: a unit named only by zero-width spaces is refused like a blank one). */
  private static boolean blank(String value) {
    return TextCharacters.blank(value);
  }

  /**
   * The unit, locked for the change, once {@code may} lets the user make it: 404 for an unknown unit, 403 for a user
   * who may not. Locked before the check, so the access is judged on the unit as the change will find it.
   */
  private Unit locked(String id, CurrentUser user, BiPredicate<Unit, CurrentUser> may) {
    Unit unit = units.lock(id).orElseThrow(() -> ApiException.notFound("error.unit.not-found", id));
    if (!may.test(unit, user)) {
      throw ApiException.forbidden();
    }
    return unit;
  }

  static Comparator<Unit> byName() {
    return Comparator.comparing(Unit::name);
  }
}
