package vn.party.evaluation.caps;

import vn.party.evaluation.rules.Names;
import vn.party.evaluation.rules.Names.Named;

/** The forms of party discipline for a member (hình thức kỷ luật đảng viên), mildest first. */
public enum DisciplineForm implements Named {
  REPRIMAND("Khiển trách", "Reprimand"),
  WARNING("Cảnh cáo", "Warning"),
  DISMISSAL("Cách chức", "Dismissal from office"),
  EXPULSION("Khai trừ", "Expulsion");

  private final Names names;

  DisciplineForm(String label, String englishLabel) {
    this.names = new Names(label, englishLabel);
  }

  /** Vietnamese as written in the decision ({@link #label}), English for the pages in English. */
  @Override
  public Names names() {
    return names;
  }
}
