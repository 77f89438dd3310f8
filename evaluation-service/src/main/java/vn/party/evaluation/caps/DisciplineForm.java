package vn.party.evaluation.caps;

/** The forms of party discipline for a member (hình thức kỷ luật đảng viên), mildest first. */
public enum DisciplineForm {
  REPRIMAND("Khiển trách"),
  WARNING("Cảnh cáo"),
  DISMISSAL("Cách chức"),
  EXPULSION("Khai trừ");

  private final String label;

  DisciplineForm(String label) {
    this.label = label;
  }

  /** Vietnamese, as written in the decision. */
  public String label() {
    return label;
  }
}
