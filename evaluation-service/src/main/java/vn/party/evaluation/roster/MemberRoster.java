package vn.party.evaluation.roster;

import java.time.LocalDate;

/**
 * A member's roster facts as the directory keeps them ({@code evaluation.party_member}): what decides, when a campaign
 * is launched, whether the member is rated and on which form, whether a unit assessment is expected, and who belongs to
 * a leadership collective, and who heads a unit.
 *
 * @param membership OFFICIAL | PROBATIONARY
 * @param status ACTIVE, … (read only here: only ACTIVE members are put on a campaign's roster)
 * @param admittedOn when the member was admitted; null: not on file (treated as an established member)
 * @param exempted miễn công tác và sinh hoạt đảng: not rated
 * @param suspended đình chỉ sinh hoạt đảng: not rated
 * @param leadership BRANCH_COMMITTEE | ORGANIZATION_COMMITTEE | null: the leadership collective the member sits on
 * @param civilServant holds a post in the state apparatus: a unit assessment (civil-service rating) is expected
 * @param leadershipPost holds a leadership or management post: Mẫu 02B
 * @param headOf BRANCH | ORGANIZATION | null: the unit the member heads (bí thư chi bộ, bí thư đảng ủy cơ sở); one
 *     head per unit
 */
public record MemberRoster(
    String id,
    String fullName,
    String email,
    String branchId,
    String organizationId,
    String membership,
    String status,
    LocalDate admittedOn,
    boolean exempted,
    boolean suspended,
    String leadership,
    boolean civilServant,
    boolean leadershipPost,
    String headOf) {}
