package vn.party.evaluation.report;

import java.util.List;
import java.util.Map;
import vn.party.evaluation.rules.QuotaCheck;

/**
 * One grassroots organization's year, as the summary table shows it: a line per branch and the total.
 *
 * @param previousYear the organization's totals the year before, null when it had no campaign then
 * @param collectives the branches and the organization itself rated as collectives (empty before that phase)
 */
public record OrganizationReport(
    String organizationId,
    String organizationName,
    int year,
    String regulation,
    List<BranchLine> branches,
    BranchLine total,
    QuotaCheck quota,
    LevelCounts previousYear,
    Collectives collectives) {

  /**
   * The collective ratings of the year: each branch's level, the branches' counts and shares per level (rated
   * branches; a branch not rated, e.g. set up less than six months ago, is counted apart), the organization's own.
   *
   * @param organization null until the organization's rating is opened
   */
  public record Collectives(
      List<CollectiveLine> branches,
      LevelCounts branchCounts,
      int branchesNotRated,
      CollectiveLine organization) {

    public boolean isEmpty() {
      return branches.isEmpty() && organization == null;
    }
  }

  /** @param decidedLevel a {@code Level} name, null while not decided (or not rated: see status) */
  public record CollectiveLine(
      String collectiveId, String name, String status, String decidedLevel) {}

  /**
   * @param notRatedByReason members the regulation excluded from rating, by reason code (e.g. SUSPENDED)
   */
  public record BranchLine(
      String branchId,
      String branchName,
      LevelCounts counts,
      Map<String, Integer> notRatedByReason) {

    public int notRated() {
      return notRatedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Members of the branch on the year's roster: evaluated and not rated. */
    public int members() {
      return counts.evaluated() + notRated();
    }
  }
}
