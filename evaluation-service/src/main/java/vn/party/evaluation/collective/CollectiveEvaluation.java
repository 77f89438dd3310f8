package vn.party.evaluation.collective;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One collective's rating in one year: a row of collective_evaluation. {@code allTasksDone} and {@code
 * lateTasksPercent}: the task results it stated in its self-review, null when not stated.
 */
public record CollectiveEvaluation(
    int year,
    String collectiveId,
    String kind,
    String organizationId,
    UUID campaignId,
    String name,
    String status,
    String notRatedReason,
    String eligibilityRule,
    String processInstanceId,
    String strengths,
    String limitations,
    String remedialMeasures,
    String selfProposedLevel,
    String selfReviewedBy,
    OffsetDateTime selfReviewedAt,
    String decidedLevel,
    String decisionComment,
    String decidedBy,
    OffsetDateTime decidedAt,
    String levelCap,
    String levelCapReason,
    String levelCapRule,
    Boolean allTasksDone,
    Double lateTasksPercent) {

  /** The subject of its timeline entries: {@code collective:{id}}, never a member id (those have no colon). */
  public static String timelineSubject(String collectiveId) {
    return "collective:" + collectiveId;
  }
}
