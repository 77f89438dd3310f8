package vn.party.evaluation.roster;

import java.util.List;

/**
 * The outcome of a change request: the facts now, the recorded change (null when every value named was already the
 * member's: nothing is recorded), and the years of the member's campaigns still running.
 */
public record RosterUpdate(MemberRoster member, RosterChange change, List<Integer> runningCampaignYears) {
}
