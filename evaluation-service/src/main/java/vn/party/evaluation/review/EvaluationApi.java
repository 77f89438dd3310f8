package vn.party.evaluation.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.party.evaluation.portal.Occurred;
import vn.party.evaluation.record.EvaluationStatus;

/** Response bodies of /api/v1/evaluations. */
public final class EvaluationApi {

  public record Step(String level, String comment, String by, OffsetDateTime at) {}

  public record ResidenceFeedbackView(
      String status, String comment, String by, OffsetDateTime at) {}

  /** The unit leadership's assessment: PENDING, RECEIVED, MISSING (deadline passed) or NOT_EXPECTED. */
  public record UnitAssessmentView(String status, String comment, String by, OffsetDateTime at) {}

  /**
   * The strictest level cap in force: the highest level the member may be rated, why (a member-caps reason code and
   * its Vietnamese text) and the rule row that says so. Absent when no cap applies.
   */
  public record LevelCapView(String level, String reason, String reasonText, String ruleId) {}

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

  public record HistoryEntry(
      long sequence,
      OffsetDateTime at,
      String kind,
      String taskKey,
      String taskId,
      String actor,
      Map<String, Object> details)
      implements Occurred {

    /** When it happened (for the pages; not a field of the body). */
    @Override
    public OffsetDateTime occurredAt() {
      return at;
    }
  }

  private EvaluationApi() {}
}
