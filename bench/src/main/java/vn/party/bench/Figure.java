package vn.party.bench;

/**
 * One measured figure. {@code comparedTo}/{@code ratio} name the reference figure (normally the bare engine's) and
 * value ÷ reference; {@code target} is the target in words and {@code met} whether it was met (null: no
 * target, or not decidable).
 */
public record Figure(
    String name,
    double value,
    String unit,
    String comparedTo,
    Double ratio,
    String target,
    Boolean met,
    String note) {

  public static Figure of(String name, double value, String unit, String note) {
    return new Figure(name, value, unit, null, null, null, null, note);
  }

  /** The same figure with its ratio to {@code reference} (left without one if the reference is missing or 0). */
  public Figure against(Figure reference) {
    if (reference == null
        || reference.value() == 0
        || Double.isNaN(reference.value())
        || Double.isNaN(value)) {
      return this;
    }
    return new Figure(
        name, value, unit, reference.name(), value / reference.value(), target, met, note);
  }

  /** Target "ratio ≥ min" (e.g. launch ≥ 0.8 × baseline start rate). */
  public Figure targetRatioAtLeast(double min) {
    return withTarget("ratio >= " + min, ratio == null ? null : ratio >= min);
  }

  /** Target "ratio ≤ max" (e.g. heap after 100,000 ≤ 1.2 × heap after 10,000). */
  public Figure targetRatioAtMost(double max) {
    return withTarget("ratio <= " + max, ratio == null ? null : ratio <= max);
  }

  /** Target "value ≥ min" in the figure's own unit (e.g. lifecycle ≥ 50 members/s). */
  public Figure targetValueAtLeast(double min) {
    return withTarget(
        ">= " + Results.number(min) + " " + unit, Double.isNaN(value) ? null : value >= min);
  }

  /** Target "value ≤ max" in the figure's own unit (e.g. p95 ≤ 100 ms). */
  public Figure targetValueAtMost(double max) {
    return withTarget(
        "<= " + Results.number(max) + " " + unit, Double.isNaN(value) ? null : value <= max);
  }

  private Figure withTarget(String target, Boolean met) {
    return new Figure(name, value, unit, comparedTo, ratio, target, met, note);
  }
}
