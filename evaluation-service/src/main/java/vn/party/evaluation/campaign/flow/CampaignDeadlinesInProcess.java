package vn.party.evaluation.campaign.flow;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import vn.party.evaluation.campaign.Campaign;
import vn.party.evaluation.campaign.Campaigns;
import vn.party.evaluation.process.CampaignDeadlines;
import vn.party.evaluation.process.DelegateNames;

/**
 * The campaign's deadlines as member-evaluation reads them when it creates a task or a timer ({@code
 * ${campaignDeadlines.selfReview(campaignId)}}; issue 15: no longer five variables copied into every instance at its
 * start). Read from the campaign's row, so a task or timer created after a deadline changed would get the new one.
 *
 * <p>A campaign's deadlines are fixed when it opens (nothing updates them: {@code Campaigns} only inserts them), so
 * they are kept here by campaign id after the first read, and a launch of thousands of members reads the row once per
 * node. Whatever comes to change a campaign's deadlines must call {@link #forget} in its transaction's commit (or
 * every node's), so that the next task reads them again.
 */
@Component(DelegateNames.CAMPAIGN_DEADLINES)
public class CampaignDeadlinesInProcess implements CampaignDeadlines {

  /** More campaigns than one service meets in years (one per organization and year): the cache starts over. */
  private static final int MOST_KEPT = 10_000;

  /** The five deadlines of one campaign. */
  private record Dates(
      OffsetDateTime selfReview,
      OffsetDateTime residenceFeedback,
      OffsetDateTime unitAssessment,
      OffsetDateTime branchReview,
      OffsetDateTime decision) {

    static Dates of(Campaign campaign) {
      return new Dates(
          campaign.selfReviewDue(),
          campaign.residenceFeedbackDue(),
          campaign.unitAssessmentDue(),
          campaign.branchReviewDue(),
          campaign.decisionDue());
    }
  }

  private final Campaigns campaigns;
  private final Map<UUID, Dates> known = new ConcurrentHashMap<>();

  public CampaignDeadlinesInProcess(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public Date selfReview(String campaignId) {
    return due(campaignId, Dates::selfReview);
  }

  @Override
  public Date residenceFeedback(String campaignId) {
    return due(campaignId, Dates::residenceFeedback);
  }

  @Override
  public Date unitAssessment(String campaignId) {
    return due(campaignId, Dates::unitAssessment);
  }

  @Override
  public Date branchReview(String campaignId) {
    return due(campaignId, Dates::branchReview);
  }

  @Override
  public Date decision(String campaignId) {
    return due(campaignId, Dates::decision);
  }

  /** The campaign's deadlines are read again at their next use (after a change of the deadlines). */
  public void forget(UUID campaignId) {
    known.remove(campaignId);
  }

  private Date due(String campaignId, Function<Dates, OffsetDateTime> deadline) {
    UUID id = UUID.fromString(campaignId);
    Dates dates = known.get(id);
    if (dates == null) {
      dates =
          Dates.of(
              campaigns
                  .find(id)
                  .orElseThrow(() -> new IllegalStateException("no campaign " + campaignId)));
      if (known.size() >= MOST_KEPT) {
        known.clear();
      }
      known.put(id, dates);
    }
    return Date.from(deadline.apply(dates).toInstant());
  }
}
