package vn.party.evaluation.roster;

import java.util.List;

/**
 * The outcome of a change request: the facts now, the recorded change (null when every value named was already the
 * member's: nothing is recorded), the member whose headship passed to this one (null when none did), and the years of
 * the member's campaigns still running.
 */
public record RosterUpdate(
    MemberRoster member,
    RosterChange change,
    PreviousHead previousHead,
    List<Integer> runningCampaignYears) {

  /**
   * The member who headed the unit before: his or her {@code headOf} is now null, recorded as a change of its own
   * (same reason, same author).
   */
  public record PreviousHead(String memberId, String fullName, RosterChange change) {}
}
