package vn.party.evaluation.security;

import java.util.List;
import vn.party.evaluation.process.Groups;

/** The signed-in user and the groups (roles bound to the organization tree) they belong to. */
public record CurrentUser(String userId, List<String> groups) {

  public boolean isAdmin() {
    return groups.contains(Groups.ADMINS);
  }

  public boolean isAuditor() {
    return groups.contains(Groups.AUDITORS);
  }

  public boolean inBranchCommittee(String branchId) {
    return groups.contains(Groups.branchCommittee(branchId));
  }

  public boolean inOrganizationCommittee(String organizationId) {
    return groups.contains(Groups.organizationCommittee(organizationId));
  }

  public boolean inSuperiorCommitteeOf(String organizationId) {
    return groups.contains(Groups.superiorCommittee(organizationId));
  }
}
