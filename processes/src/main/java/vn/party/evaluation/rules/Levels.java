package vn.party.evaluation.rules;

/**
 * Comparing {@link Level}s. The enum is declared best first (EXCELLENT … NOT_COMPLETED), so a
 * higher ordinal is a lower level; this is the one place that relies on it.
 */
final class Levels {

  private Levels() {}

  /** Whether {@code a} is strictly better than {@code b}. */
  static boolean isAbove(Level a, Level b) {
    return a.ordinal() < b.ordinal();
  }

  /** The lower (stricter) of two levels. */
  static Level lower(Level a, Level b) {
    return isAbove(a, b) ? b : a;
  }
}
