package vn.party.evaluation.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One matching rule row of a decision table and its outputs (output name → value; an empty output
 * entry gives null). What {@link RuleBook#evaluate} returns, the raw form of the typed results.
 */
public record RuleMatch(RuleRef rule, Map<String, Object> outputs) {

  public RuleMatch {
    Objects.requireNonNull(rule, "rule");
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs)); // allows null values
  }

  /** The output as a String; null when empty. */
  public String output(String name) {
    Object value = outputs.get(name);
    return value == null ? null : value.toString();
  }
}
