package vn.party.evaluation.collective;

/** The forms of party discipline for a party organization (hình thức kỷ luật tổ chức đảng), mildest first. */
public enum OrganizationDisciplineForm {
  REPRIMAND("Khiển trách"),
  WARNING("Cảnh cáo"),
  DISSOLUTION("Giải tán");

  private final String label;

  OrganizationDisciplineForm(String label) {
    this.label = label;
  }

  /** Vietnamese, as written in the decision. */
  public String label() {
    return label;
  }
}
