package vn.party.evaluation.selfreview;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A submitted self-review (Mẫu 02A/02B) as kept, unchanged: every submitted field by name, the hash of its canonical
 * JSON, and what followed from the member's grades and points (totals under 366, the level before caps, its rule).
 */
public record SelfReview(
    int year,
    String memberId,
    int version,
    String taskId,
    String regulation,
    String form,
    Map<String, Object> content,
    String contentSha256,
    BigDecimal generalPoints,
    BigDecimal taskPoints,
    BigDecimal totalPoints,
    String derivedLevel,
    String derivedLevelRule,
    String selfProposedLevel,
    String submittedBy,
    OffsetDateTime submittedAt) {}
