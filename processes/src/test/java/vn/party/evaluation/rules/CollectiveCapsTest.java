package vn.party.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.party.evaluation.process.Level;
import vn.party.evaluation.process.Regulation;

/** The facade over collective-caps: every cap, strictest first, each with its rule; facts checked on the way in. */
class CollectiveCapsTest {

  private static final RuleBook RULES = new RuleBook();

  @Test
  void everyCapAppliesStrictestFirstWithItsRuleAndSource() {
    var caps = RULES.collectiveCaps(Regulation.QD_366_2025, new CollectiveFacts(true, true, true, 50, 20));

    assertThat(caps).extracting(Cap::maxLevel)
        .containsExactly(Level.NOT_COMPLETED, Level.COMPLETED, Level.GOOD, Level.GOOD);
    assertThat(caps.get(0).reason()).isEqualTo(ReasonCode.LEADERSHIP_DISCIPLINED_WARNING);
    assertThat(caps.get(0).rule().ruleId()).isEqualTo("collective-caps-QD-366-2025-leadership-disciplined-warning");
    assertThat(caps.get(0).rule().source()).startsWith("Nguồn:").contains("21-HD/BTCTW");
  }

  @Test
  void nothingKnownCapsNothingUnderAnyRegulation() {
    for (Regulation regulation : Regulation.values()) {
      assertThat(RULES.collectiveCaps(regulation, new CollectiveFacts(false, false, false, 0,
          CollectiveFacts.DEFAULT_SUBORDINATE_SHORTFALL_THRESHOLD))).as(regulation.code()).isEmpty();
    }
  }

  @Test
  void sharesOutsideZeroToHundredAreRefused() {
    assertThatThrownBy(() -> new CollectiveFacts(false, false, false, 101, 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subordinateShortfallPercent");
    assertThatThrownBy(() -> new CollectiveFacts(false, false, false, 10, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subordinateShortfallThreshold");
    assertThatThrownBy(() -> new CollectiveFacts(false, false, false, Double.NaN, 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
