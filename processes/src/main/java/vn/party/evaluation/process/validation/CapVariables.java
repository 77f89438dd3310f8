package vn.party.evaluation.process.validation;

import static vn.party.evaluation.process.ProcessVariables.REGULATION;

import java.util.Map;
import java.util.Optional;
import vn.party.evaluation.rules.Regulation;

/**
 * How {@link LevelCaps} and {@link CollectiveCaps} read process variables: the regulation that decides, and a share
 * in percent. One reading for members and collectives, so that a value the one accepts the other does not refuse.
 */
final class CapVariables {

  private CapVariables() {}

  /**
   * The regulation the variables name; empty when they name none (nothing to decide by).
   *
   * @throws IllegalArgumentException for a regulation code that names no regulation
   */
  static Optional<Regulation> regulation(Map<String, ?> variables) {
    Object regulation = variables.get(REGULATION);
    if (!(regulation instanceof String code) || code.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Regulation.fromCode(code));
  }

  /** A share within 0–100, or null (not known): a value out of range is not guessed at. */
  static Double percent(Object value) {
    if (value instanceof Number number) {
      double percent = number.doubleValue();
      if (percent >= 0 && percent <= 100) {
        return percent;
      }
    }
    return null;
  }
}
