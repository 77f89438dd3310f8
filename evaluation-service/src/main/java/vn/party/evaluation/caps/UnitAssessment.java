package vn.party.evaluation.caps;

import vn.party.evaluation.rules.Level;

/**
 * The unit leadership's assessment of a member (nhận xét của lãnh đạo đơn vị), as received
 * ({@code vn.party.member.unit-assessment}).
 *
 * @param civilServiceLevel the member's civil-service level for the year, or null for a member without one (not in
 *     the state apparatus): the party level may not be above it
 * @param tasksCompletedPercent share of the year's tasks the member completed, 0–100, or null when the unit does not
 *     say: the cap input of 132-QĐ/TW (under 50 % → NOT_COMPLETED)
 */
public record UnitAssessment(
    String memberId,
    int year,
    Level civilServiceLevel,
    String comment,
    String assessedBy,
    Double tasksCompletedPercent) {}
