package vn.party.evaluation.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import vn.party.evaluation.portal.Occurred;

/**
 * One step of a {@link TimelineEntry timeline} as the history of a member's or a collective's evaluation answers it
 * (/api/v1/evaluations, /api/v1/collectives).
 */
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
