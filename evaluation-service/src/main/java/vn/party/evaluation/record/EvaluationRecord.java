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
    String levelCapRule) {

  /**
   * The unit leadership's assessment as the pages and the PDFs show it ({@code unit-assessment.*}). Whether one is
   * expected at all is settled by the process's {@code check-unit-assessment}, once the self-review is sent and the
   * residence comment is in (or its deadline passed): the member's civil-service post is read then, and may change
   * before. Until then PENDING, which the record holds from the start, is shown as {@code UNDECIDED} — needed only for
   * a member with such a post — not as "waiting" (session 13's outsider, LOW 13). The API's {@code
   * unitAssessment.status} keeps the stored value.
   */
  public String unitAssessmentShown() {
    boolean beforeTheCheck =
        status == EvaluationStatus.SELF_REVIEW
            || status == EvaluationStatus.WAITING_RESIDENCE_FEEDBACK
                && (residenceFeedback == null || "PENDING".equals(residenceFeedback));
    return "PENDING".equals(unitAssessment) && beforeTheCheck ? "UNDECIDED" : unitAssessment;
  }
}
