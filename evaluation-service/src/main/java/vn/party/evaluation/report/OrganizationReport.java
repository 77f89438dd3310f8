package vn.party.evaluation.report;

import java.util.List;
import java.util.Map;
import vn.party.evaluation.rules.QuotaCheck;

/**
 * One grassroots organization's year, as the summary table shows it: a line per branch and the total.
 *
 * @param previousYear the organization's totals the year before, null when it had no campaign then
 */
public record OrganizationReport(String organizationId, String organizationName, int year, String regulation,
    List<BranchLine> branches, BranchLine total, QuotaCheck quota, LevelCounts previousYear) {

  /**
   * @param notRatedByReason members the regulation excluded from rating, by reason code (e.g. SUSPENDED)
   */
  public record BranchLine(String branchId, String branchName, LevelCounts counts,
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
