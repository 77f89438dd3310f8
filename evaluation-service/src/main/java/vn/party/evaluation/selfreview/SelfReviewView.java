package vn.party.evaluation.selfreview;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Response of {@code GET /api/v1/evaluations/{year}/{memberId}/self-review}: the submitted self-review as kept.
 *
 * @param form 02A, or 02B for a member holding a leadership post, or 10-KNĐ for a probationary member
 * @param content every submitted field by name (the form's field names, docs/contracts.md)
 * @param contentSha256 SHA-256 of the content's canonical JSON (keys sorted, no spaces)
 * @param derivedLevel the level the member's own grades or points give, before caps; null without a graded section I
 */
public record SelfReviewView(
    int year,
    String memberId,
    int version,
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
