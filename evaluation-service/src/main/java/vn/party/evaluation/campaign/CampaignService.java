package vn.party.evaluation.campaign;

import static vn.party.evaluation.process.ProcessVariables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.campaign.CampaignApi.CampaignView;
import vn.party.evaluation.campaign.CampaignApi.CreateCampaignRequest;
import vn.party.evaluation.campaign.flow.CampaignProcess;
import vn.party.evaluation.directory.MemberDirectory;
import vn.party.evaluation.process.BusinessKeys;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.security.SystemAccess;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/** Opens campaigns and reports their progress. */
@Service
public class CampaignService {

  private final Campaigns campaigns;
  private final MemberDirectory directory;
  private final CampaignProcess process;
  private final CampaignMapper mapper;
  private final SystemAccess systemAccess;
  private final CampaignProperties properties;

  public CampaignService(
      Campaigns campaigns,
      MemberDirectory directory,
      CampaignProcess process,
      CampaignMapper mapper,
      SystemAccess systemAccess,
      CampaignProperties properties) {
    this.systemAccess = systemAccess;
    this.properties = properties;
    this.campaigns = campaigns;
    this.directory = directory;
    this.process = process;
    this.mapper = mapper;
  }

  /**
   * Stores the campaign and starts its process in one transaction; the process prepares the roster and starts
   * the members' evaluations asynchronously, batch by batch in {@code launch-parallelism} lanes at once, so this call
   * returns at once whatever the size.
   */
  @Transactional
  public CampaignView open(CreateCampaignRequest request, CurrentUser user) {
    if (!user.isAdmin() && !user.inOrganizationCommittee(request.organizationId())) {
      throw ApiException.forbidden();
    }
    validate(request);
    if (campaigns.exists(request.organizationId(), request.year())) {
      throw alreadyOpened(request);
    }
    NewCampaign campaign = mapper.toNewCampaign(request);
    UUID id = UUID.randomUUID();
    try {
      campaigns.insert(id, campaign, user.userId());
    } catch (DuplicateKeyException raced) {
      throw alreadyOpened(request);
    }
    Map<String, Object> variables =
        Map.ofEntries(
            Map.entry(UNIT_ASSESSMENT_DUE, Date.from(campaign.unitAssessmentDue().toInstant())),
            Map.entry(CAMPAIGN_ID, id.toString()),
            Map.entry(ORGANIZATION_ID, campaign.organizationId()),
            Map.entry(YEAR, campaign.year()),
            Map.entry(REGULATION, campaign.regulation().code()),
            Map.entry(SELF_REVIEW_DUE, Date.from(campaign.selfReviewDue().toInstant())),
            Map.entry(
                RESIDENCE_FEEDBACK_DUE, Date.from(campaign.residenceFeedbackDue().toInstant())),
            Map.entry(BRANCH_REVIEW_DUE, Date.from(campaign.branchReviewDue().toInstant())),
            Map.entry(DECISION_DUE, Date.from(campaign.decisionDue().toInstant())),
            Map.entry(LAUNCH_PARALLELISM, properties.launchParallelism()));
    // Who may open a campaign is decided above, by the organization tree; the engine then acts for
    // the system.
    String processInstanceId =
        systemAccess.call(
            () ->
                process.start(
                    BusinessKeys.campaign(campaign.year(), campaign.organizationId()), variables));
    campaigns.attachProcess(id, processInstanceId);
    return view(id);
  }

  public CampaignView get(UUID id, CurrentUser user) {
    Campaign campaign =
        campaigns.find(id).orElseThrow(() -> ApiException.notFound("error.campaign.not-found", id));
    if (!user.isAdmin()
        && !user.inspects(campaign.organizationId())
        && !user.inOrganizationCommittee(campaign.organizationId())) {
      throw ApiException.forbidden();
    }
    return mapper.toView(campaign, campaigns.decidedByLevel(id), campaigns.notRatedByReason(id));
  }

  private CampaignView view(UUID id) {
    return mapper.toView(
        campaigns.find(id).orElseThrow(),
        campaigns.decidedByLevel(id),
        campaigns.notRatedByReason(id));
  }

  /**
   * What only the organization's committee may learn (whether the organization exists), and the regulation again;
   * the request's fields and deadlines were checked before, every problem at once ({@link CampaignRequestCheck}).
   */
  private void validate(CreateCampaignRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (Arrays.stream(Regulation.values()).noneMatch(r -> r.code().equals(request.regulation()))) {
      problems.add(new FieldProblem("regulation", "invalid-regulation", null));
    }
    if (!directory.organizationExists(request.organizationId())) {
      problems.add(new FieldProblem("organizationId", "unknown", null));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
  }

  /** 409 naming the organization as people know it (tenth session's outsider, finding 6: its id was shown). */
  private ApiException alreadyOpened(CreateCampaignRequest request) {
    return ApiException.conflict(
        "error.campaign.exists",
        directory.organizationName(request.organizationId()).orElse(request.organizationId()),
        request.year());
  }
}
