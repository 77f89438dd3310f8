package vn.party.evaluation.unit;

import java.time.OffsetDateTime;
import java.util.Map;

/** One recorded change of a unit ({@code unit_history}, append-only). */
public record UnitHistoryEntry(
    long id,
    String unitId,
    OffsetDateTime occurredAt,
    String actor,
    String action,
    String reason,
    Map<String, Object> details) {}
