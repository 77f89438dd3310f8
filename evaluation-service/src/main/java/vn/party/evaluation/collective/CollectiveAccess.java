package vn.party.evaluation.collective;

import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.collective.CollectiveApi.CollectiveView;
import vn.party.evaluation.directory.MemberDirectory;
import vn.party.evaluation.portal.PeoplesWords;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * Who may read a collective's rating: administrators and auditors; the grassroots committee, the committee above and the
 * inspection committee of its organization; for a branch, also its own branch committee. Anyone else: 403, whether or not there is such a
 * rating (a 404 told them there was none); 404 only for those who may read it (issue 12).
 */
@Component
public class CollectiveAccess {

  private final CollectiveEvaluations evaluations;
  private final Timeline timeline;
  private final CollectiveMapper mapper;
  private final MemberDirectory directory;

  /** The unit by name in a refusal, never by its code. */
  private final PeoplesWords unitNames;

  public CollectiveAccess(
      CollectiveEvaluations evaluations,
      Timeline timeline,
      CollectiveMapper mapper,
      MemberDirectory directory,
      PeoplesWords unitNames) {
    this.unitNames = unitNames;
    this.evaluations = evaluations;
    this.timeline = timeline;
    this.mapper = mapper;
    this.directory = directory;
  }

  public CollectiveView view(int year, String collectiveId, CurrentUser user) {
    var found = evaluations.find(year, collectiveId);
    boolean allowed =
        user.isAdmin()
            || user.isAuditor()
            || found
                .map(e -> reads(user, e.organizationId(), "BRANCH".equals(e.kind()), collectiveId))
                .orElse(false)
            || unitReads(user, collectiveId);
    if (!allowed) {
      throw ApiException.forbidden();
    }
    CollectiveEvaluation evaluation =
        found.orElseThrow(
            () ->
                ApiException.notFound(
                    "error.collective.not-found", year, unitNames.unit(collectiveId)));
    return mapper.toView(
        evaluation, timeline.of(year, CollectiveEvaluation.timelineSubject(collectiveId)));
  }

  private static boolean reads(
      CurrentUser user, String organization, boolean branch, String collectiveId) {
    return user.inOrganizationCommittee(organization)
        || user.inSuperiorCommitteeOf(organization)
        || user.inspects(organization)
        || branch && user.inBranchCommittee(collectiveId);
  }

  /** The same rule from the directory, for a unit without a rating that year. */
  private boolean unitReads(CurrentUser user, String collectiveId) {
    var organizationOfBranch = directory.organizationOfBranch(collectiveId);
    if (organizationOfBranch.isPresent()) {
      return reads(user, organizationOfBranch.get(), true, collectiveId);
    }
    return directory.organizationExists(collectiveId)
        && reads(user, collectiveId, false, collectiveId);
  }
}
