package vn.party.evaluation.record;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One member's evaluation in one year, as stored: the three levels and who/when for each, and the level cap in force
 * (null: none) with its reason code and member-caps rule.
 */
public record EvaluationRecord(
    int year,
    String memberId,
    String memberName,
    UUID campaignId,
    String organizationId,
    String branchId,
    String processInstanceId,
    EvaluationStatus status,
    String selfProposedLevel,
    String selfReviewedBy,
    OffsetDateTime selfReviewedAt,
    String residenceFeedback,
    String residenceComment,
    String residenceCommentBy,
    OffsetDateTime residenceCommentAt,
    String unitAssessment,
    String unitComment,
    String unitCommentBy,
    OffsetDateTime unitCommentAt,
    String branchProposedLevel,
    String branchComment,
    String branchReviewedBy,
    OffsetDateTime branchReviewedAt,
    String decidedLevel,
    String decisionComment,
    String decidedBy,
    OffsetDateTime decidedAt,
    String levelCap,
    String levelCapReason,
    String levelCapRule) {}
