package vn.party.evaluation.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Data of the events that tell a step of a member's evaluation was taken (see docs/contracts.md). */
public final class StepEvents {

  public record SelfReviewSubmitted(String memberId, int year, String selfProposedLevel, String submittedBy,
      String submittedAt) {
  }

  public record BranchReviewCompleted(String memberId, int year, String branchProposedLevel, String branchComment,
      String completedBy, String completedAt) {
  }

  public record CaseReturned(String memberId, int year, String reason, String returnedBy, String returnedAt) {
  }

  static String now() {
    return OffsetDateTime.now(ZoneOffset.UTC).toString();
  }

  private StepEvents() {
  }
}
