package vn.party.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The twelfth session's outsider, LOW 14: a 404 for an unknown account repeated the id as sent, a bidirectional
 * override included ("Tài khoản ‮evil…"), so the sentence read backwards. Every refusal that repeats the reader's
 * text does so through {@link ApiException}'s arguments, neutralised there: bidirectional, other format and control
 * characters shown as U+FFFD; numbers and ordinary text as they were.
 */
class EchoedInputTest {

  @Test
  void anEchoedIdHasNoBidirectionalOrControlCharacters() {
    ApiException refused =
        ApiException.notFound(
            "error.account.not-found", "\u202Eevil\u2066x\u200B\u0000y\nz\uDC00", 2026);
    String shown = (String) refused.arguments()[0];
    assertThat(shown)
        .doesNotContain("\u202E", "\u2066", "\u200B", "\u0000", "\n", "\uDC00")
        .isEqualTo("\uFFFDevil\uFFFDx\uFFFD\uFFFDy\uFFFDz\uFFFD");
    assertThat(refused.arguments()[1]).isEqualTo(2026);
    assertThat(
            ApiException.conflict("error.campaign.exists", "Chi bộ Số 1 – Đảng ủy", 2026)
                .arguments())
        .containsExactly("Chi bộ Số 1 – Đảng ủy", 2026);
  }
}
