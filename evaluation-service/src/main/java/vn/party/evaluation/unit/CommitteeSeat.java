package vn.party.evaluation.unit;

import java.time.OffsetDateTime;

/**
 * A seat on a unit's committee (cấp ủy) or inspection committee (ủy ban kiểm tra).
 *
 * @param personId the account (a member's account is the member id)
 * @param personName the account's name as the engine knows it, or the member's full name
 * @param body COMMITTEE | INSPECTION
 * @param role SECRETARY (bí thư / chủ nhiệm) | DEPUTY (phó bí thư / phó chủ nhiệm) | MEMBER (ủy viên)
 */
public record CommitteeSeat(
    String unitId,
    String personId,
    String personName,
    String body,
    String role,
    OffsetDateTime since) {}
