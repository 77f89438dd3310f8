package vn.party.evaluation.rules;

import java.util.Optional;
import vn.party.evaluation.rules.Names.Named;

/** Which self-review form a rated member fills in: the {@code formKind} output of member-eligibility. */
public enum FormKind implements Named {
  /** Đảng viên dự bị: own form, Mẫu 10-KNĐ. */
  PROBATIONARY("Đảng viên dự bị — Mẫu 10-KNĐ", "Probationary member — form 10-KNĐ"),
  /** Đảng viên chính thức: Mẫu 02A, or 02B for a member holding a leadership post. */
  OFFICIAL("Đảng viên chính thức — Mẫu 02A / 02B", "Official member — form 02A / 02B");

  private final Names names;

  FormKind(String label, String englishLabel) {
    this.names = new Names(label, englishLabel);
  }

  @Override
  public Names names() {
    return names;
  }

  /** The kind with this {@link #name()}, or empty. */
  public static Optional<FormKind> parse(String name) {
    return Names.parse(FormKind.class, name);
  }
}
