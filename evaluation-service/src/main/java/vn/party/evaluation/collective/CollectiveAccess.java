package vn.party.evaluation.collective;

import org.springframework.stereotype.Component;
import vn.party.evaluation.audit.Timeline;
import vn.party.evaluation.collective.CollectiveApi.CollectiveView;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;

/**
 * Who may read a collective's rating: administrators and auditors; the grassroots committee and the committee above
 * of its organization; for a branch, also its own branch committee. Anyone else: 403; none such: 404.
 */
@Component
public class CollectiveAccess {

  private final CollectiveEvaluations evaluations;
  private final Timeline timeline;
  private final CollectiveMapper mapper;
  /** The unit by name in a refusal, never by its code. */
  private final vn.party.evaluation.portal.PeoplesWords unitNames;

  public CollectiveAccess(CollectiveEvaluations evaluations, Timeline timeline, CollectiveMapper mapper,
      vn.party.evaluation.portal.PeoplesWords unitNames) {
    this.unitNames = unitNames;
    this.evaluations = evaluations;
    this.timeline = timeline;
    this.mapper = mapper;
  }

  public CollectiveView view(int year, String collectiveId, CurrentUser user) {
    CollectiveEvaluation evaluation = evaluations.find(year, collectiveId)
        .orElseThrow(() -> ApiException.notFound("error.collective.not-found", year, unitNames.unit(collectiveId)));
    String organization = evaluation.organizationId();
    boolean allowed = user.isAdmin() || user.isAuditor() || user.inOrganizationCommittee(organization)
        || user.inSuperiorCommitteeOf(organization)
        || "BRANCH".equals(evaluation.kind()) && user.inBranchCommittee(collectiveId);
    if (!allowed) {
      throw ApiException.forbidden();
    }
    return mapper.toView(evaluation, timeline.of(year, CollectiveEvaluation.timelineSubject(collectiveId)));
  }
}
