package vn.party.evaluation.campaign;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A yearly evaluation campaign of one grassroots organization, as stored. {@code decisionStage}: which members'
 * decisions it waits for now (a {@code DecisionStage} name), null before the last batch has started.
 */
public record Campaign(
    UUID id,
    String organizationId,
    int year,
    String regulation,
    OffsetDateTime selfReviewDue,
    OffsetDateTime residenceFeedbackDue,
    OffsetDateTime unitAssessmentDue,
    OffsetDateTime branchReviewDue,
    OffsetDateTime decisionDue,
    CampaignStatus status,
    int membersTotal,
    int membersStarted,
    int membersDecided,
    int membersNotRated,
    boolean rosterPrepared,
    String processInstanceId,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime completedAt,
    String decisionStage) {}
