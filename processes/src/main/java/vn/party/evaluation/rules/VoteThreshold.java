package vn.party.evaluation.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A share of votes a branch proposal needs, as an exact fraction: {@code ≥ 2/3} or {@code > 1/2}.
 * Fractions, not doubles, so that 6 votes of 9 meet "≥ 2/3" exactly.
 *
 * @param numerator 0 … denominator
 * @param denominator positive
 * @param strict true for "more than" ({@code >}), false for "at least" ({@code ≥})
 */
public record VoteThreshold(int numerator, int denominator, boolean strict) {

  private static final Pattern TEXT = Pattern.compile("\\s*(>=|≥|>)\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

  public VoteThreshold {
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(
          "A vote threshold is a fraction between 0 and 1, was " + numerator + "/" + denominator);
    }
  }

  /** At least {@code numerator/denominator} of the votes. */
  public static VoteThreshold atLeast(int numerator, int denominator) {
    return new VoteThreshold(numerator, denominator, false);
  }

  /** More than {@code numerator/denominator} of the votes. */
  public static VoteThreshold moreThan(int numerator, int denominator) {
    return new VoteThreshold(numerator, denominator, true);
  }

  /**
   * Reads {@code ">=2/3"}, {@code "≥ 2/3"} or {@code ">1/2"}: the form of {@link #toString()}, for
   * configuration properties.
   */
  public static VoteThreshold parse(String text) {
    Matcher matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Not a vote threshold (e.g. '>=2/3', '>1/2'): " + text);
    }
    return new VoteThreshold(
        Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)),
        matcher.group(1).equals(">"));
  }

  /** Whether {@code votes} out of {@code eligible} meet the threshold; never with no one eligible. */
  public boolean isMetBy(int votes, int eligible) {
    if (eligible <= 0) {
      return false;
    }
    long share = (long) votes * denominator;
    long needed = (long) numerator * eligible;
    return strict ? share > needed : share >= needed;
  }

  @Override
  public String toString() {
    return (strict ? ">" : ">=") + numerator + "/" + denominator;
  }
}
