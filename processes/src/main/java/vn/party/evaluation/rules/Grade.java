package vn.party.evaluation.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import vn.party.evaluation.rules.Names.Named;

/**
 * The grade of one criterion (cấp độ của một tiêu chí) under 124-QĐ/TW and 132-QĐ/TW, best first.
 * Not to be confused with {@link Level}, the overall rating.
 */
public enum Grade implements Named {
  EXCELLENT("Xuất sắc", "excellent"),
  GOOD("Tốt", "good"),
  AVERAGE("Trung bình", "average"),
  WEAK("Kém", "weak");

  private final Names names;

  Grade(String label, String englishLabel) {
    this.names = new Names(label, englishLabel);
  }

  @Override
  public Names names() {
    return names;
  }

  /**
   * The weakest of some grades: what decides a group of criteria ("all task criteria Xuất sắc",
   * "the rest at least Tốt", "any criterion Kém").
   *
   * @throws IllegalArgumentException when there is no grade
   */
  public static Grade weakest(Collection<Grade> grades) {
    return grades.stream()
        .max(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalArgumentException("No grade given"));
  }

  /** The grade with this {@link #name()}, or empty. */
  public static Optional<Grade> parse(String name) {
    return Names.parse(Grade.class, name);
  }
}
