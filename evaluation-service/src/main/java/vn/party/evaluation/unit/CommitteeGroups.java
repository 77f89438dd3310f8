package vn.party.evaluation.unit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.security.SystemAccess;

/**
 * The engine's side of the committees (a thin adapter): the groups each unit needs and who belongs to them, kept in
 * step with {@code unit_committee_member}, so nobody has to know the groups' names or open Camunda Admin.
 * <ul>
 *   <li>a branch's committee → {@code branch-committee-{branch}} (its branch's tasks, meetings and reports);</li>
 *   <li>a grassroots organization's committee → {@code org-committee-{organization}} (decisions, campaigns,
 *       finalization, the roster);</li>
 *   <li>the committee above → {@code superior-committee-{organization}} of each organization directly under it
 *       (rates the organization, re-appraises after complaints);</li>
 *   <li>an organization's inspection committee (ủy ban kiểm tra) → {@code inspection-{organization}}, which reads
 *       that organization only and decides nothing; the committee above's → that group of each organization directly
 *       under it. Never the global {@code auditors} group (the national and district inspection accounts);</li>
 *   <li>a sub-committee's committee → {@code sub-committee-over-{branch}} of each branch below it, at any depth: it
 *       reads those branches' evaluations and reports; no step of the regulations' processes is theirs, so it decides
 *       nothing.</li>
 * </ul>
 * The task rights come from the engine per task (candidate groups), the auditors' read rights from
 * {@code directory.AccessSetup}; so a membership is all a seat needs. Runs in the caller's transaction (the engine
 * joins Spring's), as the system: the seat was allowed by the unit's rules, not by engine authorizations.
 */
@Component
class CommitteeGroups {

  private final IdentityService identity;
  private final SystemAccess system;
  private final Units units;

  CommitteeGroups(IdentityService identity, SystemAccess system, Units units) {
    this.identity = identity;
    this.system = system;
    this.units = units;
  }

  /** The groups a seat on the unit's committee (or inspection committee) gives. */
  Set<String> groupsOf(Unit unit, String body) {
    Set<String> groups = new LinkedHashSet<>();
    if ("INSPECTION".equals(body)) {
      switch (unit.kind()) {
        case ORGANIZATION -> groups.add(Groups.inspection(unit.id()));
        case SUPERIOR_COMMITTEE ->
            units.children(unit.id()).stream()
                .filter(child -> child.kind() == UnitKind.ORGANIZATION)
                .forEach(child -> groups.add(Groups.inspection(child.id())));
        default -> {}
      }
      return groups;
    }
    switch (unit.kind()) {
      case BRANCH -> groups.add(Groups.branchCommittee(unit.id()));
      case ORGANIZATION -> groups.add(Groups.organizationCommittee(unit.id()));
      case SUPERIOR_COMMITTEE ->
          units.children(unit.id()).stream()
              .filter(child -> child.kind() == UnitKind.ORGANIZATION)
              .forEach(child -> groups.add(Groups.superiorCommittee(child.id())));
      case SUB_COMMITTEE ->
          branchesBelow(unit.id()).forEach(branch -> groups.add(Groups.subCommitteeOver(branch)));
    }
    return groups;
  }

  /** The branches below a unit, at any depth (open or not: a seat's groups are taken away by the same list). */
  private Set<String> branchesBelow(String unitId) {
    Set<String> branches = new LinkedHashSet<>();
    for (Unit child : units.children(unitId)) {
      if (child.kind() == UnitKind.BRANCH) {
        branches.add(child.id());
      } else {
        branches.addAll(branchesBelow(child.id()));
      }
    }
    return branches;
  }

  /**
   * A branch newly placed below sub-committees (created under one, or carried over by a merger): the seat holders of
   * each sub-committee above it, and of the sub-committee merged away, get or lose its group.
   */
  void resyncSubCommittees(Set<String> branches, List<CommitteeSeat> seats) {
    Set<String> branchGroups = new LinkedHashSet<>();
    branches.forEach(branch -> branchGroups.add(Groups.subCommitteeOver(branch)));
    for (CommitteeSeat seat : seats) {
      if ("COMMITTEE".equals(seat.body())) {
        sync(seat.personId(), branchGroups);
      }
    }
  }

  /** The branches below a sub-committee (for a merger's resync). */
  Set<String> branchesUnder(String unitId) {
    return branchesBelow(unitId);
  }

  /** The groups a new unit brings (named after it), created if missing. */
  void createFor(Unit unit, String superiorName) {
    system.call(
        () -> {
          switch (unit.kind()) {
            case BRANCH -> group(Groups.branchCommittee(unit.id()), "Chi ủy " + unit.name());
            case ORGANIZATION -> {
              group(Groups.organizationCommittee(unit.id()), "Cấp ủy " + unit.name());
              group(
                  Groups.superiorCommittee(unit.id()),
                  superiorName != null ? superiorName : "Cấp ủy cấp trên của " + unit.name());
              group(Groups.inspection(unit.id()), "Ủy ban kiểm tra " + unit.name());
            }
            default -> {}
          }
          return null;
        });
  }

  /**
   * Brings the person's memberships of the given groups in line with all the person's seats: a member of each group
   * one of the seats gives, of none of the others among them.
   */
  void sync(String personId, Set<String> groups) {
    Set<String> wanted = new LinkedHashSet<>();
    for (CommitteeSeat seat : units.seatsOf(personId)) {
      units
          .find(seat.unitId())
          .filter(Unit::open)
          .ifPresent(unit -> wanted.addAll(groupsOf(unit, seat.body())));
    }
    system.call(
        () -> {
          for (String group : groups) {
            boolean member =
                identity.createUserQuery().userId(personId).memberOfGroup(group).count() > 0;
            if (wanted.contains(group) && !member) {
              group(group, group);
              identity.createMembership(personId, group);
            } else if (!wanted.contains(group) && member) {
              identity.deleteMembership(personId, group);
            }
          }
          return null;
        });
  }

  /**
   * The committee above's seat holders join the group of an organization newly placed under it: its committee's the
   * superior committee group, its inspection committee's the organization's inspection group.
   */
  void joinSuperior(Unit organization, List<CommitteeSeat> superiorSeats) {
    for (CommitteeSeat seat : superiorSeats) {
      sync(
          seat.personId(),
          Set.of(
              "INSPECTION".equals(seat.body())
                  ? Groups.inspection(organization.id())
                  : Groups.superiorCommittee(organization.id())));
    }
  }

  boolean userExists(String personId) {
    return system.call(() -> identity.createUserQuery().userId(personId).count() > 0);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name.length() > 255 ? name.substring(0, 255) : name);
    group.setType("WORKFLOW");
    identity.saveGroup(group);
  }
}
