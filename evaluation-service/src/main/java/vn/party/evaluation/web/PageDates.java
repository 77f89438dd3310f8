package vn.party.evaluation.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Dates on the people's pages in the Vietnamese order whatever the browser's language (issue 14): a native date field
 * shows mm/dd/yyyy in an English browser, so the pages use text fields written dd/mm/yyyy (a deadline dd/mm/yyyy
 * HH:mm) and turn them here into the ISO text the services read. ISO text is still taken (scripts, older forms); any
 * other text is passed on unchanged, for the service to refuse it next to the field ({@code invalid-format}). The
 * templates show values through {@code @dates}.
 */
@Component("dates")
public class PageDates {

  /** What a date field's placeholder and pattern say. */
  public static final String DATE_PATTERN = "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}";

  private static final Pattern DAY =
      Pattern.compile("\\s*([0-9]{1,2})\\s*/\\s*([0-9]{1,2})\\s*/\\s*([0-9]{4})\\s*");
  private static final Pattern DAY_AND_TIME =
      Pattern.compile(
          "\\s*([0-9]{1,2})\\s*/\\s*([0-9]{1,2})\\s*/\\s*([0-9]{4})(?:\\s+|\\s*,\\s*)([0-9]{1,2})[:h]([0-9]{2})\\s*");
  private static final DateTimeFormatter SHOWN_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter SHOWN_DAY_AND_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** A date as written on the page (dd/mm/yyyy) as ISO {@code yyyy-MM-dd}; blank: null; other text unchanged. */
  public static String isoDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = DAY.matcher(text);
    if (m.matches()) {
      try {
        return LocalDate.of(number(m, 3), number(m, 2), number(m, 1)).toString();
      } catch (DateTimeException e) {
        return text; // 31/02/2026, 12/31/2026: refused by the service as a wrong date
      }
    }
    return text;
  }

  /**
   * A date and time as written on the page (dd/mm/yyyy HH:mm; the date alone: 17:00, the end of a working day) as
   * ISO {@code yyyy-MM-ddTHH:mm}; blank: null; other text unchanged.
   */
  public static String isoDateTime(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      Matcher m = DAY_AND_TIME.matcher(text);
      if (m.matches()) {
        return LocalDateTime.of(
                LocalDate.of(number(m, 3), number(m, 2), number(m, 1)),
                LocalTime.of(number(m, 4), number(m, 5)))
            .toString();
      }
      Matcher day = DAY.matcher(text);
      if (day.matches()) {
        return LocalDate.of(number(day, 3), number(day, 2), number(day, 1))
            .atTime(17, 0)
            .toString();
      }
    } catch (DateTimeException e) {
      return text;
    }
    return text;
  }

  /** A value to show in a date field: an ISO date (text or LocalDate) as dd/mm/yyyy; anything else as it is. */
  public String day(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return SHOWN_DAY.format(date);
    }
    String text = value.toString();
    try {
      return SHOWN_DAY.format(LocalDate.parse(text.strip()));
    } catch (DateTimeException e) {
      return text;
    }
  }

  /** A value to show in a deadline field: an ISO date and time as dd/mm/yyyy HH:mm; anything else as it is. */
  public String dayAndTime(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDateTime time) {
      return SHOWN_DAY_AND_TIME.format(time);
    }
    String text = value.toString();
    try {
      return SHOWN_DAY_AND_TIME.format(LocalDateTime.parse(text.strip()));
    } catch (DateTimeException e) {
      return text;
    }
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
