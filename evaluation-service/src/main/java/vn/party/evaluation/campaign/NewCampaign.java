package vn.party.evaluation.campaign;

import java.time.OffsetDateTime;
import vn.party.evaluation.rules.Regulation;

/** What it takes to open a campaign (validated). */
public record NewCampaign(
    String organizationId,
    int year,
    Regulation regulation,
    OffsetDateTime selfReviewDue,
    OffsetDateTime residenceFeedbackDue,
    OffsetDateTime unitAssessmentDue,
    OffsetDateTime branchReviewDue,
    OffsetDateTime decisionDue) {}
