package vn.party.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/** A branch review as the services take it: the branch's proposal, its comment and its vote of 12 eligible voters. */
public final class BranchReview {

  private BranchReview() {}

  /** The proposal of that level with the comment; the votes for EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED. */
  public static Map<String, Object> of(
      String level, String comment, int excellent, int good, int completed, int notCompleted) {
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("branchProposedLevel", level);
    review.put("branchComment", comment);
    review.put("eligibleVoters", 12);
    String[] levels = {"Excellent", "Good", "Completed", "NotCompleted"};
    int[] votes = {excellent, good, completed, notCompleted};
    for (int i = 0; i < levels.length; i++) {
      review.put("votes" + levels[i], votes[i]);
    }
    return review;
  }

  /** GOOD, on 1 vote for EXCELLENT, 10 for GOOD and 1 for COMPLETED. */
  public static Map<String, Object> good(String comment) {
    return of("GOOD", comment, 1, 10, 1, 0);
  }
}
