package vn.party.evaluation.process;

import java.util.List;
import vn.party.evaluation.rules.Names;

/**
 * The stages of the member decisions in a campaign, in the regulation's order (a collective before its head; members
 * and branches before the organization): which members must be decided before the campaign moves on, the step that
 * opens the stage and the message that ends its wait.
 */
public enum DecisionStage {
  /** Everyone who heads no unit: then the branches are rated. */
  MEMBERS(ProcessKeys.AWAIT_MEMBERS, ProcessKeys.MESSAGE_MEMBERS_DECIDED, List.of()),
  /** The branch heads too: then the organization is rated. */
  BRANCH_HEADS(
      ProcessKeys.AWAIT_BRANCH_HEADS, ProcessKeys.MESSAGE_BRANCH_HEADS_DECIDED, List.of("BRANCH")),
  /** Everyone, the organization's head included: then the results are finalized. */
  ALL(
      ProcessKeys.AWAIT_ALL_MEMBERS,
      ProcessKeys.MESSAGE_ALL_MEMBERS_DECIDED,
      List.of("BRANCH", "ORGANIZATION"));

  private final String activityId;
  private final String message;
  private final List<String> heads;

  DecisionStage(String activityId, String message, List<String> heads) {
    this.activityId = activityId;
    this.message = message;
    this.heads = heads;
  }

  /** The service task of evaluation-campaign that opens the stage. */
  public String activityId() {
    return activityId;
  }

  /** The message the campaign waits for while members of the stage are undecided. */
  public String message() {
    return message;
  }

  /** The heads (BRANCH, ORGANIZATION) who must be decided in this stage, besides everyone who heads no unit. */
  public List<String> heads() {
    return heads;
  }

  /** @throws IllegalArgumentException for an activity that opens no stage */
  public static DecisionStage openedBy(String activityId) {
    return Names.find(DecisionStage.class, stage -> stage.activityId, activityId)
        .orElseThrow(
            () -> new IllegalArgumentException("no decision stage opens at " + activityId));
  }
}
