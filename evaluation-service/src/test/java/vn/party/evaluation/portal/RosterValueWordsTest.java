package vn.party.evaluation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.party.evaluation.TestMessages;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.roster.RosterFields;

/**
 * Every coded value the roster keeps, as the member's page shows it in the history of changes: in words, never the
 * code (the thirteenth session's outsider, finding 11: "Giới tính: — → MALE").
 */
class RosterValueWordsTest {

  private final PeoplesWords words =
      new PeoplesWords(
          TestMessages.messages(),
          Mockito.mock(People.class),
          new PortalTime("Asia/Ho_Chi_Minh"),
          null);

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  static Stream<Arguments> everyCodedValue() {
    Stream.Builder<Arguments> values = Stream.builder();
    for (Locale locale : new Locale[] {Locale.forLanguageTag("vi"), Locale.ENGLISH}) {
      RosterFields.SEXES.forEach(v -> values.add(Arguments.of(locale, "sex", v)));
      RosterFields.MEMBERSHIPS.forEach(v -> values.add(Arguments.of(locale, "membership", v)));
      RosterFields.LEADERSHIPS.forEach(v -> values.add(Arguments.of(locale, "leadership", v)));
      RosterFields.HEADS.forEach(v -> values.add(Arguments.of(locale, "headOf", v)));
    }
    return values.build();
  }

  @ParameterizedTest(name = "{1} = {2} ({0})")
  @MethodSource("everyCodedValue")
  void aCodedValueReadsInWords(Locale locale, String field, String code) {
    LocaleContextHolder.setLocale(locale);

    String shown = words.rosterValue(field, code);

    assertThat(shown).isNotBlank().isNotEqualTo(code).doesNotContain("_");
  }
}
