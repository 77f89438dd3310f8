package vn.party.evaluation.record;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.party.evaluation.directory.MemberDirectory;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/** Who may read a member's evaluation: one rule for the API and the pages. */
@Component
public class EvaluationAccess {

  private final EvaluationRecords records;
  private final MemberDirectory directory;

  public EvaluationAccess(EvaluationRecords records, MemberDirectory directory) {
    this.records = records;
    this.directory = directory;
  }

  /**
   * The member, their branch committee, the committee of a sub-committee their branch is under, their grassroots
   * committee, the committee above (it re-appraises after a
   * complaint), the organization's inspection committee, auditors and administrators may read. Whoever may not gets the same 403 whether or not the member has
   * an evaluation that year (or exists at all): a 404 for them told that there was none (issue 12). The units are
   * those of the evaluation when there is one, and the member's present ones, so that whoever may read it learns
   * with a 404 that there is none.
   */
  public EvaluationRecord readable(int year, String memberId, CurrentUser user) {
    Optional<EvaluationRecord> record = records.find(year, memberId);
    boolean allowed =
        user.userId().equals(memberId)
            || user.isAuditor()
            || user.isAdmin()
            || record.map(r -> reads(user, r.branchId(), r.organizationId())).orElse(false)
            || directory
                .member(memberId)
                .map(m -> reads(user, m.branchId(), m.organizationId()))
                .orElse(false);
    if (!allowed) {
      throw ApiException.forbidden();
    }
    return record.orElseThrow(
        () -> ApiException.notFound("error.evaluation.not-found", year, memberId));
  }

  private static boolean reads(CurrentUser user, String branchId, String organizationId) {
    return user.inBranchCommittee(branchId)
        || user.overseesBranch(branchId)
        || user.inOrganizationCommittee(organizationId)
        || user.inSuperiorCommitteeOf(organizationId)
        || user.inspects(organizationId);
  }
}
