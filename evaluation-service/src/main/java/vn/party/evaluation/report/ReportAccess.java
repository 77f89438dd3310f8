package vn.party.evaluation.report;

import org.springframework.stereotype.Component;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * Who may read an organization's yearly report: its grassroots committee, auditors and administrators. A branch
 * committee or a member may not (their own records are on the evaluation pages).
 */
@Component
class ReportAccess {

  private final Reports reports;

  ReportAccess(Reports reports) {
    this.reports = reports;
  }

  OrganizationReport readable(String organizationId, int year, CurrentUser user) {
    if (!user.isAuditor() && !user.isAdmin() && !user.inOrganizationCommittee(organizationId)) {
      throw ApiException.forbidden();
    }
    return reports.of(organizationId, year)
        .orElseThrow(() -> ApiException.notFound("error.report.not-found", organizationId, year));
  }
}
