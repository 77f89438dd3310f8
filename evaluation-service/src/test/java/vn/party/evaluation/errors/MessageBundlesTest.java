package vn.party.evaluation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads exists in both languages: a key only in the Vietnamese bundle falls back to Vietnamese on
 * an English page (the level caps' explanation did, eighth session's outsider, finding 6), one only in the English
 * bundle shows English on a Vietnamese page.
 */
class MessageBundlesTest {

  @Test
  void everyKeyIsInBothLanguages() throws IOException {
    Set<String> vietnamese = keys("messages.properties");
    Set<String> english = keys("messages_en.properties");

    Set<String> onlyVietnamese = new TreeSet<>(vietnamese);
    onlyVietnamese.removeAll(english);
    Set<String> onlyEnglish = new TreeSet<>(english);
    onlyEnglish.removeAll(vietnamese);
    assertThat(onlyVietnamese).as("keys without an English text").isEmpty();
    assertThat(onlyEnglish).as("keys without a Vietnamese text").isEmpty();
  }

  /**
   * Twelfth session's outsider, LOW 9: a refused level or committee role listed the codes ("EXCELLENT, GOOD, …",
   * "SECRETARY (bí thư / chủ nhiệm), …") to people. The sentences list the choices by the names the pages show them
   * with ({@code level.*}, {@code unit.role.*}), in each language; the API's reason codes stay as they are.
   */
  @Test
  void aRefusedChoiceListsTheChoicesByTheirNames() throws IOException {
    for (String file : List.of("messages.properties", "messages_en.properties")) {
      Properties messages = load(file);
      String level = messages.getProperty("reason.invalid-level");
      for (String code : List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")) {
        assertThat(level).as(file).contains(messages.getProperty("level." + code));
      }
      assertThat(level).as(file).doesNotContainPattern("[A-Z]{2,}");
      String role = messages.getProperty("reason.invalid-role");
      for (String code : List.of("SECRETARY", "DEPUTY", "MEMBER")) {
        assertThat(role).as(file).contains(messages.getProperty("unit.role." + code));
      }
      assertThat(role).as(file).doesNotContainPattern("[A-Z]{2,}");
    }
  }

  private Set<String> keys(String file) throws IOException {
    return load(file).stringPropertyNames();
  }

  private Properties load(String file) throws IOException {
    Properties messages = new Properties();
    try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return messages;
  }
}
