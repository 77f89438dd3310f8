package vn.party.evaluation.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.process.validation.SelfReviewRules;

/**
 * Twelfth session's outsider, LOW 13 (left open): the self-review page's section headings ({@code
 * self-review.section.*}, "I. Ưu điểm, kết quả đạt được") and a too-short section's refusal named a section by its
 * title, while Tasklist's form and every other refusal named it by its label ({@code field.*}, "Ưu điểm"). One wording
 * now: each required section's label is its heading's title (the numeral aside), in both languages, and the
 * too-short refusal names it by that label.
 */
class SectionWordsTest {

  @Test
  void aRequiredSectionIsNamedAlikeByItsHeadingAndItsLabel() throws Exception {
    for (String bundle : List.of("messages.properties", "messages_en.properties")) {
      Properties messages = new Properties();
      try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
        messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      for (String section : SelfReviewRules.REQUIRED_SECTIONS) {
        String label = messages.getProperty("field." + section);
        String heading = messages.getProperty("self-review.section." + section);
        assertThat(label.replaceFirst("^[IVX]+\\. ", ""))
            .as(bundle + ": " + section)
            .isEqualTo(heading);
      }
    }
  }
}
