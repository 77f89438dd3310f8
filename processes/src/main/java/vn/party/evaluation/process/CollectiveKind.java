package vn.party.evaluation.process;

import java.util.Optional;
import vn.party.evaluation.rules.Names;

/** What a collective-evaluation rates: a branch (chi bộ) or the grassroots organization (tổ chức cơ sở đảng). */
public enum CollectiveKind {
  /** Rated by the grassroots committee; reviewed by the branch committee. */
  BRANCH("Chi bộ"),
  /** Rated by the committee above; reviewed by the grassroots committee. */
  ORGANIZATION("Tổ chức cơ sở đảng");

  private final String label;

  CollectiveKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind with this {@link #name()}, or empty (never throws). */
  public static Optional<CollectiveKind> parse(String name) {
    return Names.parse(CollectiveKind.class, name);
  }
}
