package vn.party.evaluation.report;

import vn.party.evaluation.rules.Level;

/** Members of a branch or an organization in one year's evaluation, by decided level. */
public record LevelCounts(int excellent, int good, int completed, int notCompleted, int undecided) {

  public static final LevelCounts NONE = new LevelCounts(0, 0, 0, 0, 0);

  /** Members evaluated in the campaign (decided or not). */
  public int evaluated() {
    return excellent + good + completed + notCompleted + undecided;
  }

  public int of(Level level) {
    return switch (level) {
      case EXCELLENT -> excellent;
      case GOOD -> good;
      case COMPLETED -> completed;
      case NOT_COMPLETED -> notCompleted;
    };
  }

  /** Share of the evaluated members, in percent with one decimal; 0 when nobody was evaluated. */
  public double percent(Level level) {
    return evaluated() == 0 ? 0 : Math.round(of(level) * 1000.0 / evaluated()) / 10.0;
  }

  LevelCounts plus(LevelCounts other) {
    return new LevelCounts(
        excellent + other.excellent,
        good + other.good,
        completed + other.completed,
        notCompleted + other.notCompleted,
        undecided + other.undecided);
  }
}
