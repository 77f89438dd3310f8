package vn.party.evaluation.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules' whole answer for one member: eligibility, the level from the assessment, the caps,
 * and the resulting level. What a branch or committee proposal can be checked against; the rules
 * do not decide for them.
 *
 * @param eligibility whether the member is rated
 * @param computed the level from the assessment alone; null when not rated
 * @param caps every applicable cap, strictest first; empty when not rated
 * @param level {@code computed} lowered to the strictest cap; null when not rated
 */
public record Rating(Eligibility eligibility, LevelResult computed, List<Cap> caps, Level level) {

  public Rating {
    Objects.requireNonNull(eligibility, "eligibility");
    caps = List.copyOf(caps);
  }

  public boolean rated() {
    return eligibility.rated();
  }

  /** The resulting level; empty when the member is not rated. */
  public Optional<Level> finalLevel() {
    return Optional.ofNullable(level);
  }

  /** The cap that decided the level, when one lowered it. */
  public Optional<Cap> decisiveCap() {
    if (computed == null || level == computed.level()) {
      return Optional.empty();
    }
    return caps.stream().filter(cap -> cap.maxLevel() == level).findFirst();
  }
}
