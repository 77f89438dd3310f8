package vn.party.evaluation.rules;

import java.math.BigDecimal;

/**
 * The EXCELLENT quota of one grassroots organization: members rated EXCELLENT may be at most
 * {@code ratio} × the members rated GOOD.
 *
 * @param excellent members rated EXCELLENT
 * @param good members rated GOOD (not counting the EXCELLENT ones)
 * @param ratio the configured ratio ({@link RuleSettings#excellentQuotaRatio()})
 * @param maxExcellent the most EXCELLENT ratings allowed: ⌊ratio × good⌋ ("không vượt quá")
 */
public record QuotaCheck(int excellent, int good, BigDecimal ratio, int maxExcellent) {

  /** Whether the EXCELLENT ratings stay within the quota. */
  public boolean withinQuota() {
    return excellent <= maxExcellent;
  }

  /** How many EXCELLENT ratings are over the quota (0 when within). */
  public int excess() {
    return Math.max(0, excellent - maxExcellent);
  }
}
