package vn.party.evaluation.rules;

import java.util.Optional;
import vn.party.evaluation.rules.Names.Named;

/**
 * The two groups of criteria of a self-review under the 100-point score of 366-QĐ/TW (general
 * criteria, task results), and under 124/132 the two groups the level rules distinguish ({@link
 * CriteriaAssessment}: the task-result criteria and the others).
 */
public enum CriterionGroup implements Named {
  GENERAL("Tiêu chí chung", "General criteria"),
  TASK_RESULTS("Kết quả thực hiện chức trách, nhiệm vụ", "Task results");

  private final Names names;

  CriterionGroup(String label, String englishLabel) {
    this.names = new Names(label, englishLabel);
  }

  @Override
  public Names names() {
    return names;
  }

  /** The group with this {@link #name()}, or empty. */
  public static Optional<CriterionGroup> parse(String name) {
    return Names.parse(CriterionGroup.class, name);
  }
}
