package vn.party.evaluation.complaint;

import java.util.List;
import vn.party.evaluation.directory.Recipient;

/** Data of the outgoing events of the announcement and the re-appraisals (docs/contracts.md). */
public final class ComplaintEvents {

  /** {@code vn.party.evaluation.result.announced}, one per decided member, keyed by memberId. */
  public record ResultAnnounced(
      String memberId,
      String memberName,
      int year,
      String organizationId,
      String decidedLevel,
      String decisionComment,
      String announcedAt,
      String complaintWindowEnd,
      String evaluationUrl,
      List<Recipient> recipients) {}

  /** {@code vn.party.evaluation.member.reappraised}, keyed by memberId. */
  public record MemberReappraised(
      String memberId,
      String memberName,
      int year,
      String organizationId,
      String originalLevel,
      String reappraisedLevel,
      boolean changed,
      String comment,
      String decidedBy,
      String decidedAt,
      String evaluationUrl,
      List<Recipient> recipients) {}

  private ComplaintEvents() {}
}
