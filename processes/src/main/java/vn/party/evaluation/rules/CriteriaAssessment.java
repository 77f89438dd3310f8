package vn.party.evaluation.rules;

import java.util.Collection;
import java.util.Objects;

/**
 * A 124-QĐ/TW or 132-QĐ/TW assessment: a grade per criterion, reduced to the weakest grade of each
 * of the two groups the rules distinguish.
 *
 * @param taskResults the weakest grade among the task-result criteria (kết quả thực hiện chức
 *     trách, nhiệm vụ được giao; for leaders also the leadership results)
 * @param otherCriteria the weakest grade among the other criteria (political ideology; ethics and
 *     lifestyle; organization and discipline; work style; self-improvement commitment …)
 * @param civilServiceLevel the member's civil-service rating for the year (cán bộ, công chức, viên
 *     chức), or null for a member who has none; EXCELLENT needs an EXCELLENT one
 */
public record CriteriaAssessment(Grade taskResults, Grade otherCriteria, Level civilServiceLevel)
    implements Assessment {

  public CriteriaAssessment {
    Objects.requireNonNull(taskResults, "taskResults");
    Objects.requireNonNull(otherCriteria, "otherCriteria");
  }

  /** From every criterion's grade: keeps the weakest of each group. */
  public static CriteriaAssessment ofGrades(
      Collection<Grade> taskResultGrades, Collection<Grade> otherGrades, Level civilServiceLevel) {
    return new CriteriaAssessment(
        Grade.weakest(taskResultGrades), Grade.weakest(otherGrades), civilServiceLevel);
  }
}
