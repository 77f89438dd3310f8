package vn.party.evaluation.security;

import java.util.List;
import java.util.Optional;
import vn.party.evaluation.process.Groups;

/** The signed-in user and the groups (roles bound to the organization tree) they belong to. */
public record CurrentUser(String userId, List<String> groups) {

  public boolean isAdmin() {
    return groups.contains(Groups.ADMINS);
  }

  public boolean isAuditor() {
    return groups.contains(Groups.AUDITORS);
  }

  /**
   * Whether the user reads the organization as an inspector: a global auditor (every organization), or a member of
   * that organization's inspection committee ({@code inspection-{organization}}).
   */
  public boolean inspects(String organizationId) {
    return isAuditor()
        || organizationId != null && groups.contains(Groups.inspection(organizationId));
  }

  /** The organizations whose inspection committee the user sits on (not counting the global auditors group). */
  public List<String> inspectedOrganizations() {
    return groups.stream().map(Groups::organizationOfInspection).flatMap(Optional::stream).toList();
  }

  /** A global auditor or a member of some organization's inspection committee: the audit pages are theirs. */
  public boolean isInspector() {
    return isAuditor() || !inspectedOrganizations().isEmpty();
  }

  /**
   * On the branch's committee. Never an auditor, whatever groups they hold (the inspection reads and changes nothing;
   * seats refuse auditors, and the engine refuses seating anyone through its identity API — issue 12, outsider's
   * finding 3). The same for the other deciding committees below.
   */
  public boolean inBranchCommittee(String branchId) {
    return !isAuditor() && groups.contains(Groups.branchCommittee(branchId));
  }

  /** On the committee of a sub-committee the branch sits under (at any depth): reads the branch, decides nothing. */
  public boolean overseesBranch(String branchId) {
    return branchId != null && groups.contains(Groups.subCommitteeOver(branchId));
  }

  public boolean inOrganizationCommittee(String organizationId) {
    return !isAuditor() && groups.contains(Groups.organizationCommittee(organizationId));
  }

  public boolean inSuperiorCommitteeOf(String organizationId) {
    return !isAuditor() && groups.contains(Groups.superiorCommittee(organizationId));
  }
}
