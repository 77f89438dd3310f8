package vn.party.evaluation;

import java.util.Map;

/**
 * The data of a good inbound event of each type the service takes from {@code party.member-events}, about a member of
 * the demo organization (or its branch 1): the corpora of bad text change one field of it at a time.
 */
public final class InboundEventData {

  private InboundEventData() {}

  /** vn.party.member.residence-feedback, signed by that residence committee. */
  public static Map<String, Object> residence(String memberId, int year, String submittedBy) {
    return Map.of(
        "memberId", memberId, "year", year, "comment", "Tốt.", "submittedBy", submittedBy);
  }

  /** vn.party.member.unit-assessment. */
  public static Map<String, Object> unitAssessment(String memberId, int year) {
    return Map.of(
        "memberId", memberId, "year", year, "comment", "Tốt.", "assessedBy", "Thủ trưởng đơn vị");
  }

  /** vn.party.member.disciplined: a reprimand of 1 March. */
  public static Map<String, Object> discipline(String memberId, int year) {
    return disciplined("memberId", memberId, year, "QĐ-01/UBKT");
  }

  /** vn.party.organization.disciplined: branch 1 reprimanded on 1 March. */
  public static Map<String, Object> organizationDiscipline(int year) {
    return disciplined("organizationId", "thanh-khe-tay-cb1", year, "QĐ-02/UBKT");
  }

  /** vn.party.member.complaint, by the member. */
  public static Map<String, Object> complaint(String memberId, int year) {
    return Map.of(
        "memberId", memberId, "year", year, "grounds", "Chưa thỏa đáng.", "submittedBy", memberId);
  }

  private static Map<String, Object> disciplined(
      String subjectField, String subject, int year, String decisionId) {
    return Map.of(
        subjectField,
        subject,
        "year",
        year,
        "decisionId",
        decisionId,
        "form",
        "REPRIMAND",
        "decidedOn",
        year + "-03-01",
        "decidedBy",
        "Ủy ban kiểm tra");
  }
}
