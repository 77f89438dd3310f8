package vn.party.evaluation.rules;

/**
 * The branch meeting's vote on a proposed level for one member.
 *
 * <p>Counted against all official members of the branch except those exempted from party
 * activities, <em>not</em> only against those present (old guidance 07-HD/BTCTW 2011; unverified
 * for today, see {@link RuleSettings}). Probationary members do not vote.
 *
 * @param officialMembers official members of the branch
 * @param exemptedOfficialMembers of those, the ones exempted from work and party activities
 * @param votesFor votes for the proposed level
 */
public record VoteTally(int officialMembers, int exemptedOfficialMembers, int votesFor) {

  public VoteTally {
    if (officialMembers < 0 || exemptedOfficialMembers < 0 || votesFor < 0) {
      throw new IllegalArgumentException("Vote counts must not be negative");
    }
    if (exemptedOfficialMembers > officialMembers) {
      throw new IllegalArgumentException("More exempted than official members");
    }
    if (votesFor > officialMembers - exemptedOfficialMembers) {
      throw new IllegalArgumentException("More votes than members entitled to vote");
    }
  }

  /** The base the thresholds are counted against: official members minus the exempted. */
  public int eligibleVoters() {
    return officialMembers - exemptedOfficialMembers;
  }
}
