package vn.party.evaluation.rules;

/**
 * A 366-QĐ/TW assessment: the 100-point score (general criteria 30 + task results 70) and the
 * task conditions the levels ask for.
 *
 * @param score total points, 0–100 (decimals allowed, e.g. an average of quarterly scores)
 * @param allTasksOnTime 100 % of the assigned tasks completed on time, with quality
 * @param exceedingTasksPercent share of tasks completed beyond requirements, 0–100
 * @param shortcomingsRemedied every limitation and shortcoming pointed out earlier has been
 *     remedied (true when none was pointed out)
 */
public record ScoreAssessment(
    double score,
    boolean allTasksOnTime,
    double exceedingTasksPercent,
    boolean shortcomingsRemedied)
    implements Assessment {

  public ScoreAssessment {
    requirePercent("score", score);
    requirePercent("exceedingTasksPercent", exceedingTasksPercent);
  }

  static void requirePercent(String name, double value) {
    if (!(value >= 0 && value <= 100)) { // also refuses NaN
      throw new IllegalArgumentException(name + " must be within 0–100, was " + value);
    }
  }
}
