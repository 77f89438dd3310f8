package vn.party.evaluation.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import vn.party.evaluation.portal.Occurred;

/** One step in the history of a member's evaluation: who did what, when, with which values. */
public record TimelineEntry(
    long id,
    int year,
    String memberId,
    OffsetDateTime occurredAt,
    TimelineKind kind,
    String taskKey,
    String taskId,
    String actor,
    Map<String, Object> details)
    implements Occurred {}
