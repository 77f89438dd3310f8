package vn.party.evaluation.rules;

import java.util.Objects;

/**
 * An upper bound on a member's level: the member may be rated {@code maxLevel} or lower.
 *
 * @param maxLevel the highest level allowed
 * @param reason why, e.g. {@link ReasonCode#DISCIPLINED}
 * @param rule the matching rule row of member-caps
 */
public record Cap(Level maxLevel, ReasonCode reason, RuleRef rule) {

  public Cap {
    Objects.requireNonNull(maxLevel, "maxLevel");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rule, "rule");
  }

  /** Whether this cap lowers {@code level}. */
  public boolean lowers(Level level) {
    return Levels.isAbove(level, maxLevel);
  }
}
