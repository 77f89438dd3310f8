package vn.party.evaluation.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a member (or an organization) is rated this year.
 *
 * @param rated false for the cases the regulation excludes
 * @param reason why: an exclusion when not rated, else {@code OFFICIAL_MEMBER} / {@code
 *     PROBATIONARY_MEMBER} / {@code ORGANIZATION_RATED}
 * @param formKind the self-review form of a rated member; null when not rated and for organizations
 * @param rule the matching rule row
 */
public record Eligibility(boolean rated, ReasonCode reason, FormKind formKind, RuleRef rule) {

  public Eligibility {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rule, "rule");
  }

  /** {@link #formKind()}, empty when there is none. */
  public Optional<FormKind> form() {
    return Optional.ofNullable(formKind);
  }
}
