package vn.party.evaluation.rules;

/**
 * What a level is computed from: the member's self-assessment, or the branch's or committee's
 * assessment of the member (the rules are the same, whoever grades).
 *
 * <p>Two shapes, one per way of rating: {@link ScoreAssessment} under 366-QĐ/TW (100-point score),
 * {@link CriteriaAssessment} under 124-QĐ/TW and 132-QĐ/TW (a grade per criterion). {@link
 * #kindFor(Regulation)} tells which one a regulation needs.
 */
public sealed interface Assessment permits ScoreAssessment, CriteriaAssessment {

  /** The assessment type the regulation's member-level decision reads. */
  static Class<? extends Assessment> kindFor(Regulation regulation) {
    return switch (regulation) {
      case QD_366_2025 -> ScoreAssessment.class;
      case QD_124_2023, QD_132_2018 -> CriteriaAssessment.class;
    };
  }
}
