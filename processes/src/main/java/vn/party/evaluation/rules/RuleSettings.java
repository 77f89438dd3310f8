package vn.party.evaluation.rules;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule values that are <strong>not verified</strong> against the text in force, so they are
 * configuration rather than constants buried in a DMN row. Defaults are what the secondary sources
 * say (see {@code shared/domain/evaluation-rules.md}); change them per deployment once the
 * primary text is checked.
 *
 * @param excellentQuotaRatio EXCELLENT ≤ ratio × GOOD per grassroots organization. Default
 *     {@code 0.20}: 21-HD/BTCTW (2019, under 132) and 124-QĐ/TW say 20 %; under 366-QĐ/TW the ratio
 *     is set in Art. 11 and is probably still 20 % — <em>unverified</em>.
 * @param notCompletedBelow the 366-QĐ/TW score under which a member is NOT_COMPLETED. Default
 *     {@code 50}: "50–&lt;70 points = COMPLETED" is in the sources, the NOT_COMPLETED bound
 *     below it is by analogy — <em>unverified</em>. Passed to the member-level decision as the
 *     variable {@code notCompletedBelow}; must be within 0–70 (70 is where GOOD starts).
 * @param excellentVote the share of the branch's vote an EXCELLENT proposal needs. Default
 *     {@code ≥ 2/3} of the official members excluding the exempted (07-HD/BTCTW, 2011) —
 *     <em>unverified for today</em>.
 * @param goodVote the share a GOOD proposal needs. Default {@code > 1/2}, same source —
 *     <em>unverified for today</em>.
 */
public record RuleSettings(
    BigDecimal excellentQuotaRatio,
    int notCompletedBelow,
    VoteThreshold excellentVote,
    VoteThreshold goodVote) {

  /** 20 % (21-HD/BTCTW; under 366 unverified). */
  public static final BigDecimal DEFAULT_EXCELLENT_QUOTA_RATIO = new BigDecimal("0.20");

  /** 50 points (by analogy; unverified). */
  public static final int DEFAULT_NOT_COMPLETED_BELOW = 50;

  /** ≥ 2/3 (07-HD/BTCTW 2011; unverified for today). */
  public static final VoteThreshold DEFAULT_EXCELLENT_VOTE = VoteThreshold.atLeast(2, 3);

  /** &gt; 1/2 (07-HD/BTCTW 2011; unverified for today). */
  public static final VoteThreshold DEFAULT_GOOD_VOTE = VoteThreshold.moreThan(1, 2);

  public RuleSettings {
    Objects.requireNonNull(excellentQuotaRatio, "excellentQuotaRatio");
    Objects.requireNonNull(excellentVote, "excellentVote");
    Objects.requireNonNull(goodVote, "goodVote");
    if (excellentQuotaRatio.signum() < 0 || excellentQuotaRatio.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "excellentQuotaRatio must be within 0–1, was " + excellentQuotaRatio);
    }
    if (notCompletedBelow < 0 || notCompletedBelow > 70) {
      throw new IllegalArgumentException(
          "notCompletedBelow must be within 0–70, was " + notCompletedBelow);
    }
  }

  /** The documented defaults: 0.20, 50, ≥ 2/3, &gt; 1/2. */
  public static RuleSettings defaults() {
    return new RuleSettings(
        DEFAULT_EXCELLENT_QUOTA_RATIO,
        DEFAULT_NOT_COMPLETED_BELOW,
        DEFAULT_EXCELLENT_VOTE,
        DEFAULT_GOOD_VOTE);
  }

  /**
   * The share of the branch's vote a proposal of this level needs: EXCELLENT {@link #excellentVote()}, GOOD {@link
   * #goodVote()}; none for COMPLETED and NOT_COMPLETED, for which the sources give no threshold.
   */
  public Optional<VoteThreshold> voteThreshold(Level level) {
    return switch (level) {
      case EXCELLENT -> Optional.of(excellentVote);
      case GOOD -> Optional.of(goodVote);
      case COMPLETED, NOT_COMPLETED -> Optional.empty();
    };
  }

  public RuleSettings withExcellentQuotaRatio(BigDecimal value) {
    return new RuleSettings(value, notCompletedBelow, excellentVote, goodVote);
  }

  public RuleSettings withNotCompletedBelow(int value) {
    return new RuleSettings(excellentQuotaRatio, value, excellentVote, goodVote);
  }

  public RuleSettings withExcellentVote(VoteThreshold value) {
    return new RuleSettings(excellentQuotaRatio, notCompletedBelow, value, goodVote);
  }

  public RuleSettings withGoodVote(VoteThreshold value) {
    return new RuleSettings(excellentQuotaRatio, notCompletedBelow, excellentVote, value);
  }
}
