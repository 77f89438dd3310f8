package vn.party.evaluation.rules;

import java.util.Objects;

/**
 * The DMN rule row a result came from: which decision, which row, and the row's source annotation
 * (regulation, guidance, article, and any interpretation). Kept with every result so that each
 * level can be traced back to the rule that produced it.
 */
public record RuleRef(String decisionId, String ruleId, String source) {

  public RuleRef {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(source, "source");
  }
}
