package vn.party.evaluation.report;

import vn.party.evaluation.report.OrganizationReport.BranchLine;

/**
 * One branch's year: counts and shares per level, those not rated and why, and the same branch the year before.
 *
 * @param previousYear the branch's line the year before, null when its organization had no campaign then
 */
public record BranchReport(
    String organizationId,
    String organizationName,
    String branchId,
    String branchName,
    int year,
    String regulation,
    BranchLine line,
    BranchLine previousYear) {

  /** Share of the branch's members on the roster who were evaluated (not excluded), in percent with one decimal. */
  public double evaluatedPercent() {
    return line.members() == 0
        ? 0
        : Math.round(line.counts().evaluated() * 1000.0 / line.members()) / 10.0;
  }
}
