package vn.party.evaluation.review;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Response bodies of /api/v1/evaluations. */
public final class EvaluationApi {

  public record Step(String level, String comment, String by, OffsetDateTime at) {
  }

  public record ResidenceFeedbackView(String status, String comment, String by, OffsetDateTime at) {
  }

  /** The unit leadership's assessment: PENDING, RECEIVED, MISSING (deadline passed) or NOT_EXPECTED. */
  public record UnitAssessmentView(String status, String comment, String by, OffsetDateTime at) {
  }

  /**
   * The strictest level cap in force: the highest level the member may be rated, why (a member-caps reason code and
   * its Vietnamese text) and the rule row that says so. Absent when no cap applies.
   */
  public record LevelCapView(String level, String reason, String reasonText, String ruleId) {
  }

  public record EvaluationView(int year, String memberId, String memberName, String organizationId,
      String branchId, UUID campaignId, EvaluationStatus status, Step selfReview,
      ResidenceFeedbackView residenceFeedback, UnitAssessmentView unitAssessment, Step branchReview, Step decision, LevelCapView levelCap) {
  }

  public record HistoryEntry(long sequence, OffsetDateTime at, String kind, String taskKey, String taskId,
      String actor, Map<String, Object> details) {
  }

  private EvaluationApi() {
  }
}
