package vn.party.evaluation.process;

import java.util.Optional;
import vn.party.evaluation.rules.Names;

/** What the grassroots committee decides in {@code committee-decision}. */
public enum Decision {
  /** Approve and fix the member's level ({@code decidedLevel}). */
  APPROVE("Phê duyệt"),
  /** Send the case back to the branch with reasons ({@code decisionComment}). */
  RETURN("Trả lại chi bộ");

  private final String label;

  Decision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The decision with this {@link #name()}, or empty (unlike {@code valueOf}, never throws). */
  public static Optional<Decision> parse(String name) {
    return Names.parse(Decision.class, name);
  }
}
