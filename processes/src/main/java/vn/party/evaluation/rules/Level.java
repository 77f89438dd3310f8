package vn.party.evaluation.rules;

import java.util.Optional;

/**
 * The four quality levels (mức xếp loại chất lượng), the same for people and collectives since
 * 2018. Process variables hold the enum {@link #name()}.
 */
public enum Level {
  EXCELLENT("Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"),
  GOOD("Hoàn thành tốt nhiệm vụ", "HTTNV"),
  COMPLETED("Hoàn thành nhiệm vụ", "HTNV"),
  NOT_COMPLETED("Không hoàn thành nhiệm vụ", "KHTNV");

  private final String label;
  private final String shortCode;

  Level(String label, String shortCode) {
    this.label = label;
    this.shortCode = shortCode;
  }

  /** The Vietnamese name as written in decisions and reports. */
  public String label() {
    return label;
  }

  /** The abbreviation used in summary tables, e.g. {@code HTXSNV}. */
  public String shortCode() {
    return shortCode;
  }

  /** The level with this {@link #name()}, or empty (unlike {@code valueOf}, never throws). */
  public static Optional<Level> parse(String name) {
    return Names.parse(Level.class, name);
  }
}
