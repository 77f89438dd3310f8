package vn.party.evaluation.campaign;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Data of the campaign events (see docs/contracts.md). */
final class CampaignEvents {

  record Deadlines(
      OffsetDateTime selfReviewDue,
      OffsetDateTime residenceFeedbackDue,
      OffsetDateTime branchReviewDue,
      OffsetDateTime decisionDue) {}

  record Started(
      UUID campaignId,
      String organizationId,
      int year,
      String regulation,
      int membersTotal,
      int membersNotRated,
      Deadlines deadlines) {}

  record Completed(
      UUID campaignId,
      String organizationId,
      int year,
      int membersTotal,
      Map<String, Integer> countsByLevel) {}

  private CampaignEvents() {}
}
