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

  /**
   * Outsider's re-attack of 2026-12-06 (fifth session), finding 9: a noncharacter (U+FFFE, shown as "?" in the DOCX)
   * and the invisible tag characters U+E0000–U+E007F inside otherwise valid text passed every door.
   */
  @Test
  void noncharactersAndTagCharactersInsideATextAreRefused() {
    for (String bad :
        new String[] {
          "Tốt\uFFFE",
          "a\uFFFFb",
          "a\uFDD0b",
          "a\uFDEFb",
          "a\ud83f\udffeb", // U+1FFFE
          "a\udbff\udfffb", // U+10FFFF
          "Ưu điểm \udb40\udc69\udb40\udc67\udb40\udc6e", // U+E0069 U+E0067 U+E006E
          "a\udb40\udc01b", // U+E0001 LANGUAGE TAG
          "a\udb40\udc7fb" // U+E007F CANCEL TAG
        }) {
      assertThat(TextCharacters.problem(bad)).as(bad).isEqualTo(FieldError.INVALID_CHARACTERS);
    }
    // neighbours stay ordinary text: the replacement character, private use, a variation selector
    // supplement
    for (String good : new String[] {"a\uFFFDb", "a\uE000b", "a\uFDCFb", "a\udb40\udd00b"}) {
      assertThat(TextCharacters.problem(good)).as(good).isNull();
    }
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

  @Test
  void blanksOtherThanFormatCharactersAreNotCountedNorInnerRunsOfSpaces() {
    for (String blank :
        new String[] {
          "\u3164",
          "\u2800",
          "\u034f",
          "\u115f",
          "\u1160",
          "\uffa0",
          "\u180e",
          "\u17b4",
          "\ufe0f",
          "\u00ad",
          "\u2065",
          "\udb40\udc20",
          "\ud834\udd73",
          "\u3000",
          "\u2007"
        }) {
      assertThat(TextCharacters.visibleLength(blank.repeat(30)))
          .as("U+%04X", blank.codePointAt(0))
          .isZero();
    }
    assertThat(TextCharacters.blank("\u3164\u2800 \u034f\u115f\u1160\uffa0\u180e")).isTrue();
    // a gap is one character however long the run of spaces (and fillers) that makes it
    assertThat(TextCharacters.visibleLength("a" + " ".repeat(40) + "b")).isEqualTo(3);
    assertThat(TextCharacters.visibleLength("a \u3164\u2800 \n\tb")).isEqualTo(3);
    // a combining mark on a letter, and a flag (regional indicators) or an emoji sequence are seen
    assertThat(TextCharacters.visibleLength("e\u0301")).isEqualTo(2);
    assertThat(TextCharacters.visibleLength("\ud83c\uddfb\ud83c\uddf3")).isEqualTo(2);
  }
}
