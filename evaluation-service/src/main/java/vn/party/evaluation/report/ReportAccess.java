package vn.party.evaluation.report;

import org.springframework.stereotype.Component;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * Who may read an organization's yearly report: its grassroots committee, its inspection committee, auditors and
 * administrators. A branch
 * committee may not (it reads its own branch's report); a member may read neither (their own records are on the
 * evaluation pages).
 */
@Component
class ReportAccess {

  private final Reports reports;

  ReportAccess(Reports reports) {
    this.reports = reports;
  }

  /**
   * A branch's report: its own branch committee, the committee of a sub-committee it is under, the grassroots committee of its organization, auditors and
   * administrators. An unknown branch is 403 to others than auditors and administrators, who get 404.
   */
  BranchReport readableBranch(String branchId, int year, CurrentUser user) {
    boolean everywhere = user.isAuditor() || user.isAdmin();
    String organization = reports.organizationOfBranch(branchId).orElse(null);
    if (!everywhere
        && !user.inBranchCommittee(branchId)
        && !user.overseesBranch(branchId)
        && (organization == null
            || !user.inOrganizationCommittee(organization) && !user.inspects(organization))) {
      throw ApiException.forbidden();
    }
    return reports
        .ofBranch(branchId, year)
        .orElseThrow(() -> ApiException.notFound("error.report.branch-not-found", branchId, year));
  }

  OrganizationReport readable(String organizationId, int year, CurrentUser user) {
    if (!user.inspects(organizationId)
        && !user.isAdmin()
        && !user.inOrganizationCommittee(organizationId)) {
      throw ApiException.forbidden();
    }
    return reports
        .of(organizationId, year)
        .orElseThrow(() -> ApiException.notFound("error.report.not-found", organizationId, year));
  }
}
