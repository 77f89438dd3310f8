package vn.party.evaluation.roster;

import java.time.LocalDate;
import java.util.Map;

/**
 * A checked request to change roster facts: the new value of each field named (by its API name; a field absent from
 * the request is not in the map, one set to null maps to null) and why.
 */
public record RosterEdit(Map<String, Object> values, String reason) {

  /** The roster facts with this edit applied. */
  public MemberRoster applyTo(MemberRoster current) {
    return new MemberRoster(
        current.id(),
        current.fullName(),
        current.email(),
        current.branchId(),
        current.organizationId(),
        (String) values.getOrDefault(RosterFields.MEMBERSHIP, current.membership()),
        current.status(),
        values.containsKey(RosterFields.ADMITTED_ON)
            ? (LocalDate) values.get(RosterFields.ADMITTED_ON)
            : current.admittedOn(),
        (Boolean) values.getOrDefault(RosterFields.EXEMPTED, current.exempted()),
        (Boolean) values.getOrDefault(RosterFields.SUSPENDED, current.suspended()),
        values.containsKey(RosterFields.LEADERSHIP)
            ? (String) values.get(RosterFields.LEADERSHIP)
            : current.leadership(),
        (Boolean) values.getOrDefault(RosterFields.CIVIL_SERVANT, current.civilServant()),
        (Boolean) values.getOrDefault(RosterFields.LEADERSHIP_POST, current.leadershipPost()),
        values.containsKey(RosterFields.HEAD_OF)
            ? (String) values.get(RosterFields.HEAD_OF)
            : current.headOf());
  }
}
