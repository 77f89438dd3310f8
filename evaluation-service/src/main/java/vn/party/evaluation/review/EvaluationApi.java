package vn.party.evaluation.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.party.evaluation.caps.LevelCapView;
import vn.party.evaluation.record.EvaluationStatus;

/** Response bodies of /api/v1/evaluations. */
public final class EvaluationApi {

  public record Step(String level, String comment, String by, OffsetDateTime at) {}

  /** The residence's feedback: PENDING, RECEIVED or MISSING (deadline passed). */
  public record ResidenceFeedbackView(
      @Schema(allowableValues = {"PENDING", "RECEIVED", "MISSING"}) String status,
      String comment,
      String by,
      OffsetDateTime at) {}

  /** The unit leadership's assessment: PENDING, RECEIVED, MISSING (deadline passed) or NOT_EXPECTED. */
  public record UnitAssessmentView(
      @Schema(allowableValues = {"PENDING", "RECEIVED", "MISSING", "NOT_EXPECTED"}) String status,
      String comment,
      String by,
      OffsetDateTime at) {}

  /** A complaint about the announced result (channel API: the member; EVENT: received elsewhere). */
  public record ComplaintEntry(
      long id, String grounds, String submittedBy, String channel, OffsetDateTime receivedAt) {}

  /**
   * The committee above's re-appraisal after a complaint, beside the original decision (which stays as it was):
   * level, changed, comment, by and at are null while it is open.
   */
  public record ReappraisalView(
      String originalLevel,
      String level,
      Boolean changed,
      String comment,
      String by,
      OffsetDateTime startedAt,
      OffsetDateTime at) {}

  /**
   * @param complaints complaints received in the complaint window, oldest first (empty: none)
   * @param reappraisal the re-appraisal they started; absent without complaints
   */
  public record EvaluationView(
      int year,
      String memberId,
      String memberName,
      String organizationId,
      String branchId,
      UUID campaignId,
      EvaluationStatus status,
      Step selfReview,
      ResidenceFeedbackView residenceFeedback,
      UnitAssessmentView unitAssessment,
      Step branchReview,
      Step decision,
      LevelCapView levelCap,
      List<ComplaintEntry> complaints,
      ReappraisalView reappraisal) {}

  private EvaluationApi() {}
}
