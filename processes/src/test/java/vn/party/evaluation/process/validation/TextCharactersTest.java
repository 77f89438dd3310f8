package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextCharactersTest {

  @Test
  void textsPeopleWriteAreRefusedForLoneSurrogatesAndBidirectionalOverridesOnly() {
    assertThat(TextCharacters.problem("Gương mẫu nơi cư trú 😀\n\tđủ")).isNull();
    assertThat(TextCharacters.problem("a\u0007b")).isEqualTo(FieldError.CONTROL_CHARACTERS);
    for (String bad :
        new String[] {"a\ud800b", "a\udc00", "\ud83d", "\u202Aa", "a\u202Eb", "\u2066x\u2069"}) {
      assertThat(TextCharacters.problem(bad)).as(bad).isEqualTo(FieldError.INVALID_CHARACTERS);
    }
    // the marks that only hint a direction (U+200E/F) are ordinary text
    assertThat(TextCharacters.problem("a\u200Fb")).isNull();
  }

  @Test
  void everyFormTextIsCheckedTheSameWay() {
    assertThat(
            TaskCompletionRules.checkSent(
                "committee-decision", Map.of("decisionComment", "a\u202Eb")))
        .extracting(FieldError::reason)
        .containsExactly(FieldError.INVALID_CHARACTERS);
  }

  @Test
  void minimumLengthsCountOnlyTheCharactersAReaderSees() {
    assertThat(TextCharacters.visibleLength("\u200b".repeat(25))).isZero();
    assertThat(TextCharacters.blank("\u200b\u200c\u200d\u2060\ufeff \u00a0\n\t")).isTrue();
    assertThat(TextCharacters.blank(null)).isTrue();
    assertThat(TextCharacters.visibleLength("Gương mẫu 😀")).isEqualTo(11);
    assertThat(TextCharacters.visibleLength("a\u200bb")).isEqualTo(2);
    assertThat(TextCharacters.blank("\u200ba")).isFalse();
    assertThat(TextCharacters.visibleLength("\u200b Còn\u200b chậm.\u200b\u00a0")).isEqualTo(9);
  }
}
