package vn.party.evaluation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Session 13's outsider, MEDIUM 5: the near-copy check compared sections I, II and the direction only, so reviews
 * sharing 10 of 12 sections went unflagged. Which sections it compares is the inspection committee's call: the
 * application property {@code evaluation.audit.near-copy-sections}, by default the three of before; a name that is
 * not a field of the self-review stops the application from starting rather than comparing nothing.
 */
class NearCopySectionsTest {

  private static final Map<String, String> REVIEW =
      Map.of(
          "strengths", "ưu điểm",
          "limitations", "hạn chế",
          "remedialMeasures", "khắc phục",
          "politicalIdeology", "tư tưởng chính trị");

  @Test
  void theDefaultComparesSectionsOneTwoAndTheDirection() {
    FormalitySignals signals = signals(List.of("strengths", "limitations", "remedialMeasures"));
    assertThat(signals.nearCopySections())
        .containsExactly("strengths", "limitations", "remedialMeasures");
    assertThat(signals.text(REVIEW)).isEqualTo("ưu điểm hạn chế khắc phục ");
  }

  @Test
  void theComparedSectionsAreConfigured() {
    FormalitySignals signals = signals(List.of("strengths", " politicalIdeology"));
    assertThat(signals.nearCopySections()).containsExactly("strengths", "politicalIdeology");
    assertThat(signals.text(REVIEW)).isEqualTo("ưu điểm tư tưởng chính trị ");
  }

  @Test
  void aSectionTheSelfReviewDoesNotHaveIsRefusedAtStart() {
    assertThatThrownBy(() -> signals(List.of("strenghts")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("strenghts");
    assertThatThrownBy(() -> signals(List.of())).isInstanceOf(IllegalStateException.class);
  }

  private static FormalitySignals signals(List<String> sections) {
    return new FormalitySignals(null, new ObjectMapper(), Duration.ofMinutes(2), sections);
  }
}
