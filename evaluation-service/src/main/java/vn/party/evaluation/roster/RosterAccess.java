package vn.party.evaluation.roster;

import org.springframework.stereotype.Component;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * Who may read and who may change a member's roster facts; one rule for the API and the pages. 403 when the caller
 * may not, and the same 403 for a member who does not exist unless the caller may read every member (administrators,
 * auditors: 404), so that nobody learns from the answer whether an id is a member's (issue 12).
 */
@Component
public class RosterAccess {

  private final Rosters rosters;

  public RosterAccess(Rosters rosters) {
    this.rosters = rosters;
  }

  /**
   * Administrators, auditors, the inspection committee and the grassroots committee of the member's organization, the
   * member's branch committee, the member.
   */
  public MemberRoster readable(String memberId, CurrentUser user) {
    MemberRoster roster = rosters.find(memberId).orElseThrow(() -> unknown(memberId, user));
    if (!mayRead(roster, user)) {
      throw ApiException.forbidden();
    }
    return roster;
  }

  /** For an id that is no member's: 404 to whoever may read every member, the forbidden answer to anyone else. */
  public static ApiException unknown(String memberId, CurrentUser user) {
    return user.isAdmin() || user.isAuditor()
        ? ApiException.notFound("error.member.not-found", memberId)
        : ApiException.forbidden();
  }

  public static boolean mayRead(MemberRoster roster, CurrentUser user) {
    return user.isAdmin()
        || user.inspects(roster.organizationId())
        || user.inOrganizationCommittee(roster.organizationId())
        || user.inBranchCommittee(roster.branchId())
        || user.userId().equals(roster.id());
  }

  /**
   * Administrators and the grassroots committee of the member's organization (it keeps its members' records and
   * decides their results). Never auditors (they read, they change nothing), nor the branch committee or the member,
   * even seated on the grassroots committee (recusal).
   */
  public static boolean mayChange(MemberRoster roster, CurrentUser user) {
    return mayChangeOthers(roster, user) && !user.userId().equals(roster.id());
  }

  /**
   * 403 unless the user may change the member's roster facts and movements ({@link #mayChange}); for the member
   * themselves, seated on their committee, with the recusal's reason: nobody decides their own case (issue 12,
   * outsider's finding 1).
   */
  public static void changeable(MemberRoster roster, CurrentUser user) {
    if (!mayChangeOthers(roster, user)) {
      throw ApiException.forbidden();
    }
    if (user.userId().equals(roster.id())) {
      throw ApiException.ownRecord();
    }
  }

  private static boolean mayChangeOthers(MemberRoster roster, CurrentUser user) {
    if (user.isAuditor() && !user.isAdmin()) {
      return false;
    }
    return user.isAdmin() || user.inOrganizationCommittee(roster.organizationId());
  }

  /** Branches' member lists: administrators, auditors, the branch's grassroots committee and its own committee. */
  public static boolean mayListBranch(Rosters.Branch branch, CurrentUser user) {
    return user.isAdmin()
        || user.inspects(branch.organizationId())
        || user.inOrganizationCommittee(branch.organizationId())
        || user.inBranchCommittee(branch.id());
  }
}
