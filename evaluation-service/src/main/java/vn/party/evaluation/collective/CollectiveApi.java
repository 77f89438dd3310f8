package vn.party.evaluation.collective;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import vn.party.evaluation.audit.HistoryEntry;
import vn.party.evaluation.caps.LevelCapView;

/** Response bodies of /api/v1/collectives. */
public final class CollectiveApi {

  /** A collective's rating in a year: its self-review (Mẫu 01), the decision, the cap in force and its history. */
  public record CollectiveView(
      int year,
      String collectiveId,
      String kind,
      String organizationId,
      String name,
      @Schema(
              allowableValues = {"NOT_RATED", "PENDING", "SELF_REVIEW", "DECISION", "DECIDED"},
              description =
                  "NOT_RATED (see notRatedReason), PENDING (not started), SELF_REVIEW, DECISION (the committee "
                      + "above decides), DECIDED")
          String status,
      String notRatedReason,
      SelfReview selfReview,
      Decision decision,
      LevelCapView levelCap,
      List<HistoryEntry> history) {}

  /** Mẫu 01 as submitted; {@code allTasksDone} and {@code lateTasksPercent} are null when the collective did not state them. */
  public record SelfReview(
      String strengths,
      String limitations,
      String remedialMeasures,
      Boolean allTasksDone,
      Double lateTasksPercent,
      String level,
      String by,
      OffsetDateTime at) {}

  public record Decision(String level, String comment, String by, OffsetDateTime at) {}

  private CollectiveApi() {}
}
