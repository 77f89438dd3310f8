package vn.party.evaluation.rules;

import java.util.Objects;

/**
 * The level the assessment alone gives (before caps), with the member-level rule row that gave it.
 */
public record LevelResult(Level level, RuleRef rule) {

  public LevelResult {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(rule, "rule");
  }
}
