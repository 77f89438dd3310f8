package vn.party.evaluation.record;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import vn.party.evaluation.directory.Recipient;

/** Data of the events that tell a step of a member's evaluation was taken (see docs/contracts.md). */
public final class StepEvents {

  public record SelfReviewSubmitted(
      String memberId,
      int year,
      String selfProposedLevel,
      String submittedBy,
      String submittedAt) {}

  public record BranchReviewCompleted(
      String memberId,
      int year,
      String branchProposedLevel,
      String branchComment,
      String completedBy,
      String completedAt) {}

  /** @param recipients the branch committee, who take the case up again */
  public record CaseReturned(
      String memberId,
      int year,
      String reason,
      String returnedBy,
      String returnedAt,
      String memberName,
      String organizationId,
      String branchId,
      List<Recipient> recipients) {}

  public static String now() {
    return OffsetDateTime.now(ZoneOffset.UTC).toString();
  }

  private StepEvents() {}
}
