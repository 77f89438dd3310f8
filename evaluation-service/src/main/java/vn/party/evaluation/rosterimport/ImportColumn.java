package vn.party.evaluation.rosterimport;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The columns of the roster template, in order: the heading organizations read (Vietnamese), the English one the
 * importer accepts too, the field name problems are reported by, and whether the cell is required.
 */
public enum ImportColumn {
  FULL_NAME("Họ và tên", "Full name", "fullName", true),
  DATE_OF_BIRTH("Ngày sinh (dd/MM/yyyy)", "Date of birth (dd/MM/yyyy)", "dateOfBirth", false),
  SEX("Giới tính (Nam/Nữ)", "Sex (Male/Female)", "sex", false),
  CARD_NUMBER("Số thẻ đảng viên", "Party card number", "cardNumber", true),
  ADMITTED_ON("Ngày vào Đảng (dd/MM/yyyy)", "Date admitted (dd/MM/yyyy)", "admittedOn", true),
  OFFICIAL_ON(
      "Ngày chính thức (dd/MM/yyyy)", "Date made official (dd/MM/yyyy)", "officialOn", false),
  BRANCH("Chi bộ (mã hoặc tên)", "Branch (code or name)", "branch", true),
  PARTY_POST("Chức vụ Đảng", "Party post", "partyPost", false),
  STATE_POST(
      "Chức vụ chính quyền, đoàn thể", "Post in the state agency or unit", "statePost", false),
  CIVIL_SERVANT(
      "Cán bộ, công chức, viên chức (Có/Không)", "Civil servant (Yes/No)", "civilServant", false),
  EXEMPTED(
      "Miễn công tác và sinh hoạt đảng (Có/Không)",
      "Exempted from activities (Yes/No)",
      "exempted",
      false),
  SUSPENDED("Đình chỉ sinh hoạt đảng (Có/Không)", "Suspended (Yes/No)", "suspended", false),
  EMAIL("Thư điện tử", "E-mail", "email", false),
  PHONE("Điện thoại", "Phone", "phone", false),
  /** The sign-in of a new member; empty: "dv" and the card number. Read for new members only. */
  ACCOUNT(
      "Tài khoản (để trống: dv + số thẻ)", "Account (empty: dv + card number)", "account", false);

  private final String heading;
  private final String englishHeading;
  private final String field;
  private final boolean required;

  ImportColumn(String heading, String englishHeading, String field, boolean required) {
    this.heading = heading;
    this.englishHeading = englishHeading;
    this.field = field;
    this.required = required;
  }

  public String heading() {
    return heading;
  }

  public String englishHeading() {
    return englishHeading;
  }

  public String field() {
    return field;
  }

  public boolean required() {
    return required;
  }

  /** The spreadsheet letter of the column (A, B, …). */
  public String letter() {
    return letter(ordinal());
  }

  public static String letter(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  /** Whether a heading as typed names this column: either language, case, accents' normal form and spaces aside. */
  public boolean matches(String typed) {
    String t = normal(typed);
    return t.equals(normal(heading))
        || t.equals(normal(englishHeading))
        || t.equals(normal(heading.replaceAll("\\s*\\(.*\\)$", "")))
        || t.equals(normal(englishHeading.replaceAll("\\s*\\(.*\\)$", "")));
  }

  private static String normal(String text) {
    return text == null
        ? ""
        : Normalizer.normalize(text, Normalizer.Form.NFC)
            .strip()
            .replaceAll("\\s+", " ")
            .toLowerCase(Locale.ROOT);
  }
}
