package vn.party.evaluation.rules;

/** The Politburo regulation a campaign follows; chosen per campaign, stored as {@link #code()}. */
public enum Regulation {
  QD_366_2025(
      "QD-366-2025",
      "Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại"
          + " chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị"),
  QD_124_2023(
      "QD-124-2023",
      "Quy định số 124-QĐ/TW năm 2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại"
          + " chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị"),
  QD_132_2018(
      "QD-132-2018",
      "Quy định số 132-QĐ/TW năm 2018 của Bộ Chính trị về việc kiểm điểm và đánh giá, xếp loại"
          + " chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị");

  private final String code;
  private final String title;

  Regulation(String code, String title) {
    this.code = code;
    this.title = title;
  }

  /** The value of the {@code regulation} variable, e.g. {@code QD-366-2025}. */
  public String code() {
    return code;
  }

  /** The Vietnamese title of the regulation. */
  public String title() {
    return title;
  }

  /** @throws IllegalArgumentException for a code that names no regulation */
  public static Regulation fromCode(String code) {
    return Names.find(Regulation.class, Regulation::code, code)
        .orElseThrow(() -> new IllegalArgumentException("Unknown regulation code: " + code));
  }
}
