package vn.party.evaluation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.process.validation.CollectiveCaps;

/** The facade over collective-caps: every cap, strictest first, each with its rule; facts checked on the way in. */
class CollectiveCapsTest {

  private static final RuleBook RULES = new RuleBook();

  @Test
  void everyCapAppliesStrictestFirstWithItsRuleAndSource() {
    var caps =
        RULES.collectiveCaps(Regulation.QD_366_2025, new CollectiveFacts(true, true, true, 50, 20));

    assertThat(caps)
        .extracting(Cap::maxLevel)
        .containsExactly(Level.NOT_COMPLETED, Level.COMPLETED, Level.GOOD, Level.GOOD);
    assertThat(caps.get(0).reason()).isEqualTo(ReasonCode.LEADERSHIP_DISCIPLINED_WARNING);
    assertThat(caps.get(0).rule().ruleId())
        .isEqualTo("collective-caps-QD-366-2025-leadership-disciplined-warning");
    assertThat(caps.get(0).rule().source()).startsWith("Nguồn:").contains("21-HD/BTCTW");
  }

  @Test
  void nothingKnownCapsNothingUnderAnyRegulation() {
    for (Regulation regulation : Regulation.values()) {
      assertThat(
              RULES.collectiveCaps(
                  regulation,
                  new CollectiveFacts(
                      false,
                      false,
                      false,
                      0,
                      CollectiveFacts.DEFAULT_SUBORDINATE_SHORTFALL_THRESHOLD)))
          .as(regulation.code())
          .isEmpty();
    }
  }

  @Test
  void theTaskResultsTheCollectiveStatesCapUnder366OnlyAndOnlyWhenStated() {
    var caps =
        RULES.collectiveCaps(
            Regulation.QD_366_2025, new CollectiveFacts(false, false, false, 0, 20, true, 10.0));
    assertThat(caps)
        .singleElement()
        .satisfies(
            cap -> {
              assertThat(cap.maxLevel()).isEqualTo(Level.COMPLETED);
              assertThat(cap.reason()).isEqualTo(ReasonCode.LATE_TASKS);
              assertThat(cap.rule().source())
                  .startsWith("Nguồn: 366-QĐ/TW; 43-HD/BTCTW (điều khoản chưa xác minh)");
            });
    assertThat(
            RULES.collectiveCaps(
                Regulation.QD_366_2025,
                new CollectiveFacts(false, false, false, 0, 20, false, 25.0)))
        .extracting(Cap::reason)
        .containsExactly(
            ReasonCode.NOT_ALL_TASKS_DONE,
            ReasonCode.LATE_TASKS_OVER_20_PERCENT,
            ReasonCode.LATE_TASKS);
    // not stated is not "not done"
    assertThat(
            RULES.collectiveCaps(
                Regulation.QD_366_2025,
                new CollectiveFacts(false, false, false, 0, 20, null, null)))
        .isEmpty();
    for (Regulation older : new Regulation[] {Regulation.QD_124_2023, Regulation.QD_132_2018}) {
      assertThat(
              RULES.collectiveCaps(
                  older, new CollectiveFacts(false, false, false, 0, 20, false, 50.0)))
          .as(older.code())
          .isEmpty();
    }
  }

  @Test
  void theTaskResultsAreReadFromTheVariablesAsStated() {
    CollectiveFacts unstated = CollectiveCaps.facts(Map.of());
    assertThat(unstated.allTasksDone()).isNull();
    assertThat(unstated.lateTasksPercent()).isNull();
    CollectiveFacts stated =
        CollectiveCaps.facts(Map.of("allTasksDone", false, "lateTasksPercent", 15));
    assertThat(stated.allTasksDone()).isFalse();
    assertThat(stated.lateTasksPercent()).isEqualTo(15.0);
    // what the completion rules refuse never reaches the decision as a fact
    CollectiveFacts refused =
        CollectiveCaps.facts(Map.of("allTasksDone", "false", "lateTasksPercent", 150));
    assertThat(refused.allTasksDone()).isNull();
    assertThat(refused.lateTasksPercent()).isNull();
  }

  @Test
  void sharesOutsideZeroToHundredAreRefused() {
    assertThatThrownBy(() -> new CollectiveFacts(false, false, false, 101, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subordinateShortfallPercent");
    assertThatThrownBy(() -> new CollectiveFacts(false, false, false, 10, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subordinateShortfallThreshold");
    assertThatThrownBy(() -> new CollectiveFacts(false, false, false, Double.NaN, 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CollectiveFacts(false, false, false, 0, 20, true, 100.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lateTasksPercent");
  }
}
