package vn.party.evaluation.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two groups of criteria of a self-review under the 100-point score of 366-QĐ/TW (general
 * criteria, task results), and under 124/132 the two groups the level rules distinguish ({@link
 * CriteriaAssessment}: the task-result criteria and the others).
 */
public enum CriterionGroup {
  GENERAL("Tiêu chí chung", "General criteria"),
  TASK_RESULTS("Kết quả thực hiện chức trách, nhiệm vụ", "Task results");

  private final String label;
  private final String englishLabel;

  CriterionGroup(String label, String englishLabel) {
    this.label = label;
    this.englishLabel = englishLabel;
  }

  public String label() {
    return label;
  }

  public String englishLabel() {
    return englishLabel;
  }

  /** The group with this {@link #name()}, or empty. */
  public static Optional<CriterionGroup> parse(String name) {
    return Arrays.stream(values()).filter(group -> group.name().equals(name)).findFirst();
  }
}
