package vn.party.evaluation.movement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The default transfer rule: evaluated in the unit where the member spent more days of the campaign's year. */
class MostOfTheYearTest {

  @Test
  void theUnitWithMoreDaysOfTheYearEvaluates() {
    assertThat(RunningCampaignEffects.newUnitHasMostOfYear(2038, LocalDate.of(2038, 3, 1)))
        .isTrue();
    assertThat(RunningCampaignEffects.newUnitHasMostOfYear(2038, LocalDate.of(2038, 11, 20)))
        .isFalse();
    // 2038: 365 days; joined on 2 July → 182 days before, 183 from then on
    assertThat(RunningCampaignEffects.newUnitHasMostOfYear(2038, LocalDate.of(2038, 7, 2)))
        .isTrue();
    assertThat(RunningCampaignEffects.newUnitHasMostOfYear(2038, LocalDate.of(2038, 7, 3)))
        .isFalse();
    // a transfer recorded for a date before the year: the whole year in the new unit; after it:
    // none
    assertThat(RunningCampaignEffects.newUnitHasMostOfYear(2039, LocalDate.of(2026, 12, 6)))
        .isTrue();
    assertThat(RunningCampaignEffects.newUnitHasMostOfYear(2038, LocalDate.of(2039, 1, 5)))
        .isFalse();
  }
}
