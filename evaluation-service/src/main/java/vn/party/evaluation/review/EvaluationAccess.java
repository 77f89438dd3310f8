package vn.party.evaluation.review;

import org.springframework.stereotype.Component;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/** Who may read a member's evaluation: one rule for the API and the pages. */
@Component
public class EvaluationAccess {

  private final EvaluationRecords records;

  public EvaluationAccess(EvaluationRecords records) {
    this.records = records;
  }

  /**
   * The member, their branch committee, their grassroots committee, the committee above (it re-appraises after a
   * complaint), auditors and administrators may read.
   */
  public EvaluationRecord readable(int year, String memberId, CurrentUser user) {
    EvaluationRecord record = records.find(year, memberId)
        .orElseThrow(() -> ApiException.notFound("error.evaluation.not-found", year, memberId));
    boolean allowed = user.userId().equals(memberId) || user.isAuditor() || user.isAdmin()
        || user.inBranchCommittee(record.branchId()) || user.inOrganizationCommittee(record.organizationId())
        || user.inSuperiorCommitteeOf(record.organizationId());
    if (!allowed) {
      throw ApiException.forbidden();
    }
    return record;
  }
}
