package vn.party.evaluation.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.party.evaluation.rules.Level;

/**
 * What the branch secretary records at the review meeting: attendance once, who chaired and who took the minutes,
 * then for each member on the agenda the criticism, the vote per level and the proposal (a member left without a
 * proposal stays on the agenda).
 *
 * @param chairId the member of the branch who chaired (chủ trì); null: the branch's secretary
 * @param clerkId the member of the branch who took the minutes (thư ký); null: the signed-in user
 */
public record Meeting(
    LocalDate heldOn,
    String place,
    Integer officialMembers,
    Integer exemptedMembers,
    Integer present,
    String absentNames,
    String chairId,
    String clerkId,
    List<Entry> entries) {

  /** @param votes votes cast for each level; {@code proposedLevel} null = not decided at this meeting */
  public record Entry(
      String taskId, String criticism, Map<Level, Integer> votes, Level proposedLevel) {

    int votesFor(Level level) {
      return votes.getOrDefault(level, 0);
    }

    int totalVotes() {
      return votes.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
