package vn.party.evaluation.rules;

import java.util.Arrays;
import java.util.Optional;

/** Which self-review form a rated member fills in: the {@code formKind} output of member-eligibility. */
public enum FormKind {
  /** Đảng viên dự bị: own form, Mẫu 10-KNĐ. */
  PROBATIONARY("Đảng viên dự bị — Mẫu 10-KNĐ", "Probationary member — form 10-KNĐ"),
  /** Đảng viên chính thức: Mẫu 02A, or 02B for a member holding a leadership post. */
  OFFICIAL("Đảng viên chính thức — Mẫu 02A / 02B", "Official member — form 02A / 02B");

  private final String label;
  private final String englishLabel;

  FormKind(String label, String englishLabel) {
    this.label = label;
    this.englishLabel = englishLabel;
  }

  public String label() {
    return label;
  }

  public String englishLabel() {
    return englishLabel;
  }

  /** The kind with this {@link #name()}, or empty. */
  public static Optional<FormKind> parse(String name) {
    return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
  }
}
