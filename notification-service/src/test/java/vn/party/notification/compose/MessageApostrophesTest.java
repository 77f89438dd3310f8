package vn.party.notification.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message goes through {@link MessageFormat} here ({@code always-use-message-format}), where a lone apostrophe
 * starts quoted text: "Your account's password was reset by {0} at {1}" printed the placeholders as written. Every
 * apostrophe inside a word must survive formatting, and every argument must appear.
 */
class MessageApostrophesTest {

  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
  private static final Pattern WORD_APOSTROPHE = Pattern.compile("(\\p{L})'+(\\p{L})");

  @ParameterizedTest
  @ValueSource(strings = {"messages.properties", "messages_en.properties"})
  void everyMessageKeepsItsApostrophesAndArguments(String file) throws IOException {
    Properties messages = new Properties();
    try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    List<String> wrong = new ArrayList<>();
    for (String key : messages.stringPropertyNames()) {
      String source = messages.getProperty(key);
      int arguments = 0;
      Matcher argument = ARGUMENT.matcher(source);
      while (argument.find()) {
        arguments = Math.max(arguments, Integer.parseInt(argument.group(1)) + 1);
      }
      Object[] values = new Object[arguments];
      for (int i = 0; i < arguments; i++) {
        values[i] = numeric(source, i) ? (Object) (i + 2) : "ARG" + i;
      }
      String shown = new MessageFormat(source, Locale.ROOT).format(values);
      for (int i = 0; i < arguments; i++) {
        if (source.contains("{" + i)
            && values[i] instanceof String marker
            && !shown.contains(marker)) {
          wrong.add(key + ": argument " + i + " not shown in \"" + shown + "\"");
        }
      }
      Matcher word = WORD_APOSTROPHE.matcher(source);
      while (word.find()) {
        String expected = word.group(1) + "'" + word.group(2);
        if (!shown.contains(expected)) {
          wrong.add(key + ": \"" + expected + "\" lost in \"" + shown + "\"");
        }
      }
    }
    assertThat(wrong).as(file).isEmpty();
  }

  /** Whether argument {@code i} is formatted as a number ({@code {i,number}}, {@code {i,choice,…}}). */
  private static boolean numeric(String source, int i) {
    return source.contains("{" + i + ",number") || source.contains("{" + i + ",choice");
  }
}
